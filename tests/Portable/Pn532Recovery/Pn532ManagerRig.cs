using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Pn532Recovery
{
    /// <summary>
    /// A PN532 reader on the virtual chip over one of its three host interfaces, behind a
    /// <see cref="FaultInjectingTransport"/>, listed in a manager with short restart delays and one
    /// context. The reader has no poll thread: <see cref="WaitFor"/> polls it while it waits, so the
    /// virtual clock only moves when the driver or the test moves it.
    /// </summary>
    internal sealed class Pn532ManagerRig
    {
        public const int I2c = 0;
        public const int Spi = 1;
        public const int Hsu = 2;

        public const string IsoUid = "08 12 34 56";
        public const string OtherIsoUid = "08 65 43 21";
        public const string SelectMf = "00 A4 00 0C 02 3F 00";

        /// <summary>Bound on the rounds of one wait (each polls once and sleeps a millisecond): reached only when something is broken.</summary>
        private const int WaitRounds = 5000;

        private const int RestartDelayMillis = 20;
        private const int RestartCount = 60;

        /// <summary>Room for the longest answer the tests ask for (a 300-byte echo and its status word).</summary>
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
        public Pn532ManagerRig(int bus, bool resetWired)
        {
            Chip = new VirtualPn532(Clock);
            IPn532Transport transport;
            if (bus == I2c)
            {
                I2cDevice = new VirtualPn532I2c(Chip).Attach(400000);
                transport = new Pn532I2cTransport(I2cDevice, Clock, null);
            }
            else if (bus == Spi)
            {
                transport = new Pn532SpiTransport(new VirtualPn532Spi(Chip).Attach(false, 5000000), Clock, null, null);
            }
            else
            {
                SimUartLine line = new SimUartLine(Clock, false);
                new VirtualPn532Hsu(Chip, line);
                transport = new Pn532HsuTransport(line, Clock);
            }

            Transport = new FaultInjectingTransport(transport, Chip);
            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = 0;
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

        public static string Bus(int bus)
        {
            return bus == I2c ? "I2C" : (bus == Spi ? "SPI" : "HSU");
        }

        public void PlaceIsoCard(string uid)
        {
            Chip.PlaceCard(new Iso14443_4Card(TestSupport.Hex(uid), CardProfile.DirectT0()));
        }

        /// <summary>
        /// Polls the reader (the driver thread's work) and reads the reader's state until it shows every bit
        /// of <paramref name="wanted"/> and none of <paramref name="unwanted"/>; false when it never does.
        /// </summary>
        public bool WaitFor(int wanted, int unwanted)
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
                    return true;
                }

                Thread.Sleep(1);
            }

            return false;
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

        /// <summary>A SHARED handle on the card (T=1, the contactless protocol), after waiting for it to be present.</summary>
        public int Connect()
        {
            if (!WaitFor(ScardConstants.StatePresent, 0))
            {
                return 0;
            }

            int handle;
            int protocol;
            int result = Manager.Connect(Context, Name, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
            return result == ScardError.Success ? handle : 0;
        }

        /// <summary>A DIRECT handle: no card needed (how SCardControl reaches a reader without one).</summary>
        public int ConnectDirect()
        {
            int handle;
            int protocol;
            Manager.Connect(Context, Name, ScardConstants.ShareDirect, ScardConstants.ProtocolUndefined, out handle, out protocol);
            return handle;
        }

        /// <summary>The response in hex, or the PC/SC code name when the transmit fails.</summary>
        public string Send(int handle, string command)
        {
            byte[] apdu = TestSupport.Hex(command);
            return Send(handle, apdu);
        }

        public string Send(int handle, byte[] apdu)
        {
            byte[] response = new byte[ResponseCapacity];
            int length;
            int result = Manager.Transmit(handle, ScardConstants.ProtocolT1, apdu, 0, apdu.Length, response, 0, response.Length, out length);
            return result == ScardError.Success ? TestSupport.ToHex(response, 0, length) : ScardError.GetName(result);
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
            Manager.Dispose();
        }
    }
}
