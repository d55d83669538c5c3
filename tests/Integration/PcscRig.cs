using System;
using EmbeddedSmartCard.Drivers.PcscHost;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Our manager over a "pcsc" board built against the private <see cref="PcscDaemon"/> of this test process.
    /// The supervisor restarts a failed reader after short delays.
    /// </summary>
    public sealed class PcscRig : ManagerRig
    {
        /// <summary>Short supervisor back-off so a reader recovers within the test's patience.</summary>
        private static readonly int[] QuickRestarts = { 200, 500 };

        public readonly PcscHostBoard Board;

        public PcscRig(string spec = "pcsc,poll=200")
            : this(PcscHostBoard.Create(spec, PcscSpec.Parse(spec)))
        {
        }

        private PcscRig(PcscHostBoard board)
            : base(QuickRestartingManager(board), board)
        {
            Board = board;
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

        private static SCardManager QuickRestartingManager(PcscHostBoard board)
        {
            SCardManager manager = new SCardManager();
            manager.RestartDelaysMillis = QuickRestarts;
            manager.Readers.AddBoard(board);
            return manager;
        }
    }
}
