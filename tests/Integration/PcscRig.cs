using System;
using EmbeddedSmartCard.Drivers.PcscHost;
using EmbeddedSmartCard.Firmware.Session;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Our manager over a "pcsc" board built against the private <see cref="PcscDaemon"/> of this test process.
    /// Waits go through GetStatusChange, bounded; the supervisor restarts a failed reader after short delays.
    /// </summary>
    public sealed class PcscRig : IDisposable
    {
        /// <summary>Bound on one wait for a reader state; a passing test never waits it out.</summary>
        public const int Patience = 15000;

        /// <summary>Short supervisor back-off so a reader recovers within the test's patience.</summary>
        private static readonly int[] QuickRestarts = { 200, 500 };

        public readonly PcscHostBoard Board;
        public readonly SCardManager Manager;
        public readonly int Context;

        public PcscRig(string spec = "pcsc,poll=200")
        {
            Board = PcscHostBoard.Create(spec, PcscSpec.Parse(spec));
            Manager = new SCardManager();
            Manager.RestartDelaysMillis = QuickRestarts;
            Manager.Readers.AddBoard(Board);
            Assert.AreEqual(ScardError.Success, Manager.EstablishContext(ScardConstants.ScopeSystem, out Context));
        }

        /// <summary>Our name of the reader built from host reader <paramref name="hostName"/>.</summary>
        public string ReaderName(string hostName)
        {
            string[] names;
            Assert.AreEqual(ScardError.Success, Manager.ListReaders(Context, out names));
            foreach (string name in names)
            {
                if (name.StartsWith(hostName, StringComparison.Ordinal))
                {
                    return name;
                }
            }

            Assert.Fail("no reader for host reader '" + hostName + "' among: " + string.Join(" | ", names));
            return null;
        }

        /// <summary>Waits until the reader shows every bit of <paramref name="wanted"/> (with an ATR when asked); returns its state entry.</summary>
        public ScardReaderState WaitFor(string reader, int wanted, bool withAtr = false)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = reader;
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
            Assert.Fail("reader " + reader + " never showed state 0x" + wanted.ToString("X") + " (last 0x" + entry.EventState.ToString("X") + ")");
            return entry;
        }

        public int Connect(string reader, out int protocol)
        {
            int handle;
            Assert.AreEqual(ScardError.Success, Manager.Connect(Context, reader, ScardConstants.ShareShared,
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
