using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Two linked pseudo-terminals made by socat (reference/peers.md): bytes and timing cross,
    /// parity and break do not. <see cref="A"/> and <see cref="B"/> are symbolic links to the two
    /// /dev/pts devices. socat runs until <see cref="Dispose"/> kills it by its PID.
    /// </summary>
    public sealed class PtyPair : IDisposable
    {
        /// <summary>How long socat may take to create both links.</summary>
        private const int StartTimeoutMillis = 10000;
        private const int PollMillis = 20;

        private readonly Process socat;
        private readonly string folder;

        private PtyPair(Process socat, string folder)
        {
            this.socat = socat;
            this.folder = folder;
        }

        public string A
        {
            get { return Path.Combine(folder, "ptyA"); }
        }

        public string B
        {
            get { return Path.Combine(folder, "ptyB"); }
        }

        /// <summary>True when socat is on PATH (the CI installs it; see reference/peers.md).</summary>
        public static bool SocatAvailable
        {
            get { return FindOnPath("socat") != null; }
        }

        /// <summary>Starts socat and waits (bounded) for both links; throws if they do not appear.</summary>
        public static PtyPair Start()
        {
            string socatPath = FindOnPath("socat");
            if (socatPath == null)
            {
                throw new InvalidOperationException("socat is not installed: apt-get install socat");
            }
            string folder = Path.Combine(Path.GetTempPath(), "esc-pty-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            ProcessStartInfo start = new ProcessStartInfo(socatPath);
            foreach (string argument in new[] { "-d", "-d", "pty,raw,echo=0,link=" + Path.Combine(folder, "ptyA"), "pty,raw,echo=0,link=" + Path.Combine(folder, "ptyB") })
            {
                start.ArgumentList.Add(argument);
            }
            start.RedirectStandardError = true;
            start.RedirectStandardOutput = true;
            start.UseShellExecute = false;
            Process process = Process.Start(start);
            // socat's -d -d log goes to stderr; drain it so it never blocks on a full pipe.
            process.ErrorDataReceived += (sender, e) => { };
            process.BeginErrorReadLine();
            PtyPair pair = new PtyPair(process, folder);
            if (!pair.WaitForLinks())
            {
                pair.Dispose();
                throw new TimeoutException("socat did not create " + pair.A + " and " + pair.B + " within " + StartTimeoutMillis + " ms");
            }
            return pair;
        }

        public void Dispose()
        {
            PtyToolProcess.Kill(socat);
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
                // socat removes its links itself on exit; a leftover empty folder in /tmp is harmless.
            }
        }

        private bool WaitForLinks()
        {
            for (int waited = 0; waited < StartTimeoutMillis; waited += PollMillis)
            {
                if (File.Exists(A) && File.Exists(B))
                {
                    return true;
                }
                if (socat.HasExited)
                {
                    return false;
                }
                Thread.Sleep(PollMillis);
            }
            return false;
        }

        private static string FindOnPath(string program)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
            foreach (string directory in path.Split(':'))
            {
                string candidate = Path.Combine(directory, program);
                if (directory.Length > 0 && File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return null;
        }
    }
}
