namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// A parsed Answer-to-Reset (ISO 7816-3 §8): TS, T0, the interface bytes TAi/TBi/TCi/TDi, the
    /// historical bytes and TCK, with every field the library needs already interpreted (defaults
    /// filled in where a byte is absent). <see cref="Parse"/> never throws: anything wrong with the
    /// bytes is listed in <see cref="Errors"/> and the fields hold what could be read.
    /// </summary>
    public sealed partial class Atr
    {
        /// <summary>An ATR has at most 33 characters: TS and 32 more (§8.2.1).</summary>
        public const int MaxLength = 33;

        /// <summary>Default WI, the T=0 waiting time integer (§10.2).</summary>
        public const int DefaultWi = 10;

        /// <summary>Default IFSC for T=1 (§11.4.2).</summary>
        public const int DefaultIfsc = 32;

        /// <summary>Default CWI for T=1 (§11.4.3).</summary>
        public const int DefaultCwi = 13;

        /// <summary>Default BWI for T=1 (§11.4.3).</summary>
        public const int DefaultBwi = 4;

        /// <summary>TS of a direct-convention card (§8.1).</summary>
        public const byte TsDirect = 0x3B;

        /// <summary>TS of an inverse-convention card, as decoded logically (§8.1).</summary>
        public const byte TsInverse = 0x3F;

        /// <summary>The protocol type number that carries global parameters (T=15, §8.2.3).</summary>
        public const int GlobalParametersType = 15;

        /// <summary>Interface-byte groups that fit in 33 characters (TS, T0 and one TDi per group).</summary>
        public const int MaxGroups = MaxLength - 2;

        private byte[] _bytes;
        private AtrError[] _errors;
        private readonly int[] _ta = NewAbsentArray();
        private readonly int[] _tb = NewAbsentArray();
        private readonly int[] _tc = NewAbsentArray();
        private readonly int[] _td = NewAbsentArray();

        private Atr()
        {
        }

        /// <summary>The bytes that were parsed (a private copy, TS first, logical values).</summary>
        public byte[] Bytes
        {
            get { return _bytes; }
        }

        public int Length
        {
            get { return _bytes.Length; }
        }

        public AtrConvention Convention { get; private set; }

        public bool InverseConvention
        {
            get { return Convention == AtrConvention.Inverse; }
        }

        /// <summary>The findings, empty when the ATR is well formed.</summary>
        public AtrError[] Errors
        {
            get { return _errors; }
        }

        /// <summary>True when nothing at all was found wrong.</summary>
        public bool IsValid
        {
            get { return _errors.Length == 0; }
        }

        /// <summary>True when length, TS and TCK are right (reserved values may still be reported).</summary>
        public bool IsStructurallyValid
        {
            get
            {
                for (int i = 0; i < _errors.Length; i++)
                {
                    if (_errors[i].IsStructural)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// True when TS is valid, every announced interface byte arrived and the length is at most 33,
        /// so the parameters can be used; a bad TCK, missing historical bytes or trailing bytes do not prevent that (many cards
        /// in the field have them).
        /// </summary>
        public bool IsUsable
        {
            get
            {
                for (int i = 0; i < _errors.Length; i++)
                {
                    AtrErrorCode code = _errors[i].Code;
                    if (code == AtrErrorCode.NoData || code == AtrErrorCode.TooShort || code == AtrErrorCode.BadTs
                        || code == AtrErrorCode.TruncatedInterfaceBytes || code == AtrErrorCode.TooLong)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>Number of interface-byte groups read (the i of the last group that has a byte; 0 without any).</summary>
        public int GroupCount { get; private set; }

        /// <summary>TAi (i ≥ 1) or -1 when absent.</summary>
        public int TA(int i)
        {
            return InterfaceByte(_ta, i);
        }

        /// <summary>TBi (i ≥ 1) or -1 when absent.</summary>
        public int TB(int i)
        {
            return InterfaceByte(_tb, i);
        }

        /// <summary>TCi (i ≥ 1) or -1 when absent.</summary>
        public int TC(int i)
        {
            return InterfaceByte(_tc, i);
        }

        /// <summary>TDi (i ≥ 1) or -1 when absent.</summary>
        public int TD(int i)
        {
            return InterfaceByte(_td, i);
        }

        /// <summary>TA1 as sent, or 0x11 (Fd, Dd) when absent (§8.3).</summary>
        public int Ta1 { get; private set; }

        public bool Ta1Present
        {
            get { return _ta[1] >= 0; }
        }

        /// <summary>FI, the high nibble of TA1 (1 when absent).</summary>
        public int FiIndex
        {
            get { return Ta1 >> 4; }
        }

        /// <summary>DI, the low nibble of TA1 (1 when absent).</summary>
        public int DiIndex
        {
            get { return Ta1 & 0x0F; }
        }

        /// <summary>Fi, the clock rate conversion integer (0 when FI is reserved).</summary>
        public int Fi
        {
            get { return AtrTables.Fi(FiIndex); }
        }

        /// <summary>Di, the baud rate adjustment integer (0 when DI is reserved).</summary>
        public int Di
        {
            get { return AtrTables.Di(DiIndex); }
        }

        /// <summary>f(max) in Hz that goes with Fi (0 when FI is reserved).</summary>
        public int FMaxHz
        {
            get { return AtrTables.FMaxHz(FiIndex); }
        }

        /// <summary>N, the extra guard time integer from TC1 (0 when absent, §8.3).</summary>
        public int N { get; private set; }

        /// <summary>WI, the T=0 waiting time integer from TC2 (10 when absent, §10.2).</summary>
        public int WI { get; private set; }

        /// <summary>IFSC from the first TAi (i ≥ 3) after T=1 (32 when absent, §11.4.2).</summary>
        public int Ifsc { get; private set; }

        /// <summary>CWI, low nibble of the first TBi (i ≥ 3) after T=1 (13 when absent, §11.4.3).</summary>
        public int Cwi { get; private set; }

        /// <summary>BWI, high nibble of the first TBi (i ≥ 3) after T=1 (4 when absent, §11.4.3).</summary>
        public int Bwi { get; private set; }

        /// <summary>True when the first TCi (i ≥ 3) after T=1 selects CRC (b1 = 1); LRC otherwise (§11.4.4).</summary>
        public bool UsesCrc { get; private set; }

        /// <summary>Offered protocols as Protocols bits (T0, T1, T15); T0 alone when there is no TD1.</summary>
        public int OfferedProtocols { get; private set; }

        /// <summary>Every protocol type number announced by a TDi, as bit (1 &lt;&lt; T); bit 0 alone without TD1.</summary>
        public int OfferedTypes { get; private set; }

        /// <summary>The type number T of the first TDi, 0 without TD1 (§8.2.3).</summary>
        public int DefaultProtocolType { get; private set; }

        /// <summary>The default protocol as a Protocols bit (Undefined when it is neither T=0 nor T=1).</summary>
        public int DefaultProtocol
        {
            get { return ProtocolBit(DefaultProtocolType); }
        }

        /// <summary>True when TA2 is present: the card is in specific mode (§6.3.1, §8.3).</summary>
        public bool SpecificMode
        {
            get { return _ta[2] >= 0; }
        }

        /// <summary>The protocol type number TA2 imposes (b4..b1), -1 in negotiable mode.</summary>
        public int SpecificProtocolType
        {
            get { return SpecificMode ? _ta[2] & 0x0F : -1; }
        }

        /// <summary>TA2 b5 = 1: the etu is implicitly known, not given by Fi/Di (§8.3).</summary>
        public bool SpecificModeImplicit
        {
            get { return SpecificMode && (_ta[2] & 0x10) != 0; }
        }

        /// <summary>TA2 b8 = 0: the card can change to negotiable mode (after a warm reset).</summary>
        public bool SpecificModeChangeable
        {
            get { return SpecificMode && (_ta[2] & 0x80) == 0; }
        }

        /// <summary>True when a TAi (i ≥ 3) follows a TD announcing T=15.</summary>
        public bool GlobalTa15Present { get; private set; }

        /// <summary>Clock stop indicator X (b8..b7 of the first TA after T=15): 0 not supported, 1 state L, 2 state H, 3 no preference.</summary>
        public int ClockStop { get; private set; }

        /// <summary>Class indicator Y (b6..b1 of the first TA after T=15): bit 0 class A, bit 1 class B, bit 2 class C. Class A only when absent.</summary>
        public int Classes { get; private set; }

        /// <summary>K, the number of historical bytes announced by T0.</summary>
        public int HistoricalDeclared { get; private set; }

        /// <summary>Index of the first historical byte within <see cref="Bytes"/>.</summary>
        public int HistoricalOffset { get; private set; }

        /// <summary>Number of historical bytes actually present (less than K when truncated).</summary>
        public int HistoricalLength { get; private set; }

        /// <summary>True when some TDi offers a protocol other than T=0, so TCK must be sent (§8.2.5).</summary>
        public bool TckRequired { get; private set; }

        /// <summary>True when the ATR contains TCK.</summary>
        public bool TckPresent { get; private set; }

        /// <summary>True when TCK is present and T0 ⊕ … ⊕ TCK = 0.</summary>
        public bool TckValid { get; private set; }

        private static int[] NewAbsentArray()
        {
            int[] bytes = new int[MaxGroups + 1];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = -1;
            }

            return bytes;
        }

        private static int InterfaceByte(int[] bytes, int i)
        {
            return i >= 1 && i < bytes.Length ? bytes[i] : -1;
        }

        /// <summary>The Protocols bit of a protocol type number T (Undefined for types the library has no bit for).</summary>
        internal static int ProtocolBit(int type)
        {
            if (type == 0)
            {
                return Protocols.T0;
            }

            if (type == 1)
            {
                return Protocols.T1;
            }

            return type == GlobalParametersType ? Protocols.T15 : Protocols.Undefined;
        }
    }
}
