namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// An ISO/IEC 14443-4 type A smart card: the applet behind SEL_RES 20 and an ATS. Its MF also holds the
    /// PPSE listing its applications (<see cref="CardApplications.ProximityPaymentDirectory"/>), as contactless cards
    /// announce theirs.
    /// </summary>
    public sealed class Iso14443_4Card : AppletCard
    {
        // ATS format byte T0 (ISO/IEC 14443-4 §5.2.3): TA(1), TB(1) and TC(1) present (0x70), FSCI 8 = 256-byte frames.
        private const byte FormatByte = 0x78;

        // TA(1) (§5.2.4): bit 8 set = same divisor both ways, no higher bit rate: 106 kbit/s only.
        private const byte InterfaceByteA = 0x80;

        // TB(1) (§5.2.5): FWI 8 (FWT ≈ 77 ms) in b8..b5, SFGI 0.
        private const int Fwi = 8;
        private const byte InterfaceByteB = Fwi << 4;

        // TC(1) (§5.2.6): CID supported, NAD not.
        private const byte InterfaceByteC = 0x02;

        private const int AtsHeaderLength = 5;

        // SENS_RES bits 7-8 give the UID size: single (4 bytes) 00, double (7 bytes) 01 (ISO/IEC 14443-3 §6.5.2.1).
        private const byte SensResSingleUid = 0x04;
        private const byte SensResDoubleUid = 0x44;
        private const int SingleUidLength = 4;

        private readonly byte[] _ats;

        /// <param name="uid">NFCID1, 4 or 7 bytes.</param>
        /// <param name="profile">The card's profile: its historical bytes go into the ATS, its file system into the applet.</param>
        public Iso14443_4Card(byte[] uid, CardProfile profile)
            : base(uid, new byte[] { 0x00, uid.Length == SingleUidLength ? SensResSingleUid : SensResDoubleUid }, SelResIso14443_4, new CardApplet(profile))
        {
            _ats = BuildAts(profile.HistoricalBytes);
            Applet.MasterFile.Add(CardApplications.ProximityPaymentDirectory());
        }

        public override byte[] Ats
        {
            get { return _ats; }
        }

        public override int FrameWaitingIndex
        {
            get { return Fwi; }
        }

        /// <summary>TL (the length, itself included), T0, TA(1), TB(1), TC(1), then the historical bytes.</summary>
        private static byte[] BuildAts(byte[] historicalBytes)
        {
            byte[] ats = new byte[AtsHeaderLength + historicalBytes.Length];
            ats[0] = (byte)ats.Length;
            ats[1] = FormatByte;
            ats[2] = InterfaceByteA;
            ats[3] = InterfaceByteB;
            ats[4] = InterfaceByteC;
            Copy(historicalBytes, 0, ats, AtsHeaderLength, historicalBytes.Length);
            return ats;
        }
    }
}
