using System;
using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Firmware.Session;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A manager over a "vpcd:0,readers=N" board: each reader listens on a free port the system chose, so
    /// parallel runs never collide. Waits go through GetStatusChange, bounded.
    /// </summary>
    public sealed class VpcdRig : IDisposable
    {
        /// <summary>Bound on one wait for a card event; a passing test never waits it out.</summary>
        public const int Patience = 15000;

        public readonly VpcdBoard Board;
        public readonly SCardManager Manager;
        public readonly int Context;

        public VpcdRig(string options = "", int readers = 1)
        {
            string spec = "vpcd:0,readers=" + readers + options;
            Board = VpcdBoard.Create(spec, VpcdSpec.Parse(spec));
            Manager = new SCardManager(Board);
            Assert.AreEqual(ScardError.Success, Manager.EstablishContext(ScardConstants.ScopeSystem, out Context));
        }

        public int Port(int reader)
        {
            return Board.GetPort(reader);
        }

        public string ReaderName(int reader)
        {
            string[] names;
            Assert.AreEqual(ScardError.Success, Manager.ListReaders(Context, out names));
            return names[reader];
        }

        /// <summary>Waits until the reader shows a card powered on insertion: PRESENT with its ATR.</summary>
        public ScardReaderState WaitForCard(int reader)
        {
            return WaitFor(reader, ScardConstants.StatePresent, true);
        }

        /// <summary>Waits until the reader shows every bit of <paramref name="wanted"/>; returns its last state entry.</summary>
        public ScardReaderState WaitFor(int reader, int wanted, bool withAtr = false)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = ReaderName(reader);
            ScardReaderState[] states = { entry };
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(Patience);
            while (DateTime.UtcNow < deadline)
            {
                int result = Manager.GetStatusChange(Context, 200, states);
                Assert.IsTrue(result == ScardError.Success || result == ScardError.Timeout, ScardError.GetName(result));
                if ((entry.EventState & wanted) == wanted && (!withAtr || entry.AtrLength > 0))
                {
                    return entry;
                }
                entry.CurrentState = entry.EventState & ~ScardConstants.StateChanged;
            }
            Assert.Fail("reader " + entry.Reader + " never showed state 0x" + wanted.ToString("X") + " (last 0x" + entry.EventState.ToString("X") + ")");
            return entry;
        }

        public int Connect(int reader, out int protocol)
        {
            int handle;
            Assert.AreEqual(ScardError.Success, Manager.Connect(Context, ReaderName(reader), ScardConstants.ShareShared,
                ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1, out handle, out protocol));
            return handle;
        }

        /// <summary>Sends <paramref name="commandHex"/>; returns the response as hex, or the error's name.</summary>
        public string Send(int handle, int protocol, string commandHex)
        {
            byte[] command = Convert.FromHexString(commandHex.Replace(" ", ""));
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;
            int result = Manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
            return result == ScardError.Success ? HexText.Format(response, 0, length) : ScardError.GetName(result);
        }

        /// <summary>Sends <paramref name="command"/> <paramref name="count"/> times into caller buffers (nothing allocated here); fails on any error.</summary>
        public void TransmitRepeatedly(int handle, int protocol, byte[] command, byte[] response, int count)
        {
            for (int i = 0; i < count; i++)
            {
                int length;
                int result = Manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
                if (result != ScardError.Success)
                {
                    Assert.Fail("exchange " + i + ": " + ScardError.GetName(result));
                }
            }
        }

        public void Dispose()
        {
            Manager.ReleaseContext(Context);
            Manager.Dispose();
            Board.Dispose();
        }
    }
}
