using System.Diagnostics;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A standard PC/SC client program (opensc-tool, pcsc_scan, pyscard through Debian's python3) run against
    /// this test process's private <see cref="PcscDaemon"/>, bounded, by PID. Returns what it printed.
    /// </summary>
    public static class PcscClientTool
    {
        public const string OpenscTool = "/usr/bin/opensc-tool";
        public const string PcscScan = "/usr/bin/pcsc_scan";
        public const string Python = "/usr/bin/python3";

        /// <summary>Runs <paramref name="program"/> to its end or for at most <paramref name="timeoutMillis"/>; stdout and stderr together.</summary>
        public static string Run(int timeoutMillis, string program, params string[] arguments)
        {
            ProcessStartInfo start = new ProcessStartInfo(program);
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            PcscDaemon.ClientEnvironment(start);
            start.UseShellExecute = false;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using (Process process = Process.Start(start))
            {
                System.Text.StringBuilder text = new System.Text.StringBuilder();
                object gate = new object();
                process.OutputDataReceived += (sender, e) => { lock (gate) { if (e.Data != null) text.AppendLine(e.Data); } };
                process.ErrorDataReceived += (sender, e) => { lock (gate) { if (e.Data != null) text.AppendLine(e.Data); } };
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (!process.WaitForExit(timeoutMillis))
                {
                    process.Kill();
                }
                process.WaitForExit();
                lock (gate)
                {
                    return text.ToString();
                }
            }
        }
    }
}
