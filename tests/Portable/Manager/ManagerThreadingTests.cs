#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class ManagerThreadingTests
    {
        private const int ExchangesPerThread = 40;

        // A bound on the join, not a timing assertion: a deadlock fails the test instead of hanging it.
        private const int JoinBoundMillis = 60000;

        [TestMethod]
        public void ThreadsSharingAReaderAndUsingTheOtherAllGetTheirAnswers()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.FastT1());
            Exchanger[] exchangers =
            {
                new Exchanger(bench, 0),
                new Exchanger(bench, 0),
                new Exchanger(bench, 1),
            };
            Thread[] threads = new Thread[exchangers.Length];
            for (int i = 0; i < threads.Length; i++)
            {
                threads[i] = new Thread(exchangers[i].Run);
                threads[i].Start();
            }

            for (int i = 0; i < threads.Length; i++)
            {
                Assert.IsTrue(threads[i].Join(JoinBoundMillis), "thread " + i + " did not finish");
                Assert.AreEqual(ExchangesPerThread, exchangers[i].Answered, "thread " + i + ": " + exchangers[i].LastResult);
            }
        }

        /// <summary>Connects SHARED to one reader and sends SELECT MF over and over.</summary>
        private sealed class Exchanger
        {
            private readonly ManagerBench bench;
            private readonly int slot;

            public Exchanger(ManagerBench bench, int slot)
            {
                this.bench = bench;
                this.slot = slot;
            }

            public int Answered;
            public string LastResult = "";

            public void Run()
            {
                int handle;
                int protocol;
                int result = bench.Connect(slot, ScardConstants.ShareShared, out handle, out protocol);
                LastResult = ScardError.GetName(result);
                for (int i = 0; i < ExchangesPerThread && result == ScardError.Success; i++)
                {
                    LastResult = bench.Send(handle, protocol, ManagerBench.SelectMf);
                    if (LastResult == "90 00")
                    {
                        Answered++;
                    }
                }

                bench.Manager.Disconnect(handle, ScardConstants.LeaveCard);
            }
        }
    }
}
