using System;
using System.Diagnostics;
using System.IO;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// vsmartcard's vicc (an ISO 7816 card) connecting to a vpcd server on 127.0.0.1:&lt;port&gt;, started with the
    /// two work-arounds Debian 12 needs (reference peers.md: its package folder and a Crypto → Cryptodome link
    /// on PYTHONPATH) and stopped by its PID. With <c>quickAck</c> it runs through a small launcher that sets
    /// TCP_QUICKACK on vicc's socket before and after every receive: Debian 12's vpcd writes a frame's length
    /// and payload in two writes, and vicc's delayed ACK then costs about 40 ms per message (peers.md).
    /// </summary>
    public sealed class ViccProcess : IDisposable
    {
        public const string ViccPath = "/usr/bin/vicc";
        public const string Python = "/usr/bin/python3";
        public const string PackageFolder = "/usr/lib/python3/site-packages/virtualsmartcard";
        public const string Cryptodome = "/usr/lib/python3/dist-packages/Cryptodome";

        private const int StopMillis = 5000;

        /// <summary>Wraps vicc's client socket so each recv is bracketed by TCP_QUICKACK (Linux value 12), then runs vicc itself.</summary>
        private const string QuickAckLauncher =
            "import runpy, socket, sys\n" +
            "from virtualsmartcard.VirtualSmartcard import VirtualICC\n" +
            "QUICKACK = getattr(socket, 'TCP_QUICKACK', 12)\n" +
            "class QuickAck(object):\n" +
            "    def __init__(self, sock): self.sock = sock\n" +
            "    def recv(self, *args):\n" +
            "        self.sock.setsockopt(socket.IPPROTO_TCP, QUICKACK, 1)\n" +
            "        data = self.sock.recv(*args)\n" +
            "        self.sock.setsockopt(socket.IPPROTO_TCP, QUICKACK, 1)\n" +
            "        return data\n" +
            "    def __getattr__(self, name): return getattr(self.sock, name)\n" +
            "connect = VirtualICC.connectToPort\n" +
            "VirtualICC.connectToPort = staticmethod(lambda host, port: QuickAck(connect(host, port)))\n" +
            "sys.argv = ['vicc'] + sys.argv[1:]\n" +
            "runpy.run_path('" + ViccPath + "', run_name='__main__')\n";

        private readonly Process process;

        private ViccProcess(Process process)
        {
            this.process = process;
        }

        /// <summary>vicc and the pycryptodome it imports are installed (Debian: vsmartcard-vpicc, python3-virtualsmartcard, python3-pycryptodome).</summary>
        public static bool Available
        {
            get { return File.Exists(ViccPath) && File.Exists(Python) && Directory.Exists(Cryptodome); }
        }

        public int Id
        {
            get { return process.Id; }
        }

        /// <summary>Starts vicc -t iso7816 towards 127.0.0.1:<paramref name="port"/>; <paramref name="scratchFolder"/> holds the work-around files.</summary>
        public static ViccProcess Start(int port, bool quickAck, string scratchFolder)
        {
            Directory.CreateDirectory(scratchFolder);
            ProcessStartInfo start = new ProcessStartInfo(Python);
            if (quickAck)
            {
                string launcher = Path.Combine(scratchFolder, "vicc_quickack.py");
                File.WriteAllText(launcher, QuickAckLauncher);
                start.ArgumentList.Add(launcher);
            }
            else
            {
                start.ArgumentList.Add(ViccPath);
            }

            foreach (string argument in new[] { "-t", "iso7816", "-H", "127.0.0.1", "-P", port.ToString() })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["PYTHONPATH"] = PackageFolder + ":" + CryptoShim(scratchFolder);
            Process process = PeerProcess.StartDrained(start);
            return new ViccProcess(process);
        }

        /// <summary>Stops vicc by its PID (the card leaves).</summary>
        public void Dispose()
        {
            PeerProcess.Stop(process, false, StopMillis);
        }

        /// <summary>vicc imports Crypto, Debian installs pycryptodome as Cryptodome: a folder with a Crypto link to it.</summary>
        private static string CryptoShim(string scratchFolder)
        {
            string folder = Path.Combine(scratchFolder, "crypto-shim");
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
                    // Another vicc sharing the scratch folder made it first.
                }
            }

            return folder;
        }
    }
}
