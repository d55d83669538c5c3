using System;
using System.IO.Ports;
using System.Threading;

namespace EmbeddedSmartCard.Hal.NanoFramework
{
    /// <summary>
    /// <see cref="IUartLine"/> over nanoFramework's <see cref="SerialPort"/> (8 data bits, any baud
    /// rate the UART can divide to, None/Even/Odd parity, one or two stop bits).
    /// Limits (reference/nanoframework.md §4): the port reports no parity or framing errors (ESP32
    /// ignores those UART events), so <see cref="ReceiveErrorCount"/> stays 0 and T=0 character
    /// repetition cannot be observed; nano has no DiscardInBuffer and no BytesToWrite, so
    /// <see cref="DiscardInput"/> reads out what is buffered and <see cref="Drain"/> waits out the
    /// wire time of what was written.
    /// </summary>
    public sealed class NanoUartLine : IUartLine
    {
        private const int DataBits = 8;
        private const int StartBits = 1;
        private const int InitialBaudRate = 9600;
        private const long MicrosPerSecond = 1000000;
        private const int MicrosPerMillisecond = 1000;
        private const int DiscardChunk = 64;

        /// <summary>
        /// Bounds on the native calls. Reads only ask for bytes already buffered, so they never wait;
        /// a write of a maximal T=1 block (3 + 254 + 2 bytes, ISO 7816-3 §11.3.1) at 9600 baud 8E2
        /// takes about 0.33 s.
        /// </summary>
        private const int NativeReadTimeoutMillis = 50;
        private const int NativeWriteTimeoutMillis = 2000;

        /// <summary>Bounds <see cref="DiscardInput"/> on a line that keeps receiving (64 × 64 bytes).</summary>
        private const int MaxDiscardRounds = 64;

        private readonly SerialPort _port;
        private readonly IClock _clock;
        private readonly bool _echoesWrites;
        private readonly AutoResetEvent _received = new AutoResetEvent(false);
        private readonly byte[] _discard = new byte[DiscardChunk];
        private UartParity _parity = UartParity.Even;
        private UartStopBits _stopBits = UartStopBits.Two;
        private long _wireBusyUntilMicros;

        /// <param name="portName">"COM1" … (on ESP32 map its pins first, see <see cref="Esp32Pins"/>).</param>
        /// <param name="echoesWrites">True when TX and RX are tied to one ISO 7816 I/O contact.</param>
        /// <param name="clock">The clock that times <see cref="Read"/> and <see cref="Drain"/>.</param>
        public NanoUartLine(string portName, bool echoesWrites, IClock clock)
        {
            _clock = clock;
            _echoesWrites = echoesWrites;
            _port = new SerialPort(portName, InitialBaudRate, ToParity(_parity), DataBits, ToStopBits(_stopBits));
            _port.ReceivedBytesThreshold = 1;
            _port.ReadTimeout = NativeReadTimeoutMillis;
            _port.WriteTimeout = NativeWriteTimeoutMillis;
            _port.DataReceived += OnDataReceived;
            _port.Open();
        }

        public int BaudRate
        {
            get { return _port.BaudRate; }
        }

        public UartParity Parity
        {
            get { return _parity; }
        }

        public UartStopBits StopBits
        {
            get { return _stopBits; }
        }

        public bool EchoesWrites
        {
            get { return _echoesWrites; }
        }

        /// <summary>Always 0: nanoFramework does not surface parity or framing errors (see the class remarks).</summary>
        public int ReceiveErrorCount
        {
            get { return 0; }
        }

        /// <summary>Each SerialPort setter reconfigures the open native port at once.</summary>
        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            _parity = parity;
            _stopBits = stopBits;
            _port.Parity = ToParity(parity);
            _port.StopBits = ToStopBits(stopBits);
            _port.BaudRate = baudRate;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            try
            {
                _port.Write(buffer, offset, count);
            }
            catch (TimeoutException)
            {
                // A stuck transmitter: the card then does not answer and the driver's waiting time
                // expires, which reports the failure as a status instead of an exception.
            }

            long now = _clock.NowMicros;
            long start = _wireBusyUntilMicros > now ? _wireBusyUntilMicros : now;
            _wireBusyUntilMicros = start + (count * CharacterMicros());
        }

        public void Drain()
        {
            _clock.Delay(_wireBusyUntilMicros - _clock.NowMicros);
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            if (count <= 0)
            {
                return 0;
            }

            long deadline = _clock.NowMicros + timeoutMicros;
            while (true)
            {
                int available = _port.BytesToRead;
                if (available > 0)
                {
                    return _port.Read(buffer, offset, available < count ? available : count);
                }

                long remaining = deadline - _clock.NowMicros;
                if (remaining <= 0)
                {
                    return 0;
                }

                _received.WaitOne(CeilingMillis(remaining), false);
            }
        }

        public void DiscardInput()
        {
            for (int round = 0; round < MaxDiscardRounds; round++)
            {
                int available = _port.BytesToRead;
                if (available <= 0)
                {
                    break;
                }

                _port.Read(_discard, 0, available < _discard.Length ? available : _discard.Length);
            }

            _received.Reset();
        }

        public void Dispose()
        {
            _port.DataReceived -= OnDataReceived;
            _port.Close();
            _port.Dispose();
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            _received.Set();
        }

        /// <summary>Start bit, 8 data bits, the parity bit if any and the stop bits, rounded up to whole microseconds.</summary>
        private long CharacterMicros()
        {
            int bits = StartBits + DataBits + (_parity == UartParity.None ? 0 : 1) + (int)_stopBits;
            int baudRate = _port.BaudRate;
            return ((bits * MicrosPerSecond) + baudRate - 1) / baudRate;
        }

        private static int CeilingMillis(long micros)
        {
            return (int)((micros + MicrosPerMillisecond - 1) / MicrosPerMillisecond);
        }

        private static System.IO.Ports.Parity ToParity(UartParity parity)
        {
            switch (parity)
            {
                case UartParity.Even:
                    return System.IO.Ports.Parity.Even;
                case UartParity.Odd:
                    return System.IO.Ports.Parity.Odd;
                default:
                    return System.IO.Ports.Parity.None;
            }
        }

        private static System.IO.Ports.StopBits ToStopBits(UartStopBits stopBits)
        {
            return stopBits == UartStopBits.Two ? System.IO.Ports.StopBits.Two : System.IO.Ports.StopBits.One;
        }
    }
}
