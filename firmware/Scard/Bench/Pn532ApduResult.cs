namespace EmbeddedSmartCard.Scard
{
    /// <summary>What <see cref="Pn532ApduBench.Measure"/> found for one APDU on one interface (all per APDU).</summary>
    public sealed class Pn532ApduResult
    {
        public Pn532BenchApdu Apdu;

        /// <summary>Bus transactions (I2C transactions, SPI chip-select assertions, UART writes and reads).</summary>
        public double Transactions;

        /// <summary>Bytes clocked on the bus.</summary>
        public double Bytes;

        /// <summary>Virtual time from one SCardTransmit's start to the next one's, in microseconds.</summary>
        public double VirtualMicros;

        /// <summary>Bus time of the APDU's frames alone at the interface's rate, in microseconds.</summary>
        public long WireMicros;

        /// <summary>Bytes allocated on the calling thread in steady state.</summary>
        public double AllocatedBytes;

        /// <summary>Real (CPU) time of the simulated stack, in microseconds.</summary>
        public double RealMicros;
    }
}
