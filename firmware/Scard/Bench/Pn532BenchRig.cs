using System;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// One PN532 benchmark set-up: a virtual PN532 on its own virtual clock behind one host interface at
    /// the rate the issue names (I2C 400 kHz, SPI 5 MHz, HSU 115 200 bd), the Pn532Reader driver over it,
    /// with or without the P70_IRQ line wired, and an SCardManager serving it. The manager does not power
    /// cards at insertion, so nothing but the caller (and the driver's own poll thread, when a poll period
    /// is given) moves the virtual clock. Counters of the bus traffic and the bus time of frames come from
    /// the simulated bus itself.
    /// </summary>
    public sealed class Pn532BenchRig : IDisposable
    {
        /// <summary>I2C fast mode (UM10204 §3.1).</summary>
        public const int I2cHz = 400000;

        /// <summary>The PN532's fastest SPI clock (UM0701-02 §6.2.5).</summary>
        public const int SpiHz = 5000000;

        /// <summary>8N1: start bit, 8 data bits, stop bit (UM0701-02 §6.2.3).</summary>
        private const int HsuBitsPerCharacter = 10;

        /// <summary>The SPI operation byte (DW, DR) in front of a frame; the I2C status byte in front of a read frame.</summary>
        private const int PrefixLength = 1;

        private const string ReaderName = "PN532 bench";

        private readonly SimI2cDevice i2c;
        private readonly SimSpiDevice spi;
        private readonly Pn532BenchUartLine uart;

        /// <param name="bus">The host interface.</param>
        /// <param name="irqWired">True: the driver waits on P70_IRQ; false: it polls the chip's status.</param>
        /// <param name="pollPeriodMicros">The driver's presence poll period; 0 runs no poll thread (the caller polls).</param>
        public Pn532BenchRig(Pn532BenchBus bus, bool irqWired, long pollPeriodMicros)
        {
            Bus = bus;
            IrqWired = irqWired;
            Clock = new VirtualClock();
            Chip = new VirtualPn532(Clock);
            SimInputPin irq = null;
            if (irqWired)
            {
                irq = new SimInputPin(Clock, true);
                Chip.Irq = irq;
            }

            IPn532Transport transport;
            if (bus == Pn532BenchBus.I2c)
            {
                i2c = new VirtualPn532I2c(Chip).Attach(I2cHz);
                transport = new Pn532I2cTransport(i2c, Clock, irq);
            }
            else if (bus == Pn532BenchBus.Spi)
            {
                spi = new VirtualPn532Spi(Chip).Attach(true, SpiHz);
                transport = new Pn532SpiTransport(spi, Clock, irq, null);
            }
            else
            {
                SimUartLine line = new SimUartLine(Clock, false);
                new VirtualPn532Hsu(Chip, line);
                uart = new Pn532BenchUartLine(line);
                transport = new Pn532HsuTransport(uart, Clock);
            }

            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = pollPeriodMicros;
            options.ReaderName = ReaderName;
            Reader = new Pn532Reader(options, transport, Clock);
            Manager = new SCardManager();
            Manager.PowerOnInsertion = false;
            ManagedReader managed = Manager.Readers.Add(Reader, ReaderName);
            if (managed == null)
            {
                throw new InvalidOperationException("the PN532 reader could not be listed");
            }

            ManagedReaderName = managed.Name;
        }

        public Pn532BenchBus Bus { get; private set; }

        public bool IrqWired { get; private set; }

        public VirtualClock Clock { get; private set; }

        public VirtualPn532 Chip { get; private set; }

        public Pn532Reader Reader { get; private set; }

        public SCardManager Manager { get; private set; }

        /// <summary>The name the manager lists the reader under.</summary>
        public string ManagedReaderName { get; private set; }

        /// <summary>"I2C 400 kHz", "SPI 5 MHz" or "HSU 115200 bd", with "+IRQ" when the IRQ line is wired.</summary>
        public string Label
        {
            get
            {
                string bus = Bus == Pn532BenchBus.I2c ? "I2C 400 kHz" : Bus == Pn532BenchBus.Spi ? "SPI 5 MHz" : "HSU 115200 bd";
                return IrqWired ? bus + " +IRQ" : bus;
            }
        }

        /// <summary>Bus transactions so far: I2C transactions, SPI chip-select assertions, UART writes and reads.</summary>
        public long Transactions
        {
            get { return i2c != null ? i2c.TransactionCount : spi != null ? spi.TransferCount : uart.TransferCount; }
        }

        /// <summary>Bytes clocked on the bus so far (I2C data bytes without the address byte; UART characters both ways).</summary>
        public long Bytes
        {
            get { return i2c != null ? i2c.ByteCount : spi != null ? spi.ByteCount : uart.ByteCount; }
        }

        /// <summary>
        /// The bus time one chip command needs at this rate, and no more: its command frame, the chip's ACK
        /// and its response frame, each carried once in the shortest way the interface allows (reference §3.1
        /// flow; §3.2 for the I2C status byte and the SPI DW/DR byte), without any status polling or waiting.
        /// </summary>
        public long CommandWireMicros(int commandFrameLength, int responseFrameLength)
        {
            if (i2c != null)
            {
                return i2c.TransactionMicros(commandFrameLength)
                    + i2c.TransactionMicros(PrefixLength + Pn532Frame.AckLength)
                    + i2c.TransactionMicros(PrefixLength + responseFrameLength);
            }

            if (spi != null)
            {
                return spi.TransferMicros(PrefixLength + commandFrameLength)
                    + spi.TransferMicros(PrefixLength + Pn532Frame.AckLength)
                    + spi.TransferMicros(PrefixLength + responseFrameLength);
            }

            int characters = commandFrameLength + Pn532Frame.AckLength + responseFrameLength;
            return SimUartLine.CharacterMicros(characters * HsuBitsPerCharacter, Pn532HsuTransport.DefaultBaudRate);
        }

        public void Dispose()
        {
            Manager.Dispose();
        }
    }
}
