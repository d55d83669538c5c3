using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// Serves a <see cref="VirtualPn532"/> over any <see cref="IUartLine"/> in real time, as a PN532 strapped
    /// to HSU (for <c>scard simulate pn532 --serial</c>): host bytes go to the chip's HSU, the chip's ACKs and
    /// responses go back when they are due. The chip sits on an internal simulated line whose virtual clock
    /// follows the real <see cref="IClock"/>. Both lines run 8N1 at the chip's HSU rate, and follow it when
    /// SetSerialBaudRate changes it (reference iso7816-pn532.md §3.2 "HSU"); a pseudo-terminal ignores rates.
    /// </summary>
    public sealed class SimulatorPn532Server
    {
        /// <summary>Longest wait for host bytes before the chip's due bytes are flushed, in microseconds.</summary>
        public const int DefaultPollMicros = 1000;

        private const int BufferSize = 512;

        private readonly VirtualPn532 _chip;
        private readonly IUartLine _line;
        private readonly IClock _clock;
        private readonly SimUartLine _chipLine;
        private readonly byte[] _fromHost = new byte[BufferSize];
        private readonly byte[] _fromChip = new byte[BufferSize];
        private readonly long _origin;
        private int _baudRate;

        /// <summary>Connects <paramref name="chip"/>'s HSU to <paramref name="line"/>; the chip's clock follows <paramref name="clock"/> from now on.</summary>
        public SimulatorPn532Server(VirtualPn532 chip, IUartLine line, IClock clock)
        {
            _chip = chip;
            _line = line;
            _clock = clock;
            _origin = clock.NowMicros - chip.Clock.NowMicros;
            _chipLine = new SimUartLine(chip.Clock, false);
            // The host's bytes cross a device that carries bytes only: deliver them as the chip sent them.
            _chipLine.JudgesReceivedCharacters = false;
            new VirtualPn532Hsu(chip, _chipLine);
            MatchChipRate();
            PollMicros = DefaultPollMicros;
        }

        public VirtualPn532 Chip
        {
            get { return _chip; }
        }

        /// <summary>Longest wait for host bytes in one <see cref="RunOnce"/>, in microseconds.</summary>
        public int PollMicros { get; set; }

        /// <summary>Bytes moved from the host to the chip so far.</summary>
        public int BytesFromHost { get; private set; }

        /// <summary>Bytes moved from the chip to the host so far.</summary>
        public int BytesToHost { get; private set; }

        /// <summary>One step: waits up to <see cref="PollMicros"/> for host bytes, hands them to the chip, sends what the chip has due.</summary>
        public void RunOnce()
        {
            int count = _line.Read(_fromHost, 0, _fromHost.Length, PollMicros);
            FollowRealTime();
            if (count > 0)
            {
                // A SetSerialBaudRate takes effect at the host's ACK: the bytes after it run at the new rate.
                MatchChipRate();
                _chipLine.Write(_fromHost, 0, count);
                BytesFromHost += count;
            }

            FlushChipBytes();
        }

        /// <summary>Writes every chip byte whose stop bit has ended by now.</summary>
        private void FlushChipBytes()
        {
            FollowRealTime();
            while (true)
            {
                int count = _chipLine.Read(_fromChip, 0, _fromChip.Length, 0);
                if (count == 0)
                {
                    return;
                }

                _line.Write(_fromChip, 0, count);
                BytesToHost += count;
            }
        }

        private void FollowRealTime()
        {
            _chip.Clock.AdvanceTo(_clock.NowMicros - _origin);
        }

        /// <summary>Both lines at the chip's current HSU rate, 8N1.</summary>
        private void MatchChipRate()
        {
            int rate = _chip.SerialBaudRate;
            if (rate == _baudRate)
            {
                return;
            }

            _baudRate = rate;
            _chipLine.Configure(rate, UartParity.None, UartStopBits.One);
            _line.Configure(rate, UartParity.None, UartStopBits.One);
        }
    }
}
