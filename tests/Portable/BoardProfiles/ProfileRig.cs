using System;
using System.Threading;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.BoardProfiles
{
    /// <summary>
    /// A catalogue profile built over <see cref="SimulatorHardware"/> with a device wherever it wires one, and an
    /// SCardManager over the board. The spec adds poll=0: the rig polls the PN532 itself (see SimulatorHardware).
    /// </summary>
    internal sealed class ProfileRig : IDisposable
    {
        /// <summary>Rounds of GetStatusChange before giving up (each yields 1 ms of real time to the manager's threads).</summary>
        private const int WaitRounds = 2000;

        private const string NoPollThread = ",poll=0";

        /// <summary>A short APDU's longest answer: 256 data bytes and SW1 SW2 (ISO 7816-4 §5.1).</summary>
        private const int ResponseCapacity = 258;

        public readonly BoardProfile Profile;
        public readonly SimulatorHardware Hardware;
        public readonly ProfileBoard Board;
        public readonly SCardManager Manager;
        public readonly int Context;

        public ProfileRig(string spec)
        {
            Profile = ProfileSettings.ParseSpec(spec + NoPollThread);
            Hardware = SimulatorHardware.For(Profile);
            Board = ProfileBoard.Build(Profile, Hardware);
            Manager = new SCardManager(Board);
            Manager.EstablishContext(ScardConstants.ScopeSystem, out Context);
        }

        /// <summary>The manager's name of the board's reader <paramref name="index"/> (its friendly name + " 00 00" and so on).</summary>
        public string ReaderName(int index)
        {
            string[] readers;
            Manager.ListReaders(Context, out readers);
            return readers[index];
        }

        /// <summary>
        /// The ATR GetStatusChange reports for reader <paramref name="index"/> once the manager has powered the card,
        /// or "never powered". A PN532 reader is polled each round, as its driver thread would.
        /// </summary>
        public string AtrOf(int index)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = ReaderName(index);
            ScardReaderState[] states = new ScardReaderState[] { entry };
            Drivers.Pn532.Pn532Reader pn532 = Board.GetReader(index) as Drivers.Pn532.Pn532Reader;
            for (int round = 0; round < WaitRounds; round++)
            {
                if (pn532 != null)
                {
                    pn532.Poll();
                }

                entry.CurrentState = 0;
                Manager.GetStatusChange(Context, 0, states);
                if ((entry.EventState & ScardConstants.StatePresent) != 0 && (entry.EventState & (ScardConstants.StateUnpowered | ScardConstants.StateMute)) == 0)
                {
                    return TestSupport.ToHex(entry.Atr, 0, entry.AtrLength);
                }

                Thread.Sleep(1);
            }

            return "never powered";
        }

        /// <summary>SCardTransmit of <paramref name="command"/> on a shared T=1 connection to reader <paramref name="index"/>: the answer in hex, or the error's name.</summary>
        public string SendT1(int index, string command)
        {
            int handle;
            int protocol;
            int result = Manager.Connect(Context, ReaderName(index), ScardConstants.ShareShared, ScardConstants.ProtocolT1, out handle, out protocol);
            if (result != ScardError.Success)
            {
                return ScardError.GetName(result);
            }

            byte[] send = TestSupport.Hex(command);
            byte[] response = new byte[ResponseCapacity];
            int length;
            result = Manager.Transmit(handle, ScardConstants.ProtocolT1, send, 0, send.Length, response, 0, response.Length, out length);
            Manager.Disconnect(handle, ScardConstants.LeaveCard);
            return result == ScardError.Success ? TestSupport.ToHex(response, 0, length) : ScardError.GetName(result);
        }

        public void Dispose()
        {
            Manager.ReleaseContext(Context);
            Manager.Dispose();
            Board.Dispose();
        }
    }
}
