using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>
    /// A manager over the simulator board's two contact readers, with one context open. Cards are
    /// inserted per test; helpers connect and exchange APDUs given as hex.
    /// </summary>
    internal sealed class ManagerBench
    {
        public const string SelectMf = "00 A4 00 0C 02 3F 00";

        private const int ReaderCount = 2;

        public readonly SimulatorBoard Board;
        public readonly SCardManager Manager;
        public readonly int Context;
        public readonly string Reader0;
        public readonly string Reader1;

        private ManagerBench(SimulatorBoard board)
        {
            Board = board;
            Manager = new SCardManager(board);
            Manager.EstablishContext(ScardConstants.ScopeSystem, out Context);
            Reader0 = Manager.Readers.Get(0).Name;
            Reader1 = Manager.Readers.Get(1).Name;
        }

        /// <summary>Both readers empty.</summary>
        public static ManagerBench Create()
        {
            return new ManagerBench(new SimulatorBoard(ReaderCount));
        }

        public SimulatedCard Insert(int slot, CardProfile profile)
        {
            SimulatedCard card = new SimulatedCard(profile);
            Board.GetSlot(slot).Insert(card);
            return card;
        }

        public void Remove(int slot)
        {
            Board.GetSlot(slot).Remove();
        }

        public int Connect(int slot, int shareMode, out int handle, out int protocol)
        {
            return Manager.Connect(Context, slot == 0 ? Reader0 : Reader1, shareMode, ScardConstants.ProtocolAny, out handle, out protocol);
        }

        /// <summary>A SHARED handle to a fresh direct-convention T=0 card in reader 0.</summary>
        public int ConnectedT0Handle()
        {
            Insert(0, CardProfile.DirectT0());
            int handle;
            int protocol;
            Connect(0, ScardConstants.ShareShared, out handle, out protocol);
            return handle;
        }

        /// <summary>The response in hex, or the PC/SC code name when the transmit fails.</summary>
        public string Send(int handle, int protocol, string command)
        {
            byte[] apdu = TestSupport.Hex(command);
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;
            int result = Manager.Transmit(handle, protocol, apdu, 0, apdu.Length, response, 0, response.Length, out length);
            return result == ScardError.Success ? TestSupport.ToHex(response, 0, length) : ScardError.GetName(result);
        }

        /// <summary>The PC/SC code name of a transmit.</summary>
        public string SendResult(int handle, int protocol, string command)
        {
            byte[] apdu = TestSupport.Hex(command);
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;
            return ScardError.GetName(Manager.Transmit(handle, protocol, apdu, 0, apdu.Length, response, 0, response.Length, out length));
        }
    }
}
