using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A private pcscd with vsmartcard's vpcd driver on two free ports chosen at run time (slot 0 on
    /// <see cref="VpcdPort"/>, slot 1 on the next), started and stopped by PID. pcsc-lite 1.9.9's daemon always
    /// puts its socket and PID file in /run/pcscd, so it runs in its own mount namespace where a private folder
    /// is bound over /run/pcscd: it never meets a system pcscd or another test's. Clients reach it through
    /// PCSCLITE_CSOCK_NAME: <see cref="ClientEnvironment"/> for child processes, and this test process's own
    /// environment (set natively, where libpcsclite reads it once) for the host reader under test.
    /// </summary>
    public sealed class PcscDaemon : IDisposable
    {
        public const string PcscdPath = "/usr/sbin/pcscd";
        public const string VpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
        public const string UnsharePath = "/usr/bin/unshare";
        public const string SocketVariable = "PCSCLITE_CSOCK_NAME";

        /// <summary>pcscd's vpcd names its two slots like this (reference peers.md).</summary>
        public const string Slot0 = "Virtual PCD 00 00";
        public const string Slot1 = "Virtual PCD 00 01";

        /// <summary>Bound on pcscd creating its socket, and on its exit after SIGTERM.</summary>
        private const int StartupMillis = 10000;
        private const int StopMillis = 10000;
        private const string SystemRunFolder = "/run/pcscd";
        private const int MaxPort = 65535;

        /// <summary>One folder per test process: libpcsclite reads PCSCLITE_CSOCK_NAME once, so every pcscd of this process uses the same socket path.</summary>
        private static readonly string Folder = Path.Combine(Path.GetTempPath(), "esc-pcscd-" + Environment.ProcessId);

        private readonly Process process;

        private PcscDaemon(Process process, int vpcdPort)
        {
            this.process = process;
            VpcdPort = vpcdPort;
        }

        /// <summary>The socket this process's pcscd listens on.</summary>
        public static string SocketPath
        {
            get { return Path.Combine(Folder, "run", "pcscd.comm"); }
        }

        /// <summary>pcscd, the vpcd driver and unshare are installed and we may make a mount namespace (root).</summary>
        public static bool Available
        {
            get { return File.Exists(PcscdPath) && File.Exists(VpcdDriver) && File.Exists(UnsharePath) && geteuid() == 0; }
        }

        /// <summary>The port vpcd's slot 0 listens on (slot 1: the next one).</summary>
        public int VpcdPort { get; private set; }

        public int Id
        {
            get { return process.Id; }
        }

        public bool HasExited
        {
            get { return process.HasExited; }
        }

        /// <summary>Marks the test inconclusive when the peers are missing (the CI installs them: peers.md).</summary>
        public static void RequireInstalled()
        {
            if (!Available)
            {
                Assert.Inconclusive("needs root, " + PcscdPath + ", " + VpcdDriver + " and " + UnsharePath + " (Debian: pcscd, vsmartcard-vpcd, util-linux)");
            }

            VpcdVicc.RequireInstalled();
        }

        /// <summary>Starts pcscd with vpcd on <paramref name="vpcdPort"/> (0: a free pair of ports) and waits for its socket.</summary>
        public static PcscDaemon Start(int vpcdPort = 0)
        {
            UseThisDaemonInProcess();
            int port = vpcdPort != 0 ? vpcdPort : FreePortPair();
            string config = Path.Combine(Folder, "reader.conf.d");
            string run = Path.Combine(Folder, "run");
            Directory.CreateDirectory(config);
            Directory.CreateDirectory(run);
            File.Delete(SocketPath);
            File.WriteAllText(Path.Combine(config, "vpcd"),
                "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:" + port + "\nLIBPATH " + VpcdDriver + "\nCHANNELID " + port + "\n");

            ProcessStartInfo start = new ProcessStartInfo(UnsharePath);
            foreach (string argument in new[] { "--mount", "--propagation", "private", "sh", "-c",
                "mkdir -p " + SystemRunFolder + " && mount --bind \"$0\" " + SystemRunFolder + " && exec " + PcscdPath + " -f -c \"$1\"", run, config })
            {
                start.ArgumentList.Add(argument);
            }
            start.UseShellExecute = false;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            Process process = Process.Start(start);
            process.OutputDataReceived += (sender, e) => { };
            process.ErrorDataReceived += (sender, e) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            PcscDaemon daemon = new PcscDaemon(process, port);
            daemon.WaitForSocket();
            return daemon;
        }

        /// <summary>The environment a PC/SC client process (opensc-tool, pcsc_scan, pyscard) needs to reach this pcscd.</summary>
        public static void ClientEnvironment(ProcessStartInfo start)
        {
            start.Environment[SocketVariable] = SocketPath;
        }

        /// <summary>Stops pcscd by its PID (SIGTERM: it closes its readers) and waits for it, bounded.</summary>
        public void Dispose()
        {
            if (!process.HasExited)
            {
                kill(process.Id, SignalTerminate);
                if (!process.WaitForExit(StopMillis))
                {
                    PtyToolProcess.Kill(process);
                    return;
                }
            }

            process.Dispose();
        }

        /// <summary>Two consecutive free TCP ports on 127.0.0.1 (vpcd's two slots).</summary>
        public static int FreePortPair()
        {
            for (int attempt = 0; attempt < 50; attempt++)
            {
                int port = FreePort();
                if (port < MaxPort && IsFree(port + 1))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("no two consecutive free ports found");
        }

        private void WaitForSocket()
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (!File.Exists(SocketPath))
            {
                if (process.HasExited || waited.ElapsedMilliseconds > StartupMillis)
                {
                    Dispose();
                    Assert.Fail("pcscd did not create " + SocketPath + " within " + StartupMillis + " ms");
                }

                Thread.Sleep(20);
            }
        }

        private static int FreePort()
        {
            TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static bool IsFree(int port)
        {
            try
            {
                TcpListener listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
                listener.Stop();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        /// <summary>
        /// libpcsclite in this process reads PCSCLITE_CSOCK_NAME with getenv once, and .NET's
        /// Environment.SetEnvironmentVariable does not reach the native environment: set it with libc's setenv.
        /// </summary>
        private static void UseThisDaemonInProcess()
        {
            setenv(SocketVariable, SocketPath, 1);
        }

        private const int SignalTerminate = 15;

        [DllImport("libc", SetLastError = true)]
        private static extern int setenv(string name, string value, int overwrite);

        [DllImport("libc")]
        private static extern uint geteuid();

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
