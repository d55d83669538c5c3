namespace EmbeddedSmartCard.Hal.Simulator
{
    /// <summary>
    /// A line placed between a driver and the line it would use, passing every call on. Subclasses override
    /// <see cref="Write"/> or <see cref="Read"/> to count or disturb the traffic (a benchmark's counters, a
    /// collision the simulated line does not model) without the simulated line itself changing.
    /// </summary>
    public abstract class ForwardingUartLine : IUartLine
    {
        private readonly IUartLine inner;

        protected ForwardingUartLine(IUartLine inner)
        {
            this.inner = inner;
        }

        public int BaudRate
        {
            get { return inner.BaudRate; }
        }

        public UartParity Parity
        {
            get { return inner.Parity; }
        }

        public UartStopBits StopBits
        {
            get { return inner.StopBits; }
        }

        public bool EchoesWrites
        {
            get { return inner.EchoesWrites; }
        }

        public int ReceiveErrorCount
        {
            get { return inner.ReceiveErrorCount; }
        }

        public void Configure(int baudRate, UartParity parity, UartStopBits stopBits)
        {
            inner.Configure(baudRate, parity, stopBits);
        }

        public virtual void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
        }

        public void Drain()
        {
            inner.Drain();
        }

        public virtual int Read(byte[] buffer, int offset, int count, int timeoutMicros)
        {
            return inner.Read(buffer, offset, count, timeoutMicros);
        }

        public void DiscardInput()
        {
            inner.DiscardInput();
        }

        public void Dispose()
        {
            inner.Dispose();
        }
    }
}
