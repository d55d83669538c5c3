using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// Starting and stopping a peer program (pcscd, vicc: reference peers.md) as a child process: its output is
    /// drained so it never blocks on a full pipe, and it is stopped by its own PID, never by name.
    /// </summary>
    public static class PeerProcess
    {
        private const int SignalTerminate = 15;

        /// <summary>Starts <paramref name="start"/> with both output streams redirected and drained.</summary>
        public static Process StartDrained(ProcessStartInfo start)
        {
            start.UseShellExecute = false;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            Process process = Process.Start(start);
            process.OutputDataReceived += (sender, e) => { };
            process.ErrorDataReceived += (sender, e) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        /// <summary>
        /// Stops the process by its PID: with <paramref name="terminateFirst"/> SIGTERM (pcscd then closes its
        /// readers) and a bounded wait, then, if it still runs, a kill and another bounded wait; then releases it.
        /// </summary>
        public static void Stop(Process process, bool terminateFirst, int waitMillis)
        {
            try
            {
                if (!process.HasExited
                    && (!terminateFirst || kill(process.Id, SignalTerminate) != 0 || !process.WaitForExit(waitMillis)))
                {
                    process.Kill();
                    process.WaitForExit(waitMillis);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the signal.
            }

            process.Dispose();
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
