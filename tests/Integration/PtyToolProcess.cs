using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The scard tool run as a separate process (dotnet scard.dll …), with its output collected line
    /// by line so a test can wait, bounded, for a given line. Standard input stays open until
    /// <see cref="CloseInput"/> (scard simulate stops on its EOF). Dispose kills it by PID if still running.
    /// </summary>
    public sealed class PtyToolProcess : IDisposable
    {
        private const int KillWaitMillis = 5000;

        private readonly Process process;
        private readonly List<string> outputLines = new List<string>();
        private readonly StringBuilder errorText = new StringBuilder();
        private readonly object gate = new object();
        private bool outputClosed;
        private bool errorClosed;

        private PtyToolProcess(Process process)
        {
            this.process = process;
        }

        /// <summary>Starts <c>dotnet scard.dll</c> with <paramref name="arguments"/>.</summary>
        public static PtyToolProcess StartScard(params string[] arguments)
        {
            ProcessStartInfo start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(ScardAssembly());
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            start.UseShellExecute = false;
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            PtyToolProcess tool = new PtyToolProcess(Process.Start(start));
            tool.process.OutputDataReceived += tool.OnOutput;
            tool.process.ErrorDataReceived += tool.OnError;
            tool.process.BeginOutputReadLine();
            tool.process.BeginErrorReadLine();
            return tool;
        }

        /// <summary>Everything written to standard output so far.</summary>
        public string Output
        {
            get
            {
                lock (gate)
                {
                    return string.Join("\n", outputLines);
                }
            }
        }

        public string Error
        {
            get
            {
                lock (gate)
                {
                    return errorText.ToString();
                }
            }
        }

        public int ExitCode
        {
            get { return process.ExitCode; }
        }

        /// <summary>Waits until a line containing <paramref name="text"/> was printed; false after the timeout or when the process ended without it.</summary>
        public bool WaitForLine(string text, int timeoutMillis)
        {
            Stopwatch waited = Stopwatch.StartNew();
            lock (gate)
            {
                while (true)
                {
                    foreach (string line in outputLines)
                    {
                        if (line.Contains(text, StringComparison.Ordinal))
                        {
                            return true;
                        }
                    }
                    long left = timeoutMillis - waited.ElapsedMilliseconds;
                    if (left <= 0 || (process.HasExited && outputClosed))
                    {
                        return false;
                    }
                    Monitor.Wait(gate, (int)left);
                }
            }
        }

        /// <summary>Waits for the process to end and its output to be collected; false after the timeout.</summary>
        public bool WaitForExit(int timeoutMillis)
        {
            return process.WaitForExit(timeoutMillis) && WaitForOutputClosed(timeoutMillis);
        }

        /// <summary>Writes one line to standard input and flushes it (a command to a tool that reads lines).</summary>
        public void WriteInput(string line)
        {
            process.StandardInput.WriteLine(line);
            process.StandardInput.Flush();
        }

        /// <summary>Closes standard input (EOF).</summary>
        public void CloseInput()
        {
            process.StandardInput.Close();
        }

        public void Dispose()
        {
            Kill(process);
        }

        /// <summary>Kills a process (by its PID, never by name) if it is still running, and waits for it, bounded.</summary>
        public static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(KillWaitMillis);
                }
            }
            catch (InvalidOperationException)
            {
                // It ended between the check and the kill.
            }
            process.Dispose();
        }

        /// <summary>Both redirected streams reached their end, so Output and Error hold everything the process wrote.</summary>
        private bool WaitForOutputClosed(int timeoutMillis)
        {
            Stopwatch waited = Stopwatch.StartNew();
            lock (gate)
            {
                while (!outputClosed || !errorClosed)
                {
                    long left = timeoutMillis - waited.ElapsedMilliseconds;
                    if (left <= 0)
                    {
                        return false;
                    }
                    Monitor.Wait(gate, (int)left);
                }
                return true;
            }
        }

        private void OnOutput(object sender, DataReceivedEventArgs e)
        {
            lock (gate)
            {
                if (e.Data == null)
                {
                    outputClosed = true;
                }
                else
                {
                    outputLines.Add(e.Data);
                }
                Monitor.PulseAll(gate);
            }
        }

        private void OnError(object sender, DataReceivedEventArgs e)
        {
            lock (gate)
            {
                if (e.Data == null)
                {
                    errorClosed = true;
                }
                else
                {
                    errorText.AppendLine(e.Data);
                }

                Monitor.PulseAll(gate);
            }
        }

        /// <summary>scard.dll next to the tests (the project reference copies it) or in firmware/Scard's build output.</summary>
        private static string ScardAssembly()
        {
            string local = Path.Combine(AppContext.BaseDirectory, "scard.dll");
            if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "scard.runtimeconfig.json")))
            {
                return local;
            }
            throw new FileNotFoundException("scard.dll with its runtimeconfig was not found next to the tests in " + AppContext.BaseDirectory);
        }
    }
}
