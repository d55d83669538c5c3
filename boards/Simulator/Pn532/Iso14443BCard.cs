using System;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// An ISO/IEC 14443 type B smart card: the applet behind an ATQB and an ATTRIB answer. The PN532 runs REQB
    /// and ATTRIB itself (reference iso7816-pn532.md §3.3 InListPassiveTarget BrTy 03).
    /// </summary>
    public sealed class Iso14443BCard : AppletCard
    {
        /// <summary>The first byte of an ATQB (ISO/IEC 14443-3 §7.9.4).</summary>
        public const byte AtqbCode = 0x50;

        public const int PupiLength = 4;
        public const int ApplicationDataLength = 4;
        public const int ProtocolInfoLength = 3;

        /// <summary>ATQB: the code, PUPI, application data and protocol info (ISO/IEC 14443-3 §7.9.4).</summary>
        public const int AtqbLength = 1 + PupiLength + ApplicationDataLength + ProtocolInfoLength;

        /// <summary>
        /// MBLI of the ATTRIB answer (ISO/IEC 14443-3 §7.11): the card buffers FSC · 2^(MBLI − 1) bytes of a
        /// chained frame; 1 = one FSC.
        /// </summary>
        public const int Mbli = 1;

        /// <summary>An AFI whose family (high nibble) or sub-family (low nibble) is 0 matches every value there (ISO/IEC 14443-3 §7.9.2).</summary>
        public const byte AllFamilies = 0x00;

        // ISO/IEC 14443-3 §7.9.4.3: protocol info byte 3, FWI in b8..b5.
        private const int ProtocolInfoFwiIndex = 2;
        private const int NibbleShift = 4;
        private const byte LowNibble = 0x0F;
        private const byte HighNibble = 0xF0;

        private readonly byte[] _atqb = new byte[AtqbLength];
        private readonly byte[] _attribResponse;
        private readonly byte _afi;
        private readonly int _fwi;

        /// <param name="pupi4">PUPI, the pseudo-unique PICC identifier (4 bytes).</param>
        /// <param name="applicationData4">Application data: AFI, CRC_B(AID) (2 bytes), number of applications (ISO/IEC 14443-3 §7.9.4.2).</param>
        /// <param name="protocolInfo3">Protocol info: bit rates, FSCI and protocol type, FWI ADC FO (ISO/IEC 14443-3 §7.9.4.3).</param>
        /// <param name="applet">The ISO 7816-4 application answering the APDUs.</param>
        public Iso14443BCard(byte[] pupi4, byte[] applicationData4, byte[] protocolInfo3, CardApplet applet)
            : base(pupi4, null, 0x00, applet)
        {
            if (pupi4 == null || pupi4.Length != PupiLength || applicationData4 == null || applicationData4.Length != ApplicationDataLength
                || protocolInfo3 == null || protocolInfo3.Length != ProtocolInfoLength || applet == null)
            {
                throw new ArgumentException("type B card needs a 4-byte PUPI, 4 bytes of application data, 3 of protocol info and an applet");
            }

            _atqb[0] = AtqbCode;
            Copy(pupi4, 0, _atqb, 1, PupiLength);
            Copy(applicationData4, 0, _atqb, 1 + PupiLength, ApplicationDataLength);
            Copy(protocolInfo3, 0, _atqb, 1 + PupiLength + ApplicationDataLength, ProtocolInfoLength);
            _afi = applicationData4[0];
            _fwi = protocolInfo3[ProtocolInfoFwiIndex] >> NibbleShift;

            // ATTRIB answer byte 1 (ISO/IEC 14443-3 §7.11): MBLI in b8..b5, the CID given by ATTRIB (0) in b4..b1.
            _attribResponse = new byte[] { (byte)(Mbli << NibbleShift) };
        }

        /// <summary>
        /// A card with PUPI 1B 2C 3D 4E, application data 00 12 34 01 (no AFI, one application), protocol info
        /// 00 81 81 (106 kbit/s only; FSCI 8 = 256 bytes, ISO 14443-4 compliant; FWI 8, CID supported), and the
        /// applet of the direct-convention contact card.
        /// </summary>
        public static Iso14443BCard CreateDefault()
        {
            return new Iso14443BCard(
                new byte[] { 0x1B, 0x2C, 0x3D, 0x4E },
                new byte[] { 0x00, 0x12, 0x34, 0x01 },
                new byte[] { 0x00, 0x81, 0x81 },
                new CardApplet(CardProfile.DirectT0()));
        }

        /// <summary>The PUPI (also the card's <see cref="ContactlessCard.Uid"/>).</summary>
        public byte[] Pupi
        {
            get { return Uid; }
        }

        /// <summary>The 12-byte ATQB the card answers REQB with.</summary>
        public byte[] Atqb
        {
            get { return _atqb; }
        }

        /// <summary>The answer to ATTRIB: MBLI and CID.</summary>
        public byte[] AttribResponse
        {
            get { return _attribResponse; }
        }

        public override int FrameWaitingIndex
        {
            get { return _fwi; }
        }

        /// <summary>
        /// True when the card answers a REQB with this AFI (ISO/IEC 14443-3 §7.9.2): a card without AFI (00)
        /// answers every REQB; otherwise family and sub-family must match or be 0 in the request.
        /// </summary>
        public bool AnswersAfi(byte afi)
        {
            if (_afi == AllFamilies || afi == AllFamilies)
            {
                return true;
            }

            return NibbleMatches(afi, _afi, HighNibble) && NibbleMatches(afi, _afi, LowNibble);
        }

        private static bool NibbleMatches(byte requested, byte own, byte mask)
        {
            return (requested & mask) == 0 || (requested & mask) == (own & mask);
        }
    }
}
