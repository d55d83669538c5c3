#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.SimulatorDoor
{
    /// <summary>
    /// The door's hardware on the simulator: one contact slot and one PN532 (field empty, polled every
    /// <see cref="PollPeriodMicros"/> of its virtual time) in a <see cref="SimulatorBoard"/>, seen through
    /// <see cref="SCardManager"/> as the door controller sees it.
    /// </summary>
    internal sealed class DoorBoardRig
    {
        public const long PollPeriodMicros = 500000;
        public const int SwOk = 0x9000;

        /// <summary>The access card of the door tests: its UID and the identifier its applet holds.</summary>
        public const string AccessUid = "08 77 66 55";
        public const string CardIdHex = "04 A1 B2 C3 D4 E5 F6";

        /// <summary>SELECT by DF name (P1 04) of the access applet's AID, no FCI (P2 0C).</summary>
        public const string SelectAccessApplet = "00 A4 04 0C 09 F0 45 53 43 44 4F 4F 52 01";

        private const int MaxResponseLength = 258;
        private const int StatusWordLength = 2;

        private readonly byte[] _response = new byte[MaxResponseLength];
        private readonly int _context;

        public DoorBoardRig()
        {
            Board = new SimulatorBoard(1);
            Pn532 = Board.AddPn532(new SimulatorPn532(new TapScript(), PollPeriodMicros));
            Manager = new SCardManager(Board);
            Assert.AreEqual(ScardError.Success, Manager.EstablishContext(ScardConstants.ScopeSystem, out _context));
            string[] readers = Readers();
            Assert.AreEqual(2, readers.Length, "a contact slot and a PN532");
            ContactReader = readers[0];
            ContactlessReader = readers[1];
        }

        public SimulatorBoard Board { get; private set; }

        public SimulatorPn532 Pn532 { get; private set; }

        public SCardManager Manager { get; private set; }

        public string ContactReader { get; private set; }

        public string ContactlessReader { get; private set; }

        public int Protocol { get; private set; }

        /// <summary>The data of the last response (SW1 SW2 excluded).</summary>
        public string ResponseData { get; private set; }

        /// <summary>The last response's data bytes, SW1 SW2 after them.</summary>
        public byte[] Response
        {
            get { return _response; }
        }

        public int ResponseDataLength { get; private set; }

        /// <summary>Puts <paramref name="card"/> on the PN532 and lets one poll period pass so the reader lists it.</summary>
        public void Tap(ContactlessCard card)
        {
            Pn532.Chip.PlaceCard(card);
            Pn532.RunFor(PollPeriodMicros + SimulatorPn532.StepMicros);
        }

        /// <summary>The reader names the manager lists now (none is an empty array).</summary>
        public string[] Readers()
        {
            string[] readers;
            int result = Manager.ListReaders(_context, out readers);
            Assert.IsTrue(result == ScardError.Success || result == ScardError.NoReadersAvailable, ScardError.GetName(result));
            return readers == null ? new string[0] : readers;
        }

        /// <summary>Connects shared to <paramref name="reader"/>; the manager's result code.</summary>
        public int Connect(string reader, out int handle)
        {
            int protocol;
            int result = Manager.Connect(_context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
            Protocol = protocol;
            return result;
        }

        /// <summary>Connects shared to <paramref name="reader"/>, asserting success; the handle.</summary>
        public int Connected(string reader)
        {
            int handle;
            Assert.AreEqual(ScardError.Success, Connect(reader, out handle), "connect to " + reader);
            return handle;
        }

        /// <summary>Transmits <paramref name="apdu"/>, asserting the manager succeeded; the status word.</summary>
        public int Send(int handle, string apdu)
        {
            int sw;
            Assert.AreEqual(ScardError.Success, Transmit(handle, TestSupport.Hex(apdu), out sw), apdu);
            return sw;
        }

        /// <summary>Transmits <paramref name="command"/>; the manager's result code, and the status word when it succeeded.</summary>
        public int Transmit(int handle, byte[] command, out int sw)
        {
            int length;
            sw = 0;
            int result = Manager.Transmit(handle, Protocol, command, 0, command.Length, _response, 0, _response.Length, out length);
            if (result == ScardError.Success)
            {
                ResponseDataLength = length - StatusWordLength;
                ResponseData = TestSupport.ToHex(_response, 0, ResponseDataLength);
                sw = (_response[length - 2] << 8) | _response[length - 1];
            }

            return result;
        }

        /// <summary>The reader's event state now (GetStatusChange with no wait); for the PnP pseudo reader, its counter and CHANGED.</summary>
        public int State(string reader, int currentState)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = reader;
            entry.CurrentState = currentState;
            ScardReaderState[] states = new ScardReaderState[] { entry };
            int result = Manager.GetStatusChange(_context, 0, states);
            Assert.IsTrue(result == ScardError.Success || result == ScardError.Timeout, ScardError.GetName(result));
            return entry.EventState;
        }

        public void Dispose()
        {
            Manager.ReleaseContext(_context);
            Manager.Dispose();
            Board.Dispose();
        }
    }
}
