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
        }
    }
}
