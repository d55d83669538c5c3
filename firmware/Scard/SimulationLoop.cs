using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// What every `scard simulate` server shares: opening the serial device, and a serving loop that runs
    /// until SIGINT, SIGTERM or the end of standard input, announcing itself with a "serving …" line.
    /// </summary>
    internal static class SimulationLoop
    {
        /// <summary>Bytes read from standard input at a time while watching it for EOF.</summary>
        private const int InputChunk = 256;

        /// <summary>Opens <paramref name="device"/>, or says why not on <paramref name="error"/> and gives null (the verb exits 1).</summary>
        public static LinuxUartLine OpenLine(string device, TextWriter error)
        {
            try
            {
                return new LinuxUartLine(device);
            }
            catch (IOException e)
            {
                error.WriteLine("scard simulate: " + e.Message);
                return null;
            }
        }

        /// <summary>Prints "serving <paramref name="what"/>", then runs <paramref name="step"/> over and over until a stop signal or stdin EOF.</summary>
        public static void Run(string what, TextWriter output, Action step)
        {
            // Not disposed: the stdin watcher may still set it after serving ended.
            ManualResetEvent stop = new ManualResetEvent(false);
            using (PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => StopOn(context, stop)))
            using (PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => StopOn(context, stop)))
            {
                WatchInputForEof(stop);
                Report(output, "serving " + what);
                while (!stop.WaitOne(0))
                {
                    step();
                }
            }
        }

        public static void Report(TextWriter output, string line)
        {
            output.WriteLine(line);
            output.Flush();
        }

        private static void StopOn(PosixSignalContext context, ManualResetEvent stop)
        {
            context.Cancel = true;
            stop.Set();
        }

        /// <summary>A background thread that sets <paramref name="stop"/> when standard input ends.</summary>
        private static void WatchInputForEof(ManualResetEvent stop)
        {
            Thread watcher = new Thread(() =>
            {
                using (Stream input = Console.OpenStandardInput())
                {
                    byte[] chunk = new byte[InputChunk];
                    while (input.Read(chunk, 0, chunk.Length) > 0)
                    {
                        // Whatever is typed is ignored: only the end of input matters.
                    }
                }
                stop.Set();
            });
            watcher.IsBackground = true;
            watcher.Name = "stdin EOF watch";
            watcher.Start();
        }
    }
}
