namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// An ISO/IEC 14443-4 card (type A or B) whose application is the ISO 7816-4 applet of the contact-card
    /// simulator. The PN532 runs the block protocol (I-blocks, chaining, WTX) itself, so the card answers whole
    /// APDUs (reference iso7816-pn532.md §3.3 InDataExchange, §5.2). <see cref="Faults"/> takes
    /// <see cref="CardFaults.RemoveOnInstruction"/>: the card leaves the field as that command arrives.
    /// </summary>
    public abstract class AppletCard : ContactlessCard
    {
        /// <summary>INS is the second byte of a command APDU (ISO 7816-4 §5.1).</summary>
        private const int InsOffset = 1;

        private readonly CardApplet _applet;
        private readonly CardFaults _faults = new CardFaults();

        protected AppletCard(byte[] uid, byte[] sensRes, byte selRes, CardApplet applet)
            : base(uid, sensRes, selRes)
        {
            _applet = applet;
        }

        public CardApplet Applet
        {
            get { return _applet; }
        }

        /// <summary>Fault injection; only <see cref="CardFaults.RemoveOnInstruction"/> applies to a contactless card.</summary>
        public CardFaults Faults
        {
            get { return _faults; }
        }

        /// <summary>A new activation starts a new session: MF selected, PIN not verified.</summary>
        public override void OnSelected()
        {
            _applet.ResetSecurityState();
        }

        public override RfAnswer Transceive(byte[] command, int offset, int count, byte[] answer, int answerOffset, int answerCapacity, out int answerLength)
        {
            if (count > InsOffset && _faults.TakeRemoval(command[offset + InsOffset]))
            {
                answerLength = 0;
                return RfAnswer.Left;
            }

            answerLength = _applet.Process(command, offset, count, answer, answerOffset, answerCapacity);
            return RfAnswer.Data;
        }
    }
}
