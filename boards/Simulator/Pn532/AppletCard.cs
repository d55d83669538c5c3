namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// An ISO/IEC 14443-4 card (type A or B) whose application is the ISO 7816-4 applet of the contact-card
    /// simulator. The PN532 runs the block protocol (I-blocks, chaining, WTX) itself, so the card answers whole
    /// APDUs (reference iso7816-pn532.md §3.3 InDataExchange, §5.2).
    /// </summary>
    public abstract class AppletCard : ContactlessCard
    {
        private readonly CardApplet _applet;

        protected AppletCard(byte[] uid, byte[] sensRes, byte selRes, CardApplet applet)
            : base(uid, sensRes, selRes)
        {
            _applet = applet;
        }

        public CardApplet Applet
        {
            get { return _applet; }
        }

        /// <summary>A new activation starts a new session: MF selected, PIN not verified.</summary>
        public override void OnSelected()
        {
            _applet.ResetSecurityState();
        }

        public override RfAnswer Transceive(byte[] command, int offset, int count, byte[] answer, int answerOffset, int answerCapacity, out int answerLength)
        {
            answerLength = _applet.Process(command, offset, count, answer, answerOffset, answerCapacity);
            return RfAnswer.Data;
        }
    }
}
