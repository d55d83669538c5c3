using System;
using System.Diagnostics;
using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The resource manager's own cost, over <see cref="InstantReaderDriver"/>: the time and bytes one
    /// SCardTransmit adds on top of the driver (handle lookup, sharing and transaction checks, the reader
    /// queue, the library's state checks), and how long a thread blocked in GetStatusChange takes to
    /// return after a card event. Shared by `scard bench --manager` and tests/Benchmarks.
    /// </summary>
    public sealed class ManagerOverheadBench : IDisposable
    {
        private static readonly byte[] Command = new byte[] { 0x00, 0x84, 0x00, 0x00 };

        private readonly InstantReaderDriver driver = new InstantReaderDriver();
        private readonly SCardManager manager = new SCardManager();
        private readonly byte[] response = new byte[258];
        private readonly string reader;
        private readonly int context;
        private readonly int handle;

        public ManagerOverheadBench()
        {
            reader = manager.Readers.Add(driver, "Instant bench reader").Name;
            Check(manager.EstablishContext(ScardConstants.ScopeSystem, out context), "EstablishContext");
            int protocol;
            Check(manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolT1, out handle, out protocol), "Connect");
        }

        /// <summary>One SCardTransmit of a case-1 command through the manager.</summary>
        public void Transmit()
        {
            int received;
            int result = manager.Transmit(handle, ScardConstants.ProtocolT1, Command, 0, Command.Length, response, 0, response.Length, out received);
            if (result != ScardError.Success || received != 2)
            {
                throw new InvalidOperationException("Transmit failed: " + ScardError.GetName(result));
            }
        }

        /// <summary>The same command straight into the driver: the floor the manager's overhead is measured from.</summary>
        public void TransmitToDriver()
        {
            int received;
            driver.Transmit(Command, 0, Command.Length, response, 0, response.Length, out received);
        }

        /// <summary>Median over <paramref name="batches"/> batches of the nanoseconds per call of <paramref name="call"/> (<paramref name="batch"/> calls a batch).</summary>
        public static double MedianNanos(ThreadStart call, int batches, int batch)
        {
            double[] perCall = new double[batches];
            for (int b = 0; b < batches; b++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < batch; i++)
                {
                    call();
                }

                perCall[b] = (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / batch;
            }

            Array.Sort(perCall);
            return perCall[batches / 2];
        }

        /// <summary>Bytes allocated on this thread per manager Transmit in steady state.</summary>
        public double AllocatedBytesPerTransmit(int calls)
        {
            Transmit();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < calls; i++)
            {
                Transmit();
            }

            return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
        }

        /// <summary>
        /// Wake-up latency of GetStatusChange: a second thread waits with INFINITE timeout on the reader;
        /// this thread takes the card out or puts it in, and the latency is the time from that event to
        /// the waiter's return with the new state. Power-on at insertion is switched off here so that
        /// every event is exactly one state change. Returns the sorted latencies in microseconds.
        /// </summary>
        public double[] StatusChangeWakeUpMicros(int events)
        {
            manager.PowerOnInsertion = false;
            double[] latencies = new double[events];
            StatusChangeWaiter waiter = new StatusChangeWaiter(manager, context, reader);
            waiter.Start();
            bool present = driver.IsCardPresent();
            for (int i = 0; i < events; i++)
            {
                waiter.WaitUntilBlocked();
                present = !present;
                long eventTimestamp = Stopwatch.GetTimestamp();
                driver.SetCardPresent(present);
                long wokenTimestamp = waiter.WaitForState(present ? ScardConstants.StatePresent : ScardConstants.StateEmpty);
                latencies[i] = (wokenTimestamp - eventTimestamp) * 1e6 / Stopwatch.Frequency;
            }

            waiter.Stop();
            if (!present)
            {
                driver.SetCardPresent(true);
            }

            Array.Sort(latencies);
            return latencies;
        }

        public void Dispose()
        {
            manager.Disconnect(handle, ScardConstants.LeaveCard);
            manager.ReleaseContext(context);
            manager.Dispose();
        }

        private static void Check(int result, string call)
        {
            if (result != ScardError.Success)
            {
                throw new InvalidOperationException(call + " failed: " + ScardError.GetName(result));
            }
        }
    }
}
