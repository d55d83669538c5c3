using System;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Our manager over one board with a context established, for the rigs of the boards whose cards live in
    /// peer processes (<see cref="PcscRig"/>, <see cref="VpcdRig"/>). Waits go through GetStatusChange, bounded.
    /// </summary>
    public abstract class ManagerRig : IDisposable
    {
        /// <summary>Bound on one wait for a reader state; a passing test never waits it out.</summary>
        public const int Patience = 15000;

        /// <summary>Bound on one GetStatusChange of a wait, so the wait checks its deadline.</summary>
        private const int StatusChangeMillis = 200;

        private const int WarmUpExchanges = 10;

        /// <summary>Windows of exchanges measured at most before steady state must have been reached.</summary>
        private const int MaxWindows = 20;

        private const int MeasuredExchanges = 100;

        public readonly SCardManager Manager;
        public readonly int Context;
        private readonly IBoard board;

        protected ManagerRig(SCardManager manager, IBoard board)
        {
            Manager = manager;
            this.board = board;
            Assert.AreEqual(ScardError.Success, Manager.EstablishContext(ScardConstants.ScopeSystem, out Context));
        }

        /// <summary>Waits until <paramref name="reader"/> shows every bit of <paramref name="wanted"/> (with an ATR when asked); returns its state entry.</summary>
        public ScardReaderState WaitFor(string reader, int wanted, bool withAtr = false)
        {
            return WaitFor(reader, wanted, withAtr, Patience);
        }

        /// <summary>As <see cref="WaitFor(string, int, bool)"/> with a bound of <paramref name="patienceMillis"/> (a person at a real reader needs longer).</summary>
        public ScardReaderState WaitFor(string reader, int wanted, bool withAtr, int patienceMillis)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = reader;
            ScardReaderState[] states = { entry };
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(patienceMillis);
            while (DateTime.UtcNow < deadline)
            {
                int result = Manager.GetStatusChange(Context, StatusChangeMillis, states);
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

        /// <summary>Waits until <paramref name="reader"/> shows a card with its ATR, then connects to it as <see cref="Connect"/> does.</summary>
        public int ConnectWhenPresent(string reader, out int protocol)
        {
            WaitFor(reader, ScardConstants.StatePresent, true);
            return Connect(reader, out protocol);
        }

        /// <summary>Connects in shared mode with T=0 or T=1; fails the test otherwise.</summary>
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

        /// <summary>
        /// Fails unless SCardTransmit of <paramref name="commandHex"/> allocates nothing in steady state: after a
        /// warm-up, a window of exchanges into caller buffers leaves this thread's allocation counter unchanged
        /// (.NET only). Steady state is reached when the runtime's tiered JIT has finished with the path: while it
        /// re-compiles methods with PGO instrumentation (Release builds) a window may see a few bytes that are the
        /// runtime's, so up to <see cref="MaxWindows"/> windows are measured and the first clean one ends it.
        /// </summary>
        public void AssertTransmitAllocatesNothing(int handle, int protocol, string commandHex)
        {
            byte[] command = Convert.FromHexString(commandHex.Replace(" ", ""));
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            TransmitRepeatedly(handle, protocol, command, response, WarmUpExchanges);
            string windows = "";
            for (int window = 0; window < MaxWindows; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                TransmitRepeatedly(handle, protocol, command, response, MeasuredExchanges);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated == 0)
                {
                    return;
                }

                windows += " " + allocated;
            }

            Assert.Fail("bytes allocated per window of " + MeasuredExchanges + " exchanges:" + windows);
        }

        /// <summary>Sends <paramref name="command"/> <paramref name="count"/> times into caller buffers (nothing allocated here); fails on any error.</summary>
        private void TransmitRepeatedly(int handle, int protocol, byte[] command, byte[] response, int count)
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
            board.Dispose();
        }
    }
}
