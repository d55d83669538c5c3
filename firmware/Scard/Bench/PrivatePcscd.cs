using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// A pcscd of our own with vsmartcard's vpcd driver on a chosen port (slot 0; slot 1 on the next), started
    /// and stopped by PID. pcsc-lite 1.9.9's daemon always puts its socket and PID file in /run/pcscd, so it
    /// runs in its own mount namespace (unshare, root) with a private folder bound over /run/pcscd, and never
    /// meets a system pcscd. Clients reach it through PCSCLITE_CSOCK_NAME = <see cref="SocketPath"/>; this
    /// process's libpcsclite reads that variable once, with getenv, so <see cref="UseInThisProcess"/> sets it
    /// natively (Environment.SetEnvironmentVariable does not reach the C environment on Linux).
    /// </summary>
    public sealed class PrivatePcscd : IDisposable
    {
        public const string PcscdPath = "/usr/sbin/pcscd";
        public const string VpcdDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
        public const string UnsharePath = "/usr/bin/unshare";
        public const string SocketVariable = "PCSCLITE_CSOCK_NAME";

        /// <summary>The name /etc/reader.conf.d/vpcd gives vpcd's readers; pcscd adds " 00 00" and " 00 01" for its two slots (peers.md).</summary>
        public const string DefaultFriendlyName = "Virtual PCD";

        public const string Slot0 = DefaultFriendlyName + " 00 00";

        private const int StartupMillis = 10000;
        private const int StopMillis = 10000;
        private const string SystemRunFolder = "/run/pcscd";
        private const int MaxPort = 65535;
        private const int PortAttempts = 50;

        private readonly Process process;

        private PrivatePcscd(Process process, string socketPath, int vpcdPort)
        {
            this.process = process;
            SocketPath = socketPath;
            VpcdPort = vpcdPort;
        }

        /// <summary>pcscd, the vpcd driver and unshare are installed and we are root (for the mount namespace).</summary>
        public static bool Available
        {
            get { return File.Exists(PcscdPath) && File.Exists(VpcdDriver) && File.Exists(UnsharePath) && geteuid() == 0; }
        }

        /// <summary>The socket this pcscd listens on.</summary>
        public string SocketPath { get; private set; }

        /// <summary>The port vpcd's slot 0 listens on.</summary>
        public int VpcdPort { get; private set; }

        public int Id
        {
            get { return process.Id; }
        }

        /// <summary>
        /// Starts pcscd with its files in <paramref name="folder"/> and vpcd on <paramref name="vpcdPort"/> and
        /// <paramref name="vpcdPort"/> + 1, and waits (bounded) for its socket. IOException when it does not come up.
        /// </summary>
        public static PrivatePcscd Start(string folder, int vpcdPort)
        {
            return Start(folder, vpcdPort, DefaultFriendlyName);
        }

        /// <summary>As <see cref="Start(string, int)"/>, with vpcd's readers named <paramref name="friendlyName"/> ("… 00 00", "… 00 01").</summary>
        public static PrivatePcscd Start(string folder, int vpcdPort, string friendlyName)
        {
            string config = Path.Combine(folder, "reader.conf.d");
            string run = Path.Combine(folder, "run");
            string socketPath = Path.Combine(run, "pcscd.comm");
            Directory.CreateDirectory(config);
            Directory.CreateDirectory(run);
            File.Delete(socketPath);
            File.WriteAllText(Path.Combine(config, "vpcd"),
                "FRIENDLYNAME \"" + friendlyName + "\"\nDEVICENAME /dev/null:" + vpcdPort + "\nLIBPATH " + VpcdDriver + "\nCHANNELID " + vpcdPort + "\n");

            ProcessStartInfo start = new ProcessStartInfo(UnsharePath);
            foreach (string argument in new[] { "--mount", "--propagation", "private", "sh", "-c",
                "mkdir -p " + SystemRunFolder + " && mount --bind \"$0\" " + SystemRunFolder + " && exec " + PcscdPath + " -f -c \"$1\"", run, config })
            {
                start.ArgumentList.Add(argument);
            }
            Process process = PeerProcess.StartDrained(start);
            PrivatePcscd daemon = new PrivatePcscd(process, socketPath, vpcdPort);
            daemon.WaitForSocket();
            return daemon;
        }

        /// <summary>Points this process's libpcsclite at <paramref name="socketPath"/> (before its first use: it reads the variable once).</summary>
        public static void UseInThisProcess(string socketPath)
        {
            setenv(SocketVariable, socketPath, 1);
        }

        /// <summary>Stops pcscd by its PID (SIGTERM: it closes its readers), waits for it, bounded, then kills it.</summary>
        public void Dispose()
        {
            PeerProcess.Stop(process, true, StopMillis);
        }

        /// <summary>Two consecutive free TCP ports for vpcd's two slots (IOException when none are found).</summary>
        public static int FreePortPair()
        {
            for (int attempt = 0; attempt < PortAttempts; attempt++)
            {
                TcpListener first = new TcpListener(IPAddress.Loopback, 0);
                first.Start();
                int port = ((IPEndPoint)first.LocalEndpoint).Port;
                first.Stop();
                if (port < MaxPort && IsFree(port + 1))
                {
                    return port;
                }
            }

            throw new IOException("no two consecutive free TCP ports found");
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

        private void WaitForSocket()
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (!File.Exists(SocketPath))
            {
                if (process.HasExited || waited.ElapsedMilliseconds > StartupMillis)
                {
                    Dispose();
                    throw new IOException("pcscd did not create " + SocketPath + " within " + StartupMillis + " ms");
                }

                Thread.Sleep(20);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int setenv(string name, string value, int overwrite);

        [DllImport("libc")]
        private static extern uint geteuid();
    }
}
