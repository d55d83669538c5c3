using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    /// <summary>
    /// A host side for card tests, driven byte by byte: a two-wire simulated line (no echo to remove),
    /// RST, VCC and CLK, and helpers that send and receive logical bytes (mapping inverse convention).
    /// </summary>
    internal sealed class CardTestRig
    {
        public const int ClockHz = 3571200;

        /// <summary>One etu at Fd/Dd and 3.5712 MHz is 104.17 µs; 12 etu are exactly 1250 µs.</summary>
        public const long InitialCharacterMicros = 1250;

        /// <summary>Generous wait for a card's answer (more than the 9600 etu initial waiting time).</summary>
        public const int AnswerTimeoutMicros = 2000000;

        public readonly VirtualClock Clock = new VirtualClock(1000);
        public readonly SimUartLine Line;
        public readonly SimOutputPin Reset;
        public readonly SimOutputPin Vcc;
        public readonly SimClockOutput Clk = new SimClockOutput();
        public readonly SimulatedCard Card;
        public bool Inverse;
        public long ResetReleasedMicros;

        public CardTestRig(CardProfile profile, bool withResetPin)
        {
            Line = new SimUartLine(Clock, false);
            Line.Configure(9600, UartParity.Even, UartStopBits.Two);
            Reset = new SimOutputPin(Clock, false);
            Vcc = new SimOutputPin(Clock, false);
            Card = new SimulatedCard(profile);
            Card.Connect(Line, withResetPin ? Reset : null, Vcc, Clk);
        }

        public CardTestRig(CardProfile profile)
            : this(profile, true)
        {
        }

        /// <summary>Activation and cold reset; returns the ATR (logical bytes), switching to inverse convention on TS = 03.</summary>
        public byte[] ColdReset()
        {
            Vcc.Write(true);
            Clk.Start(ClockHz);
            Reset.Write(false);
            Clock.Advance(200);
            Reset.Write(true);
            ResetReleasedMicros = Clock.NowMicros;
            return ReadAtr();
        }

        /// <summary>Reads characters until 9600 etu of silence, handling TS.</summary>
        public byte[] ReadAtr()
        {
            Inverse = false;
            Line.Configure(9600, UartParity.Even, UartStopBits.Two);
            byte[] buffer = new byte[40];
            int count = Line.Read(buffer, 0, 1, AnswerTimeoutMicros);
            if (count == 1 && buffer[0] == 0x03)
            {
                Inverse = true;
                Line.Configure(9600, UartParity.Odd, UartStopBits.Two);
                buffer[0] = InverseMap(buffer[0]);
            }

            while (count > 0 && count < buffer.Length)
            {
                int n = Line.Read(buffer, count, 1, 1000000);
                if (n == 0)
                {
                    break;
                }

                if (Inverse)
                {
                    buffer[count] = InverseMap(buffer[count]);
                }

                count++;
            }

            byte[] atr = new byte[count];
            System.Array.Copy(buffer, 0, atr, 0, count);
            return atr;
        }

        /// <summary>Sends logical bytes at the line's rate.</summary>
        public void Send(byte[] data)
        {
            byte[] wire = new byte[data.Length];
            for (int i = 0; i < data.Length; i++)
            {
                wire[i] = Inverse ? InverseMap(data[i]) : data[i];
            }

            Line.Write(wire, 0, wire.Length);
            Line.Drain();
        }

        public void Send(string hex)
        {
            Send(TestSupport.Hex(hex));
        }

        /// <summary>Receives up to <paramref name="count"/> logical bytes, each within <paramref name="timeoutMicros"/> of the previous; returns them in hex.</summary>
        public string Receive(int count, int timeoutMicros)
        {
            byte[] buffer = new byte[count];
            int received = 0;
            while (received < count)
            {
                int n = Line.Read(buffer, received, 1, timeoutMicros);
                if (n == 0)
                {
                    break;
                }

                if (Inverse)
                {
                    buffer[received] = InverseMap(buffer[received]);
                }

                received++;
            }

            return TestSupport.ToHex(buffer, 0, received);
        }

        public string Receive(int count)
        {
            return Receive(count, AnswerTimeoutMicros);
        }

        /// <summary>Switches the host side to a new baud rate (after a PPS).</summary>
        public void SetBaudRate(int baudRate)
        {
            Line.Configure(baudRate, Inverse ? UartParity.Odd : UartParity.Even, UartStopBits.Two);
        }

        /// <summary>A T=1 block NAD PCB LEN INF LRC, in hex.</summary>
        public static string Block(int pcb, string infHex)
        {
            byte[] inf = TestSupport.Hex(infHex);
            byte[] block = new byte[4 + inf.Length];
            block[0] = 0x00;
            block[1] = (byte)pcb;
            block[2] = (byte)inf.Length;
            System.Array.Copy(inf, 0, block, 3, inf.Length);
            block[3 + inf.Length] = Edc.ComputeLrc(block, 0, 3 + inf.Length);
            return TestSupport.ToHex(block);
        }

        /// <summary>reverse(~b), the inverse-convention mapping.</summary>
        public static byte InverseMap(byte value)
        {
            int inverted = ~value & 0xFF;
            int reversed = 0;
            for (int bit = 0; bit < 8; bit++)
            {
                reversed = (reversed << 1) | ((inverted >> bit) & 1);
            }

            return (byte)reversed;
        }
    }
}
