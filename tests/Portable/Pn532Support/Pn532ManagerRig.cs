using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Pn532Support
{
    /// <summary>
    /// What a PC/SC application sees of a PN532: the reader on the virtual chip over I2C (400 kHz), SPI
    /// (5 MHz, an MSB-first controller, so the driver reverses bits) or HSU (115 200 bd), behind a
    /// <see cref="FaultInjectingTransport"/> (a plain pass-through until a test asks for a fault), listed in an
    /// SCardManager with short restart delays and one context. Without a poll period the reader has no poll
    /// thread: <see cref="WaitFor"/> polls it while it waits, as the driver thread would, so the virtual clock
    /// only moves when the driver or the test moves it.
    /// </summary>
    internal sealed class Pn532ManagerRig
    {
        public const int I2c = 0;
        public const int Spi = 1;
        public const int Hsu = 2;

        public const string IsoUid = "08 12 34 56";
        public const string OtherIsoUid = "08 65 43 21";
        public const string ClassicUid = "F6 8E 2A 99";
        public const string UltralightUid = "04 A1 B2 C3 D4 E5 F6";
        public const string SelectMf = "00 A4 00 0C 02 3F 00";

        /// <summary>
        /// PC/SC Part 3 pseudo-ATRs (reference iso7816-pn532.md §4.5.1): ISO 14443-4 A = 3B 8n 80 01 + the ATS
        /// historical bytes (here the contact card profile's 80 31 80 65 B0) + TCK; storage cards = 3B 8F 80 01
        /// 80 4F 0C, RID A0 00 00 03 06, standard 03 (ISO 14443 A part 3), card name 00 01 (1K) / 00 03
        /// (Ultralight), 00 00 00 00, TCK.
        /// </summary>
        public const string IsoAtr = "3B 85 80 01 80 31 80 65 B0 E0";
        public const string ClassicAtr = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
        public const string UltralightAtr = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 03 00 00 00 00 68";

        private const int I2cHz = 400000;
        private const int SpiHz = 5000000;

        /// <summary>Bound on the rounds of one wait (each polls once and sleeps a millisecond): reached only when something is broken.</summary>
        private const int WaitRounds = 5000;

        private const int RestartDelayMillis = 20;
        private const int RestartCount = 60;

        /// <summary>Room for the longest answer the tests ask for without naming a capacity (a 300-byte echo and its status word).</summary>
        private const int ResponseCapacity = 1024;

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualPn532 Chip;
        public readonly FaultInjectingTransport Transport;
        public readonly Drivers.Pn532.Pn532Reader Reader;
        public readonly SCardManager Manager = new SCardManager();
        public readonly int Context;
        public readonly string Name;

        /// <summary>The I2C device on the host's side when <see cref="I2c"/> was chosen, else null.</summary>
        public readonly SimI2cDevice I2cDevice;

        /// <param name="bus">I2c, Spi or Hsu.</param>
        /// <param name="resetWired">Whether the reader drives the chip's RSTPDN input.</param>
        public Pn532ManagerRig(int bus, bool resetWired) : this(bus, resetWired, 0)
        {
        }

        /// <param name="bus">I2c, Spi or Hsu.</param>
        /// <param name="resetWired">Whether the reader drives the chip's RSTPDN input.</param>
        /// <param name="pollPeriodMicros">The driver's poll period on the virtual clock; 0: no poll thread.</param>
        public Pn532ManagerRig(int bus, bool resetWired, long pollPeriodMicros)
        {
            Chip = new VirtualPn532(Clock);
            IPn532Transport transport;
            if (bus == I2c)
            {
                I2cDevice = new VirtualPn532I2c(Chip).Attach(I2cHz);
                transport = new Pn532I2cTransport(I2cDevice, Clock, null);
            }
            else if (bus == Spi)
            {
                transport = new Pn532SpiTransport(new VirtualPn532Spi(Chip).Attach(false, SpiHz), Clock, null, null);
            }
            else
            {
                SimUartLine line = new SimUartLine(Clock, false);
                new VirtualPn532Hsu(Chip, line);
                transport = new Pn532HsuTransport(line, Clock);
            }

            Transport = new FaultInjectingTransport(transport, Chip);
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = pollPeriodMicros;
            Reader = new Drivers.Pn532.Pn532Reader(options, Transport, Clock, resetWired ? Chip.ResetPin : null);
            Manager.RestartDelaysMillis = RestartDelays();
            Name = Manager.Readers.Add(Reader, "PN532").Name;
            Manager.EstablishContext(ScardConstants.ScopeSystem, out Context);
        }

        /// <summary>A restart every 20 ms for more than a second: short enough for a test, long enough not to give up under load.</summary>
        private static int[] RestartDelays()
        {
            int[] delays = new int[RestartCount];
            for (int i = 0; i < delays.Length; i++)
            {
                delays[i] = RestartDelayMillis;
            }

            return delays;
        }

        public static string BusName(int bus)
        {
            return bus == I2c ? "I2C" : (bus == Spi ? "SPI" : "HSU");
        }

        public static Iso14443_4Card IsoCard(string uid)
        {
            return new Iso14443_4Card(TestSupport.Hex(uid), CardProfile.DirectT0());
        }

        public void PlaceIsoCard(string uid)
        {
            Chip.PlaceCard(IsoCard(uid));
        }

        /// <summary>True when SCardListReaders names the reader.</summary>
        public bool IsListed()
        {
            string[] readers;
            if (Manager.ListReaders(Context, out readers) != ScardError.Success)
            {
                return false;
            }

            for (int i = 0; i < readers.Length; i++)
            {
                if (readers[i] == Name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Polls the reader (the driver thread's work) and asks GetStatusChange until the reader shows every bit
        /// of <paramref name="wanted"/> and none of <paramref name="unwanted"/>; returns that entry, or null when
        /// it never does.
        /// </summary>
        public ScardReaderState WaitFor(int wanted, int unwanted)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = Name;
            ScardReaderState[] states = new ScardReaderState[] { entry };
            for (int round = 0; round < WaitRounds; round++)
            {
                Reader.Poll();
                entry.CurrentState = 0;
                Manager.GetStatusChange(Context, 0, states);
                if ((entry.EventState & wanted) == wanted && (entry.EventState & unwanted) == 0)
                {
                    return entry;
                }

                Thread.Sleep(1);
            }

            return null;
        }

        /// <summary>
        /// Waits until the chip has accepted more than <paramref name="count"/> commands: after a failure that
        /// closed the reader (no command reaches the chip then), the supervisor has reopened it.
        /// </summary>
        public bool WaitForReopen(int count)
        {
            for (int round = 0; round < WaitRounds && Chip.CommandCount <= count; round++)
            {
                Thread.Sleep(1);
            }

            return Chip.CommandCount > count;
        }

        /// <summary>The ATR GetStatusChange reports once the manager has powered the card placed in the field.</summary>
        public string AtrAtInsertion()
        {
            ScardReaderState entry = WaitFor(ScardConstants.StatePresent, ScardConstants.StateUnpowered | ScardConstants.StateMute);
            return entry == null ? "never powered" : TestSupport.ToHex(entry.Atr, 0, entry.AtrLength);
        }

        /// <summary>
        /// A SHARED T=1 handle on the card (contactless cards are T=1, reference §5.3), after waiting for it to
        /// be present; 0 when Connect fails.
        /// </summary>
        public int Connect()
        {
            if (WaitFor(ScardConstants.StatePresent, 0) == null)
            {
                return 0;
            }

            int handle;
            int protocol;
            int result = Manager.Connect(Context, Name, ScardConstants.ShareShared, ScardConstants.ProtocolT1, out handle, out protocol);
            return result == ScardError.Success && protocol == ScardConstants.ProtocolT1 ? handle : 0;
        }

        /// <summary>A DIRECT handle: no card needed (how SCardControl reaches a reader without one).</summary>
        public int ConnectDirect()
        {
            int handle;
            int protocol;
            Manager.Connect(Context, Name, ScardConstants.ShareDirect, ScardConstants.ProtocolUndefined, out handle, out protocol);
            return handle;
        }

        /// <summary>SCardStatus's ATR of the card behind <paramref name="handle"/>, or the error's name.</summary>
        public string StatusAtr(int handle)
        {
            string reader;
            int state;
            int protocol;
            byte[] atr = new byte[ScardConstants.MaxAtrSize];
            int length;
            int result = Manager.Status(handle, out reader, out state, out protocol, atr, out length);
            return result == ScardError.Success ? TestSupport.ToHex(atr, 0, length) : ScardError.GetName(result);
        }

        /// <summary>SCardTransmit with a receive buffer of <paramref name="capacity"/> bytes: the answer in hex, or the error's name.</summary>
        public string Send(int handle, byte[] command, int capacity)
        {
            byte[] response = new byte[capacity];
            int length;
            int result = Manager.Transmit(handle, ScardConstants.ProtocolT1, command, 0, command.Length, response, 0, capacity, out length);
            return result == ScardError.Success ? TestSupport.ToHex(response, 0, length) : ScardError.GetName(result);
        }

        public string Send(int handle, byte[] command)
        {
            return Send(handle, command, ResponseCapacity);
        }

        public string Send(int handle, string command)
        {
            return Send(handle, TestSupport.Hex(command), ResponseCapacity);
        }

        /// <summary>SCardControl: the output in hex, or the PC/SC code name (and the length it asked for) when it fails.</summary>
        public string Control(int handle, int code, string input, int outputCapacity)
        {
            byte[] send = TestSupport.Hex(input);
            byte[] receive = new byte[outputCapacity];
            int returned;
            int result = Manager.Control(handle, code, send, 0, send.Length, receive, 0, outputCapacity, out returned);
            if (result != ScardError.Success)
            {
                return ScardError.GetName(result) + " " + returned.ToString();
            }

            return TestSupport.ToHex(receive, 0, returned);
        }

        public void Dispose()
        {
            Manager.ReleaseContext(Context);
            Manager.Dispose();
        }
    }
}
