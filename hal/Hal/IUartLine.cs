using System;

namespace EmbeddedSmartCard.Hal
{
    /// <summary>
    /// A UART line: 8 data bits, configurable parity and stop bits, any baud rate (including
    /// non-standard ones such as f·D/F for f = 3.5712 MHz). On a single-wire ISO 7816 I/O line
    /// (TX and RX tied) every written byte echoes back into the receive side: <see cref="EchoesWrites"/>
    /// tells whether that happens; removing the echo is the reader driver's job.
    /// </summary>
    public interface IUartLine : IDisposable
    {
        /// <summary>Sets the character format. Takes effect for the next character.</summary>
        void Configure(int baudRate, UartParity parity, UartStopBits stopBits);

        int BaudRate { get; }

        UartParity Parity { get; }

        UartStopBits StopBits { get; }

        /// <summary>True when the line is single-wire half duplex, so every written byte is also received.</summary>
        bool EchoesWrites { get; }

        /// <summary>Queues bytes for transmission; returns without waiting for them to leave (see <see cref="Drain"/>).</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Waits until every written byte has left the wire (its stop bits included).</summary>
        void Drain();

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes, returning as soon as at least one byte is there,
        /// or 0 when none arrived within <paramref name="timeoutMicros"/>.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMicros);

        /// <summary>Drops every received byte not read yet.</summary>
        void DiscardInput();

        /// <summary>
        /// Count of characters received with a parity (or framing) error since the line was opened.
        /// The byte itself is still delivered; a driver compares the count before and after a read.
        /// </summary>
        int ReceiveErrorCount { get; }
    }
}
