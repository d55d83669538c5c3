using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Peers that misbehave over real TCP: one that stalls during an APDU and one that sends garbage are cut off
    /// within the reply bound (timeout=) and reported as a removed card — the reader stays available and the next
    /// client is a new card.
    /// </summary>
    [TestClass]
    public sealed class VpcdPeerFaultTests
    {
        /// <summary>The reply bound of these tests' readers (timeout=500).</summary>
        private const int ReplyBoundMillis = 500;
        private const string SelectMf = "00 A4 00 0C 02 3F 00";

        [TestMethod]
        public void APeerStallingDuringAnApduIsCutOffAsARemovedCard()
        {
            using (VpcdRig rig = new VpcdRig(",timeout=" + ReplyBoundMillis))
            using (VpcdScriptedClient client = VpcdScriptedClient.Stalling(rig.Port(0)))
            {
                AssertCutOffAsARemovedCard(rig, client);
            }
        }

        [TestMethod]
        public void APeerSendingGarbageIsCutOffAsARemovedCard()
        {
            using (VpcdRig rig = new VpcdRig(",timeout=" + ReplyBoundMillis))
            using (VpcdScriptedClient client = VpcdScriptedClient.Garbling(rig.Port(0)))
            {
                AssertCutOffAsARemovedCard(rig, client);
            }
        }

        /// <summary>
        /// The peer's card fails its first APDU as removed, the reader closes the peer's connection and shows the
        /// slot empty, and the next client is a new card.
        /// </summary>
        private static void AssertCutOffAsARemovedCard(VpcdRig rig, VpcdScriptedClient client)
        {
            int protocol;
            int handle = rig.ConnectWhenPresent(rig.ReaderName(0), out protocol);

            Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, protocol, SelectMf));

            Assert.IsTrue(client.CutOff.WaitOne(VpcdRig.Patience), "the reader closed the connection");
            rig.WaitFor(0, ScardConstants.StateEmpty);
            AssertNextClientIsANewCard(rig);
        }

        private static void AssertNextClientIsANewCard(VpcdRig rig)
        {
            using (VpcdScriptedClient next = VpcdScriptedClient.Stalling(rig.Port(0)))
            {
                ScardReaderState state = rig.WaitForCard(0);
                Assert.AreEqual(0, state.EventState & ScardConstants.StateUnavailable, "the reader stays available");
            }
        }
    }
}
