using System;
using System.Diagnostics;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The transmit benchmark of the foundation issue: a T=1 exchange of a 255-byte command and a
    /// 256-byte response through the whole stack (SCardManager → SmartcardDevice → T1Protocol →
    /// UartCardReader → simulated line → simulated card). It measures the line time per exchange on the
    /// virtual clock against the minimum the negotiated F/D, the character guard time and BGT allow, the
    /// bytes allocated per Transmit in steady state, and the real (CPU) time per Transmit. Shared by
    /// `scard bench` and the BenchmarkDotNet project.
    /// </summary>
    public sealed class TransmitBench : IDisposable
    {
        /// <summary>CLA 80 INS 10 (the simulator's PATTERN): P1P2 = 254 bytes back, plus SW1 SW2 = 256 bytes.</summary>
        private const int ResponseDataLength = 254;
        private const int CommandLength = 255;
        private const int ResponseLength = ResponseDataLength + 2;

        /// <summary>T=1 block prologue (NAD, PCB, LEN) and the LRC epilogue (ISO 7816-3 §11.3).</summary>
        private const int BlockOverhead = 3 + 1;

        /// <summary>An R-block: prologue and epilogue only.</summary>
        private const int RBlockLength = BlockOverhead;

        /// <summary>BGT: at least 22 etu between the leading edges of the last character of a block and the first of the next one in the other direction (ISO 7816-3 §11.2).</summary>
        private const int BlockGuardEtu = 22;

        private readonly SimulatorBoard board;
        private readonly SCardManager manager;
        private readonly SmartcardDevice device;
        private readonly byte[] command = new byte[CommandLength];
        private readonly byte[] response = new byte[ResponseLength + 2];
        private readonly int context;
        private readonly int handle;

        public TransmitBench()
        {
            board = new SimulatorBoard(1);
            board.GetSlot(0).Insert(new SimulatedCard(CardProfile.FastT1()));
            manager = new SCardManager(board);
            device = manager.Readers.Get(0).Device;
            Check(manager.EstablishContext(ScardConstants.ScopeSystem, out context), "EstablishContext");
            string[] readers;
            Check(manager.ListReaders(context, out readers), "ListReaders");
            int protocol;
            Check(manager.Connect(context, readers[0], ScardConstants.ShareShared, ScardConstants.ProtocolT1, out handle, out protocol), "Connect");
            command[0] = 0x80;
            command[1] = 0x10;
            command[2] = 0x00;
            command[3] = ResponseDataLength;
            command[4] = CommandLength - 6;
            for (int i = 5; i < CommandLength - 1; i++)
            {
                command[i] = (byte)i;
            }

            command[CommandLength - 1] = 0x00;
        }

        /// <summary>The negotiated transmission parameters (F, D, clock, guard time).</summary>
        public CardTiming Timing
        {
            get { return device.Timing; }
        }

        /// <summary>One exchange through the SCard API; throws when it does not answer 256 bytes ending 90 00.</summary>
        public void Transmit()
        {
            int received;
            int result = manager.Transmit(handle, ScardConstants.ProtocolT1, command, 0, CommandLength, response, 0, response.Length, out received);
            if (result != ScardError.Success || received != ResponseLength || response[received - 2] != 0x90)
            {
                throw new InvalidOperationException("Transmit failed: " + ScardError.GetName(result) + ", " + received + " bytes");
            }
        }

        /// <summary>Virtual line time of one exchange in steady state (from one completion to the next), in microseconds.</summary>
        public long MeasureLineMicros(int exchanges)
        {
            Transmit();
            long start = board.GetSlot(0).Clock.NowMicros;
            for (int i = 0; i < exchanges; i++)
            {
                Transmit();
            }

            return (board.GetSlot(0).Clock.NowMicros - start) / exchanges;
        }

        /// <summary>
        /// The shortest period of one exchange that the timing allows: in every block each character
        /// follows the previous one by the character guard time, and every change of direction (including
        /// the one into the next exchange) waits BGT. The blocks follow from IFSC and IFSD.
        /// </summary>
        public long MinimumLineMicros()
        {
            CardTiming timing = device.Timing;
            int ifsc = AttributeInt(Attributes.CurrentIfsc);
            int ifsd = AttributeInt(Attributes.CurrentIfsd);
            long etu = 0;
            int blocks = 0;
            int commandBlocks = (CommandLength + ifsc - 1) / ifsc;
            int responseBlocks = (ResponseLength + ifsd - 1) / ifsd;
            for (int i = 0; i < commandBlocks; i++)
            {
                int inf = i < commandBlocks - 1 ? ifsc : CommandLength - ifsc * (commandBlocks - 1);
                etu += BlockEtu(inf + BlockOverhead, timing);
                blocks++;
                if (i < commandBlocks - 1)
                {
                    etu += BlockEtu(RBlockLength, timing);
                    blocks++;
                }
            }

            for (int i = 0; i < responseBlocks; i++)
            {
                int inf = i < responseBlocks - 1 ? ifsd : ResponseLength - ifsd * (responseBlocks - 1);
                etu += BlockEtu(inf + BlockOverhead, timing);
                blocks++;
                if (i < responseBlocks - 1)
                {
                    etu += BlockEtu(RBlockLength, timing);
                    blocks++;
                }
            }

            etu += (long)blocks * BlockGuardEtu;
            return timing.EtuToMicros(etu);
        }

        /// <summary>Bytes allocated on this thread per Transmit, over <paramref name="exchanges"/> exchanges in steady state.</summary>
        public double MeasureAllocatedBytesPerTransmit(int exchanges)
        {
            Transmit();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < exchanges; i++)
            {
                Transmit();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)exchanges;
        }

        /// <summary>Real (CPU) time per Transmit of the simulated stack, in microseconds.</summary>
        public double MeasureRealMicrosPerTransmit(int exchanges)
        {
            Transmit();
            Stopwatch watch = Stopwatch.StartNew();
            for (int i = 0; i < exchanges; i++)
            {
                Transmit();
            }

            return watch.Elapsed.TotalMilliseconds * 1000.0 / exchanges;
        }

        public void Dispose()
        {
            manager.Disconnect(handle, ScardConstants.LeaveCard);
            manager.ReleaseContext(context);
            manager.Dispose();
            board.Dispose();
        }

        /// <summary>Leading edge of the first character to leading edge of the last: (n − 1) character guard times.</summary>
        private static long BlockEtu(int characters, CardTiming timing)
        {
            return (long)(characters - 1) * timing.CharacterGuardEtu;
        }

        private int AttributeInt(int id)
        {
            byte[] value = new byte[4];
            int length;
            SmartcardStatus status = device.GetAttribute(id, value, 0, value.Length, out length);
            if (status != SmartcardStatus.Success)
            {
                throw new InvalidOperationException("attribute " + id.ToString("X8") + ": " + status);
            }

            return BitConverter.ToInt32(value, 0);
        }

        private static void Check(int result, string call)
        {
            if (result != ScardError.Success)
            {
                throw new InvalidOperationException(call + " failed: " + ScardError.GetName(result));
            }
        }
    }
}
