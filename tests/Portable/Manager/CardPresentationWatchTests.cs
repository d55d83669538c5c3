#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>
    /// CardPresentationWatch over the simulator's two contact readers: one report per presentation (the
    /// reader's event counter), per reader, readers that arrive and leave followed through PnP, the
    /// powered-or-mute rule, and the code of a wait that cannot run.
    /// </summary>
    [TestClass]
    public class CardPresentationWatchTests
    {
        private const int NoCardMillis = 100;

        [TestMethod]
        public void ACardLeftInItsReaderIsReportedOnceAndACardPutBackAgain()
        {
            ManagerBench bench = ManagerBench.Create();
            CardPresentationWatch watch = Watch(bench);
            bench.Insert(0, CardProfile.DirectT0());
            Assert.AreEqual(bench.Reader0, TakeNext(watch, StatusChangeHelpers.Patience));
            Assert.IsNull(TakeNext(watch, NoCardMillis), "the card left in the reader is not reported again");

            bench.Remove(0);
            bench.Insert(0, CardProfile.DirectT0());
            Assert.AreEqual(bench.Reader0, TakeNext(watch, StatusChangeHelpers.Patience), "a card put back is a new presentation");
        }

        [TestMethod]
        public void EachReaderReportsItsOwnPresentations()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.DirectT0());
            CardPresentationWatch watch = Watch(bench);
            Assert.AreEqual(bench.Reader0, TakeNext(watch, StatusChangeHelpers.Patience));
            Assert.AreEqual(bench.Reader1, TakeNext(watch, StatusChangeHelpers.Patience));
            Assert.IsNull(TakeNext(watch, NoCardMillis), "both presentations reported");
        }

        [TestMethod]
        public void APresentationNotMarkedIsOfferedAgain()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            CardPresentationWatch watch = Watch(bench);
            ScardReaderState presentation;
            Assert.AreEqual(ScardError.Success, watch.WaitForPresentation(StatusChangeHelpers.Patience, out presentation));
            Assert.AreEqual(ScardError.Success, watch.WaitForPresentation(NoCardMillis, out presentation), "not marked: still new");
            Assert.AreEqual(ScardError.Success, watch.MarkReported(bench.Reader0));
            Assert.AreEqual(ScardError.Timeout, watch.WaitForPresentation(NoCardMillis, out presentation));
            Assert.IsNull(presentation);
        }

        [TestMethod]
        public void AReaderThatArrivesIsWatchedAndOneThatLeavesIsDropped()
        {
            ManagerBench bench = ManagerBench.Create();
            CardPresentationWatch watch = Watch(bench);
            Assert.AreEqual(2, watch.ReaderCount);
            SimulatorBoard extra = new SimulatorBoard(1);
            extra.GetSlot(0).Insert(new SimulatedCard(CardProfile.DirectT0()));
            ManagedReader added = bench.Manager.Readers.Add(extra.GetReader(0), "Extra Reader");

            Assert.AreEqual(added.Name, TakeNext(watch, StatusChangeHelpers.Patience), "the card of the reader that arrived");
            Assert.AreEqual(3, watch.ReaderCount);
            Assert.IsTrue(bench.Manager.Readers.Remove(added.Name), "removed");
            Assert.AreEqual(ScardError.Success, watch.Wait(0), "the PnP entry changed");
            Assert.AreEqual(2, watch.ReaderCount, "the reader that left is no longer watched");
        }

        [TestMethod]
        public void PoweredOrMuteOnlyWaitsForTheAnswerToReset()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Manager.PowerOnInsertion = false;
            CardPresentationWatch any = Watch(bench);
            CardPresentationWatch answered = Watch(bench);
            answered.PoweredOrMuteOnly = true;
            bench.Insert(0, CardProfile.DirectT0());
            Assert.IsNull(TakeNext(answered, NoCardMillis), "an UNPOWERED card is not presented yet");
            Assert.AreEqual(bench.Reader0, TakeNext(any, StatusChangeHelpers.Patience), "present is enough without the rule");

            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, bench.Connect(0, ScardConstants.ShareShared, out handle, out protocol));
            Assert.AreEqual(bench.Reader0, TakeNext(answered, StatusChangeHelpers.Patience), "presented once powered");
        }

        [TestMethod]
        public void AWaitOnAReleasedContextGivesItsCode()
        {
            ManagerBench bench = ManagerBench.Create();
            CardPresentationWatch watch = Watch(bench);
            bench.Manager.ReleaseContext(bench.Context);
            ScardReaderState presentation;
            Assert.AreEqual(ScardError.InvalidHandle, watch.WaitForPresentation(NoCardMillis, out presentation));
            Assert.IsNull(presentation);
        }

        private static CardPresentationWatch Watch(ManagerBench bench)
        {
            CardPresentationWatch watch = new CardPresentationWatch(bench.Manager, bench.Context);
            Assert.AreEqual(ScardError.Success, watch.Refresh());
            return watch;
        }

        /// <summary>The reader of the next presentation, marked reported; null when none comes in time.</summary>
        private static string TakeNext(CardPresentationWatch watch, int timeoutMillis)
        {
            ScardReaderState presentation;
            int result = watch.WaitForPresentation(timeoutMillis, out presentation);
            if (result != ScardError.Success)
            {
                Assert.AreEqual(ScardError.GetName(ScardError.Timeout), ScardError.GetName(result));
                return null;
            }

            watch.MarkReported(presentation);
            return presentation.Reader;
        }
    }
}
