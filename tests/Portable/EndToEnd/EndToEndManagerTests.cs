#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// The top of the stack: the SCard API of <see cref="SCardManager"/> over the simulator board. A card
    /// yanked in the middle of a chained T=1 exchange is SCARD_W_REMOVED_CARD within one BWT on the slot's
    /// virtual clock, and the next card inserted works.
    /// </summary>
    [TestClass]
    public class EndToEndManagerTests
    {
        /// <summary>BWT for BWI = 4 at 3.5712 MHz: 11 etu + 2^4·960·372/f ≈ 1.6 s (reference §1.6).</summary>
        private const long DefaultBwtMicros = 1601146;

        private long removedMicros = -1;

        [TestMethod]
        public void YankMidChainIsRemovedCardWithinOneBwtAndTheNextCardWorks()
        {
            SimulatorBoard board = new SimulatorBoard(1);
            SCardManager manager = new SCardManager(board);
            int context;
            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeSystem, out context));
            string reader = manager.Readers.Get(0).Name;
            SimulatedCard card = new SimulatedCard(CardProfile.FastT1());
            card.Removed += OnRemoved;
            board.GetSlot(0).Insert(card);
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
            card.Faults.Arm(CardFaultScope.SentCharacter, 400, CardFaultKind.Yank);

            Assert.AreEqual(ScardError.RemovedCard, Transmit(manager, handle, protocol, EndToEndT1Tests.ExtendedEcho(1000)));

            long noticed = board.GetSlot(0).Clock.NowMicros - removedMicros;
            Assert.IsTrue(removedMicros > 0 && noticed <= DefaultBwtMicros, "within one BWT: " + noticed.ToString());
            board.GetSlot(0).Insert(new SimulatedCard(CardProfile.DualT0T1()));
            int fresh;
            Assert.AreEqual(ScardError.Success, manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out fresh, out protocol));
            Assert.AreEqual(ScardError.Success, Transmit(manager, fresh, protocol, TestSupport.Hex("80 10 00 02 02")));
        }

        private static int Transmit(SCardManager manager, int handle, int protocol, byte[] command)
        {
            byte[] response = new byte[1100];
            int length;
            return manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
        }

        private void OnRemoved(SimulatedCard card, long timeMicros)
        {
            removedMicros = timeMicros;
        }
    }
}
