namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The transmission parameters in force between reader and card (ISO 7816-3 §7–§11): clock,
    /// F and D, guard time and the waiting times of the selected protocol. Built from the ATR
    /// (defaults until PPS or specific mode say otherwise) and handed to the reader driver's
    /// <see cref="ICardChannel.ApplyTiming"/>. Times are integers in microseconds; conversions
    /// from etu round up so a timeout is never shorter than the standard's.
    /// </summary>
    public sealed class CardTiming
    {
        /// <summary>Clock frequency f on the CLK contact, in Hz.</summary>
        public int ClockHz = 3571200;

        /// <summary>Clock rate conversion integer F in force (Fd = 372 until PPS or specific mode).</summary>
        public int F = 372;

        /// <summary>Baud rate adjustment integer D in force (Dd = 1).</summary>
        public int D = 1;

        /// <summary>Extra guard time integer N from TC1 (255: minimum guard time, §8.3).</summary>
        public int N;

        /// <summary>True for an inverse-convention card (TS = 3F).</summary>
        public bool InverseConvention;

        /// <summary>The selected protocol (Protocols.T0 or Protocols.T1), or Protocols.Undefined before selection.</summary>
        public int Protocol;

        /// <summary>Delay between leading edges of two consecutive characters sent to the card, in etu (12 + N, or 11 under T=1 with N = 255).</summary>
        public int CharacterGuardEtu = 12;

        /// <summary>Minimum delay between the last character received and the next one sent, in etu (16 for T=0, BGT = 22 for T=1).</summary>
        public int TurnaroundEtu = 16;

        /// <summary>T=0 waiting time WT (also used for the ATR and PPS), in microseconds.</summary>
        public int WaitingTimeMicros;

        /// <summary>T=1 character waiting time CWT, in microseconds.</summary>
        public int CharacterWaitingTimeMicros;

        /// <summary>T=1 block waiting time BWT, in microseconds.</summary>
        public int BlockWaitingTimeMicros;

        /// <summary>T=1 IFSC, the card's maximum information field size (§11.4.2; 32 until the ATR says otherwise).</summary>
        public int Ifsc = DefaultIfsc;

        /// <summary>Character frame plus minimum guard time: 12 etu (ISO 7816-3 §7.2).</summary>
        public const int MinimumGuardEtu = 12;

        /// <summary>TC1 = FF: minimum guard time, 11 etu between characters under T=1 (§8.3, §11.2).</summary>
        public const int MinimumGuardEtuT1 = 11;

        /// <summary>N = 255 means "minimum guard time" rather than an extra delay (§8.3).</summary>
        public const int MinimumGuardN = 255;

        /// <summary>Initial waiting time after reset and during PPS: 9600 etu (§8.1, §9.1).</summary>
        public const int InitialWaitingTimeEtu = 9600;

        /// <summary>Minimum delay before sending after receiving under T=0: 16 etu (§10.2).</summary>
        public const int T0TurnaroundEtu = 16;

        /// <summary>Block guard time BGT under T=1: 22 etu (§11.4.3).</summary>
        public const int BlockGuardEtu = 22;

        /// <summary>Factor of WI in WT and of 2^BWI in BWT: 960 clock-rate units (§10.2, §11.4.3).</summary>
        public const int WaitingTimeUnit = 960;

        /// <summary>Characters added to 2^CWI (CWT) and to BWT: 11 etu (§11.4.3).</summary>
        public const int T1WaitingTimeExtraEtu = 11;

        /// <summary>Default IFSC (§11.4.2).</summary>
        public const int DefaultIfsc = 32;

        private const long MicrosPerSecond = 1000000L;

        /// <summary>
        /// Parameters in force right after the ATR (§8.1): Fd = 372, Dd = 1 on the reader's clock,
        /// WT = 9600 etu, no protocol yet, guard time from N as in PPS (§9.1), 16-etu turnaround.
        /// </summary>
        public void SetAtrDefaults(int clockHz, int n, bool inverseConvention)
        {
            ClockHz = clockHz;
            F = AtrTables.DefaultF;
            D = AtrTables.DefaultD;
            N = n;
            InverseConvention = inverseConvention;
            Protocol = Protocols.Undefined;
            TurnaroundEtu = T0TurnaroundEtu;
            WaitingTimeMicros = ClampMicros(EtuToMicros(InitialWaitingTimeEtu));
            CharacterWaitingTimeMicros = 0;
            BlockWaitingTimeMicros = 0;
            Ifsc = DefaultIfsc;
        }

        /// <summary>
        /// Guard time GT = 12 etu + R·N/f (§8.3), kept in whole etu (rounded up). R = F/D in force, or
        /// Fi/Di when the ATR has T=15 (pass them as <paramref name="ratioF"/>/<paramref name="ratioD"/>).
        /// N = 255 means the minimum: 12 etu, or 11 etu under T=1.
        /// </summary>
        public void SetGuardTime(int ratioF, int ratioD, bool underT1)
        {
            if (N == MinimumGuardN)
            {
                CharacterGuardEtu = underT1 ? MinimumGuardEtuT1 : MinimumGuardEtu;
                return;
            }

            // R·N/f seconds expressed in etu (F/(D·f)): N·(ratioF/ratioD)·(D/F).
            long numerator = (long)N * ratioF * D;
            long denominator = (long)ratioD * F;
            CharacterGuardEtu = MinimumGuardEtu + (int)((numerator + denominator - 1) / denominator);
        }

        /// <summary>T=0 (§10.2): WT = WI·960·Fi/f, 16-etu turnaround.</summary>
        public void SetT0(int wi, int fi)
        {
            Protocol = Protocols.T0;
            TurnaroundEtu = T0TurnaroundEtu;
            WaitingTimeMicros = ClampMicros(((long)wi * WaitingTimeUnit * fi * MicrosPerSecond + ClockHz - 1) / ClockHz);
        }

        /// <summary>T=1 (§11.4): CWT = (11 + 2^CWI) etu, BWT = 11 etu + 2^BWI·960·Fd/f, BGT = 22 etu, IFSC.</summary>
        public void SetT1(int cwi, int bwi, int ifsc)
        {
            Protocol = Protocols.T1;
            TurnaroundEtu = BlockGuardEtu;
            Ifsc = ifsc;
            CharacterWaitingTimeMicros = ClampMicros(EtuToMicros(T1WaitingTimeExtraEtu + (1L << cwi)));
            long bwtClocks = (1L << bwi) * WaitingTimeUnit * AtrTables.DefaultF;
            long bwtMicros = (bwtClocks * MicrosPerSecond + ClockHz - 1) / ClockHz;
            BlockWaitingTimeMicros = ClampMicros(EtuToMicros(T1WaitingTimeExtraEtu) + bwtMicros);
        }

        private static int ClampMicros(long micros)
        {
            return micros > int.MaxValue ? int.MaxValue : (int)micros;
        }

        /// <summary>The UART baud rate for this F, D and clock: f·D/F.</summary>
        public int BaudRate
        {
            get { return (int)(((long)ClockHz * D + F / 2) / F); }
        }

        /// <summary>Duration of <paramref name="etu"/> elementary time units (etu = F / (D·f)), rounded up, in microseconds.</summary>
        public long EtuToMicros(long etu)
        {
            long denominator = (long)D * ClockHz;
            return (etu * F * 1000000L + denominator - 1) / denominator;
        }

        /// <summary>Copies every field of <paramref name="other"/> into this instance (no allocation).</summary>
        public void CopyFrom(CardTiming other)
        {
            ClockHz = other.ClockHz;
            F = other.F;
            D = other.D;
            N = other.N;
            InverseConvention = other.InverseConvention;
            Protocol = other.Protocol;
            CharacterGuardEtu = other.CharacterGuardEtu;
            TurnaroundEtu = other.TurnaroundEtu;
            WaitingTimeMicros = other.WaitingTimeMicros;
            CharacterWaitingTimeMicros = other.CharacterWaitingTimeMicros;
            BlockWaitingTimeMicros = other.BlockWaitingTimeMicros;
            Ifsc = other.Ifsc;
        }
    }
}
