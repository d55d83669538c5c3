using System;
using System.Diagnostics;
using System.IO;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The tests' private pcscd (<see cref="PrivatePcscd"/> of the scard tool: own mount namespace over
    /// /run/pcscd, vpcd on free ports chosen at run time, stopped by PID). libpcsclite reads
    /// PCSCLITE_CSOCK_NAME once per process, so every pcscd of this test process uses the same folder and
    /// socket path; the host reader under test reaches it through this process's environment, PC/SC client
    /// programs through <see cref="ClientEnvironment"/>.
    /// </summary>
    public sealed class PcscDaemon : IDisposable
    {
        public const string Slot0 = PrivatePcscd.Slot0;
        public const string Slot1 = "Virtual PCD 00 01";

        /// <summary>One folder per test process (see the class summary).</summary>
        private static readonly string Folder = Path.Combine(Path.GetTempPath(), "esc-pcscd-" + Environment.ProcessId);

        private readonly PrivatePcscd daemon;

        private PcscDaemon(PrivatePcscd daemon)
        {
            this.daemon = daemon;
        }

        /// <summary>The socket this process's pcscd listens on.</summary>
        public static string SocketPath
        {
            get { return Path.Combine(Folder, "run", "pcscd.comm"); }
        }

        /// <summary>The port vpcd's slot 0 listens on (slot 1: the next one).</summary>
        public int VpcdPort
        {
            get { return daemon.VpcdPort; }
        }

        /// <summary>Marks the test inconclusive when the peers are missing (the CI installs them: peers.md).</summary>
        public static void RequireInstalled()
        {
            if (!PrivatePcscd.Available)
            {
                Assert.Inconclusive("needs root, " + PrivatePcscd.PcscdPath + ", " + PrivatePcscd.VpcdDriver + " and " + PrivatePcscd.UnsharePath
                    + " (Debian: pcscd, vsmartcard-vpcd, util-linux)");
            }

            VpcdVicc.RequireInstalled();
        }

        /// <summary>Points this process's libpcsclite at the private pcscd's socket without starting pcscd: "pcscd is not running".</summary>
        public static void UseWithoutStarting()
        {
            PrivatePcscd.UseInThisProcess(SocketPath);
        }

        /// <summary>Starts pcscd with vpcd on <paramref name="vpcdPort"/> (0: a free pair of ports), its readers named <paramref name="friendlyName"/>, and waits for its socket.</summary>
        public static PcscDaemon Start(int vpcdPort = 0, string friendlyName = PrivatePcscd.DefaultFriendlyName)
        {
            UseWithoutStarting();
            try
            {
                return new PcscDaemon(PrivatePcscd.Start(Folder, vpcdPort != 0 ? vpcdPort : PrivatePcscd.FreePortPair(), friendlyName));
            }
            catch (IOException e)
            {
                Assert.Fail(e.Message);
                return null;
            }
        }

        /// <summary>The environment a PC/SC client process (opensc-tool, pcsc_scan, pyscard) needs to reach this pcscd.</summary>
        public static void ClientEnvironment(ProcessStartInfo start)
        {
            start.Environment[PrivatePcscd.SocketVariable] = SocketPath;
        }

        /// <summary>Stops pcscd by its PID.</summary>
        public void Dispose()
        {
            daemon.Dispose();
        }
    }
}
