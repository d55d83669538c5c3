using System;
using System.Diagnostics;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// vsmartcard's vicc (an ISO 7816 card, ATR 3B 95 13 81 01 80 73 FF 01 00 0B) connecting to a vpcd reader on
    /// 127.0.0.1:&lt;port&gt;, started with the two PYTHONPATH work-arounds Debian 12 needs (reference peers.md)
    /// and stopped by its PID. vicc connects once and exits when its connection ends.
    /// </summary>
    public sealed class VpcdVicc : IDisposable
    {
        public const string ViccPath = "/usr/bin/vicc";
        public const string Atr = "3B 95 13 81 01 80 73 FF 01 00 0B";

        /// <summary>Debian's python3: another one earlier on PATH may lack vicc's modules (peers.md).</summary>
        private const string Python = "/usr/bin/python3";
        private const string ViccPackageFolder = "/usr/lib/python3/site-packages/virtualsmartcard";
        private const string Cryptodome = "/usr/lib/python3/dist-packages/Cryptodome";

        private readonly Process process;

        private VpcdVicc(Process process)
        {
            this.process = process;
        }

        /// <summary>True when vicc and the pycryptodome it imports are installed (the CI installs them; see peers.md).</summary>
        public static bool Available
        {
            get { return File.Exists(ViccPath) && File.Exists(Python) && Directory.Exists(Cryptodome); }
        }

        /// <summary>Marks the calling test inconclusive when vicc is missing, naming the packages to install.</summary>
        public static void RequireInstalled()
        {
            if (!Available)
            {
                Assert.Inconclusive("vicc is not installed (apt-get install vsmartcard-vpicc python3-virtualsmartcard python3-pycryptodome)");
            }
        }

        public static VpcdVicc Start(int port)
        {
            ProcessStartInfo start = new ProcessStartInfo(Python);
            foreach (string argument in new[] { ViccPath, "-t", "iso7816", "-H", "127.0.0.1", "-P", port.ToString() })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["PYTHONPATH"] = ViccPackageFolder + ":" + CryptoShim();
            start.UseShellExecute = false;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            Process process = Process.Start(start);
            // vicc logs to stderr; drain both pipes so it never blocks on a full one.
            process.OutputDataReceived += (sender, e) => { };
            process.ErrorDataReceived += (sender, e) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new VpcdVicc(process);
        }

        /// <summary>Stops vicc by its PID (the card leaves).</summary>
        public void Dispose()
        {
            PtyToolProcess.Kill(process);
        }

        /// <summary>vicc imports Crypto, Debian installs pycryptodome as Cryptodome: a folder with a Crypto link to it.</summary>
        private static string CryptoShim()
        {
            string folder = Path.Combine(Path.GetTempPath(), "esc-vicc-crypto");
            string link = Path.Combine(folder, "Crypto");
            Directory.CreateDirectory(folder);
            if (!Directory.Exists(link))
            {
                try
                {
                    Directory.CreateSymbolicLink(link, Cryptodome);
                }
                catch (IOException)
                {
                    // Another test process made it first.
                }
            }
            return folder;
        }
    }
}
