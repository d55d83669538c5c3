#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>
    /// 8 threads, each with its own context and a SHARED handle on both readers, run transactions of random
    /// ECHO APDUs with random dispositions while a card is pulled and a reader is yanked and re-attached.
    /// Checked: no APDU of one transaction interleaves with another handle's (a per-reader owner mark), every
    /// response is the echo of its own command (which carries a unique serial: nothing lost or duplicated),
    /// no bounded wait runs out, and the lock is granted in request order (overtakes are counted).
    /// </summary>
    [TestClass]
    public class StressTests
    {
        private const int ThreadCount = 8;
        private const int ReaderCount = 2;
        private const int TransactionsPerThread = 1000;

        // Attempts a worker may spend on card events and yanks before it gives up on its quota.
        private const int MaxAttemptsPerThread = TransactionsPerThread * 4;
        private const int MaxApdusPerTransaction = 4;
        private const int MaxEchoLength = 24;

        /// <summary>At most one grant in this many may be measured out of request order.</summary>
        private const int MaxOvertakenShare = 10;

        // Far beyond any wait in a healthy run: reaching one is a failure, not a slow machine.
        private const int WaitBoundMillis = 20000;
        private const int JoinBoundMillis = 120000;

        [TestMethod]
        public void ThreadsTransactingOnTwoReadersNeverInterleaveAndAreServedInOrder()
        {
            ManagerBench bench = ManagerBench.Create();
            bench.Insert(0, CardProfile.DirectT0());
            bench.Insert(1, CardProfile.FastT1());
            bench.Manager.TransactionWaitMillis = WaitBoundMillis;
            bench.Manager.SharingWaitMillis = WaitBoundMillis;
            Shared shared = new Shared(ThreadCount * TransactionsPerThread);
            Worker[] workers = new Worker[ThreadCount];
            Thread[] threads = new Thread[ThreadCount];
            for (int i = 0; i < ThreadCount; i++)
            {
                workers[i] = new Worker(bench, shared, i);
                threads[i] = new Thread(workers[i].Run);
                threads[i].Start();
            }

            Yank(bench, shared);
            for (int i = 0; i < ThreadCount; i++)
            {
                Assert.IsTrue(threads[i].Join(JoinBoundMillis), "worker " + i + " finished");
            }

            int transactions = 0;
            for (int i = 0; i < ThreadCount; i++)
            {
                Assert.AreEqual("", workers[i].Failure, "worker " + i);
                transactions += workers[i].Transactions;
            }

            Assert.AreEqual(0, shared.Interleavings, "APDUs of another handle inside a transaction");
            Assert.AreEqual(ThreadCount * TransactionsPerThread, transactions, "every worker made its quota");
            for (int r = 0; r < ReaderCount; r++)
            {
                // The lock itself is FIFO; the test sees an overtake only when a thread is preempted between
                // taking its ticket and queueing (or its transaction went with a pulled card). A lock that let
                // newcomers barge in would show overtakes on a large share of the grants.
                Assert.IsTrue(shared.Overtaken(r) * MaxOvertakenShare < shared.Grants(r), "reader " + r + ": " + shared.Fairness(r));

                // The measurement itself, for the test log (dotnet test --logger "console;verbosity=detailed").
                System.Console.WriteLine("stress: reader " + r + ": " + shared.Fairness(r));
            }
        }

        /// <summary>Pulls reader 0's card and puts a fresh one back, then detaches reader 1 and attaches it again.</summary>
        private static void Yank(ManagerBench bench, Shared shared)
        {
            WaitForProgress(shared, ThreadCount * TransactionsPerThread / 3);
            bench.Remove(0);
            Thread.Sleep(10);
            bench.Insert(0, CardProfile.DirectT0());

            WaitForProgress(shared, ThreadCount * TransactionsPerThread * 2 / 3);
            string name = bench.Reader1;
            bench.Manager.Readers.Remove(name);
            Thread.Sleep(10);
            bench.Manager.Readers.Add(bench.Board.GetReader(1), bench.Board.GetReaderName(1));
        }

        private static void WaitForProgress(Shared shared, int transactions)
        {
            for (int i = 0; i < JoinBoundMillis && shared.Completed < transactions; i++)
            {
                Thread.Sleep(1);
            }
        }

        /// <summary>What the workers share: owner marks, tickets, and the grant log per reader.</summary>
        private sealed class Shared
        {
            private readonly object gate = new object();
            private readonly int[] owners = new int[ReaderCount];
            private readonly int[][] requests = new int[ReaderCount][];
            private readonly int[][] grants = new int[ReaderCount][];
            private readonly int[] counts = new int[ReaderCount];
            private readonly int[] tickets = new int[ReaderCount];

            public Shared(int capacity)
            {
                for (int r = 0; r < ReaderCount; r++)
                {
                    requests[r] = new int[capacity];
                    grants[r] = new int[capacity];
                    owners[r] = -1;
                }
            }

            public int Interleavings;
            public int Completed;

            public int Ticket(int reader)
            {
                lock (gate)
                {
                    return ++tickets[reader];
                }
            }

            /// <summary>Marks <paramref name="worker"/> as the reader's transaction owner and logs the grant.</summary>
            public void Enter(int reader, int worker, int request)
            {
                lock (gate)
                {
                    if (owners[reader] != -1)
                    {
                        Interleavings++;
                    }

                    owners[reader] = worker;
                    requests[reader][counts[reader]] = request;
                    grants[reader][counts[reader]] = ++tickets[reader];
                    counts[reader]++;
                }
            }

            /// <summary>Checks that <paramref name="worker"/> still owns the reader (around each APDU).</summary>
            public void Check(int reader, int worker)
            {
                lock (gate)
                {
                    if (owners[reader] != worker)
                    {
                        Interleavings++;
                    }
                }
            }

            public void Leave(int reader)
            {
                lock (gate)
                {
                    owners[reader] = -1;
                    Completed++;
                }
            }

            /// <summary>The most times one request was overtaken by a later one.</summary>
            public int MaxOvertakes(int reader)
            {
                int max = 0;
                for (int i = 0; i < counts[reader]; i++)
                {
                    int overtakes = Overtakes(reader, i);
                    max = overtakes > max ? overtakes : max;
                }

                return max;
            }

            public int Grants(int reader)
            {
                return counts[reader];
            }

            /// <summary>How many grants came after a request that was made later.</summary>
            public int Overtaken(int reader)
            {
                int overtaken = 0;
                for (int i = 0; i < counts[reader]; i++)
                {
                    overtaken += Overtakes(reader, i) > 0 ? 1 : 0;
                }

                return overtaken;
            }

            public string Fairness(int reader)
            {
                return counts[reader] + " grants, " + Overtaken(reader) + " overtaken, at most " + MaxOvertakes(reader) + " times";
            }

            private int Overtakes(int reader, int index)
            {
                int overtakes = 0;
                for (int j = 0; j < counts[reader]; j++)
                {
                    if (requests[reader][j] > requests[reader][index] && grants[reader][j] < grants[reader][index])
                    {
                        overtakes++;
                    }
                }

                return overtakes;
            }
        }

        /// <summary>One application thread: its own context, a SHARED handle per reader, random transactions.</summary>
        private sealed class Worker
        {
            private readonly ManagerBench bench;
            private readonly Shared shared;
            private readonly int id;
            private readonly Random random;
            private readonly int[] handles = new int[ReaderCount];
            private readonly byte[] command = new byte[5 + MaxEchoLength + 1];
            private readonly byte[] response = new byte[MaxEchoLength + 2];
            private int context;
            private int serial;

            public Worker(ManagerBench bench, Shared shared, int id)
            {
                this.bench = bench;
                this.shared = shared;
                this.id = id;
                random = new Random(id + 1);
            }

            public string Failure = "";
            public int Transactions;

            public void Run()
            {
                bench.Manager.EstablishContext(ScardConstants.ScopeUser, out context);
                for (int i = 0; i < MaxAttemptsPerThread && Transactions < TransactionsPerThread && Failure.Length == 0; i++)
                {
                    int reader = random.Next(ReaderCount);
                    if (Usable(reader))
                    {
                        Transact(reader);
                    }
                    else
                    {
                        // No card or no reader for now: a real application would wait in GetStatusChange.
                        Thread.Sleep(1);
                    }
                }

                bench.Manager.ReleaseContext(context);
            }

            /// <summary>Makes sure the handle on <paramref name="reader"/> is open (reconnecting after a card event, connecting afresh after a yank).</summary>
            private bool Usable(int reader)
            {
                if (handles[reader] == 0)
                {
                    string name = bench.Manager.Readers.Get(reader) == null ? null : bench.Manager.Readers.Get(reader).Name;
                    int protocol;
                    int result = bench.Manager.Connect(context, name, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handles[reader], out protocol);
                    Expect(result, ScardError.Success, ScardError.NoSmartcard, ScardError.UnknownReader, ScardError.ReaderUnavailable, "connect");
                    return result == ScardError.Success;
                }

                return true;
            }

            private void Transact(int reader)
            {
                int handle = handles[reader];
                int request = shared.Ticket(reader);
                int result = bench.Manager.BeginTransaction(handle);
                if (result != ScardError.Success)
                {
                    Recover(reader, result, "begin");
                    return;
                }

                shared.Enter(reader, id, request);
                int apdus = 1 + random.Next(MaxApdusPerTransaction);
                for (int i = 0; i < apdus && result == ScardError.Success; i++)
                {
                    result = Echo(reader, handle);
                }

                shared.Leave(reader);
                int ended = bench.Manager.EndTransaction(handle, Disposition());
                Transactions++;
                Recover(reader, result != ScardError.Success ? result : ended, "transaction");
            }

            /// <summary>One ECHO of random data led by a unique serial; the answer must be exactly that data.</summary>
            private int Echo(int reader, int handle)
            {
                int length = 4 + random.Next(MaxEchoLength - 4);
                serial++;
                command[0] = 0x80;
                command[1] = 0x12;
                command[2] = 0;
                command[3] = 0;
                command[4] = (byte)length;
                command[5] = (byte)id;
                command[6] = (byte)(serial >> 8);
                command[7] = (byte)serial;
                command[8] = (byte)reader;
                for (int i = 9; i < 5 + length; i++)
                {
                    command[i] = (byte)random.Next(256);
                }

                command[5 + length] = 0;
                shared.Check(reader, id);
                int received;
                int result = bench.Manager.Transmit(handle, ScardConstants.ProtocolAnyOld, command, 0, 6 + length, response, 0, response.Length, out received);
                shared.Check(reader, id);
                if (result == ScardError.Success && TestSupport.ToHex(command, 5, length) + " 90 00" != TestSupport.ToHex(response, 0, received))
                {
                    Failure = "echo " + TestSupport.ToHex(command, 5, length) + " answered " + TestSupport.ToHex(response, 0, received);
                }

                return result;
            }

            /// <summary>Mostly LEAVE; now and then RESET, UNPOWER or EJECT (which the other handles then see).</summary>
            private int Disposition()
            {
                int draw = random.Next(20);
                return draw < 17 ? ScardConstants.LeaveCard : draw - 16;
            }

            /// <summary>What a real application does after each code the run may produce; anything else fails the test.</summary>
            private void Recover(int reader, int result, string what)
            {
                int handle = handles[reader];
                int protocol;
                if (result == ScardError.ResetCard || result == ScardError.RemovedCard || result == ScardError.NotTransacted || result == ScardError.NoSmartcard)
                {
                    int reconnected = bench.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.LeaveCard, out protocol);
                    Expect(reconnected, ScardError.Success, ScardError.NoSmartcard, ScardError.ReaderUnavailable, ScardError.InvalidHandle, "reconnect");
                    if (reconnected == ScardError.NoSmartcard)
                    {
                        Thread.Sleep(1);
                    }

                    return;
                }

                if (result == ScardError.ReaderUnavailable || result == ScardError.InvalidHandle)
                {
                    bench.Manager.Disconnect(handle, ScardConstants.LeaveCard);
                    handles[reader] = 0;
                    return;
                }

                Expect(result, ScardError.Success, ScardError.Success, ScardError.Success, ScardError.Success, what);
            }

            private void Expect(int result, int a, int b, int c, int d, string what)
            {
                if (result != a && result != b && result != c && result != d && Failure.Length == 0)
                {
                    Failure = what + ": " + ScardError.GetName(result);
                }
            }
        }
    }
}
