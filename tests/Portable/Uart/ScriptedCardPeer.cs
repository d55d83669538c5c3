using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>
    /// A minimal card at the far end of a <see cref="SimUartLine"/> for the driver's unit tests: it
    /// answers the RST rising edge (or an in-band FF FF) with a fixed ATR a chosen number of clock
    /// cycles later, records what the host sends, and plays one scripted reply. Convention, parity
    /// errors and gaps are injected by the test.
    /// </summary>
    internal sealed class ScriptedCardPeer : ISimUartPeer
    {
        /// <summary>Characters the card sends are 12 etu apart (ISO 7816-3 minimum without extra guard time).</summary>
        private const int CardCharacterEtu = 12;

        /// <summary>A host character on the wire: start, 8 data bits, parity and two stop bits.</summary>
        private const int HostCharacterBits = 12;

        /// <summary>Delay between the host's last character and the scripted reply, in etu.</summary>
        private const int ReplyDelayEtu = 20;

        private const int MaxRecorded = 512;

        private readonly VirtualClock clock;
        private readonly SimUartLine line;
        private readonly IClockOutput clk;

        private byte[] reply;
        private int replyAfterHostCharacters;
        private int consecutiveFf;

        public ScriptedCardPeer(VirtualClock clock, SimUartLine line, IClockOutput clk)
        {
            this.clock = clock;
            this.line = line;
            this.clk = clk;
            line.Peer = this;
        }

        /// <summary>The ATR in logical bytes (TS 3B or 3F); null makes the card mute.</summary>
        public byte[] Atr = TestSupport.Hex("3B 00");

        /// <summary>True for an inverse-convention card: every character goes out as reverse(~b) with odd parity.</summary>
        public bool Inverse;

        /// <summary>Start of TS after the reset release, in clock cycles (ISO 7816-3: 400 … 40 000).</summary>
        public long AtrDelayClocks = 1000;

        /// <summary>Index of an ATR character preceded by an extra silence of <see cref="AtrGapEtu"/>; -1 for none.</summary>
        public int AtrGapIndex = -1;

        public int AtrGapEtu;

        /// <summary>Index of an ATR or reply character sent with a wrong parity bit; -1 for none.</summary>
        public int ParityErrorIndex = -1;

        /// <summary>F and D the card uses for replies (after a PPS the test sets them).</summary>
        public int F = 372;

        public int D = 1;

        /// <summary>Wire bytes the host sent, their parity bits and start times.</summary>
        public readonly byte[] HostData = new byte[MaxRecorded];

        public readonly bool[] HostParity = new bool[MaxRecorded];

        public readonly long[] HostStartMicros = new long[MaxRecorded];

        public int HostCount;

        /// <summary>Virtual time at which the last ATR was triggered (RST rise or end of FF FF).</summary>
        public long ResetSeenMicros = -1;

        public int ResetCount;

        /// <summary>Start of the first character of the last reply or ATR.</summary>
        public long LastTransmitStartMicros;

        /// <summary>Attaches to the RST pin: a rising edge with CLK running answers with the ATR.</summary>
        public void WatchReset(SimOutputPin reset)
        {
            reset.Written += OnResetWritten;
        }

        /// <summary>Sends <paramref name="logical"/> once the host has sent <paramref name="afterHostCharacters"/> characters in total.</summary>
        public void ReplyAfter(int afterHostCharacters, byte[] logical)
        {
            replyAfterHostCharacters = afterHostCharacters;
            reply = logical;
        }

        /// <summary>Sends <paramref name="logical"/> now (from the current virtual time).</summary>
        public void SendNow(byte[] logical)
        {
            Send(logical, clock.NowMicros, -1);
        }

        public long EtuMicros(int etu)
        {
            return (long)etu * F * 1000000L / ((long)D * clk.FrequencyHz);
        }

        public void OnCharacter(SimUartLine source, byte data, bool parityBit, long startMicros, int baudRate)
        {
            if (HostCount < MaxRecorded)
            {
                HostData[HostCount] = data;
                HostParity[HostCount] = parityBit;
                HostStartMicros[HostCount] = startMicros;
            }

            HostCount++;
            long endMicros = startMicros + SimUartLine.CharacterMicros(HostCharacterBits, baudRate);
            consecutiveFf = data == 0xFF ? consecutiveFf + 1 : 0;
            if (consecutiveFf == 2)
            {
                consecutiveFf = 0;
                AnswerToReset(endMicros);
                return;
            }

            if (reply != null && HostCount == replyAfterHostCharacters)
            {
                byte[] pending = reply;
                reply = null;
                Send(pending, endMicros + EtuMicros(ReplyDelayEtu), ParityErrorIndex);
            }
        }

        private void OnResetWritten(SimOutputPin pin, bool high, long timeMicros)
        {
            if (high && clk.FrequencyHz > 0)
            {
                AnswerToReset(timeMicros);
            }
        }

        private void AnswerToReset(long releasedMicros)
        {
            ResetSeenMicros = releasedMicros;
            ResetCount++;
            F = 372;
            D = 1;
            if (Atr == null)
            {
                return;
            }

            long start = releasedMicros + (AtrDelayClocks * 1000000L + clk.FrequencyHz - 1) / clk.FrequencyHz;
            Send(Atr, start, ParityErrorIndex);
        }

        private void Send(byte[] logical, long firstStart, int parityErrorIndex)
        {
            int baud = (int)(((long)clk.FrequencyHz * D + F / 2) / F);
            long start = firstStart;
            LastTransmitStartMicros = firstStart;
            for (int i = 0; i < logical.Length; i++)
            {
                if (i == AtrGapIndex && logical == Atr)
                {
                    start += EtuMicros(AtrGapEtu);
                }

                byte wire = Inverse ? InverseByte(logical[i]) : logical[i];
                bool parity = SimUartLine.EvenParityBit(wire) != Inverse;
                if (i == parityErrorIndex)
                {
                    parity = !parity;
                }

                line.Transmit(wire, parity, start, baud);
                start += EtuMicros(CardCharacterEtu);
            }
        }

        /// <summary>What an inverse-convention card puts on the wire for <paramref name="logical"/>, read LSB first: reverse(~b).</summary>
        public static byte InverseByte(byte logical)
        {
            int value = ~logical & 0xFF;
            int reversed = 0;
            for (int bit = 0; bit < 8; bit++)
            {
                reversed = (reversed << 1) | ((value >> bit) & 1);
            }

            return (byte)reversed;
        }
    }
}
