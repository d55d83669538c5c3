using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>A contactless reader with an ISO 14443-4 smart card: ISO 7816-4 APDUs reach the card itself.</summary>
    public abstract class Iso14443ReaderSuite : ContactlessReaderSuite
    {
        /// <summary>The category indicator that opens a storage card's historical bytes (see <see cref="StorageCardReaderSuite"/>).</summary>
        private const byte StorageCategory = 0x80;

        protected Iso14443ReaderSuite(ReaderTarget target)
            : base(target, SimulatorPn532Cards.Iso14443_4)
        {
        }

        /// <summary>Type A: the ATS historical bytes; type B: ATQB application data and protocol info (reference §4.5.1). Neither is a storage card's.</summary>
        protected override void CheckHistoricalBytes(byte[] atr, int count)
        {
            Assert.IsFalse(count > 1 && atr[HistoricalOffset] == StorageCategory && atr[HistoricalOffset + 1] == StorageCardReaderSuite.InitialAccessTag,
                "an ISO 14443-4 card's pseudo-ATR is not a storage card's");
        }

        [TestMethod]
        public void ASelectOfAnAbsentApplicationIsNotFound()
        {
            using (EndToEndRig rig = OpenRig())
            {
                int protocol;
                int handle = ConnectToCard(rig, out protocol);
                AssertAbsentApplicationNotFound(rig, handle, protocol);
                rig.Disconnect(handle, ScardConstants.LeaveCard);
            }
        }
    }
}
