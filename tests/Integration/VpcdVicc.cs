using System.IO;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The tests' vicc: the scard tool's <see cref="ViccProcess"/> (an ISO 7816 card, ATR <see cref="Atr"/>, started
    /// with Debian 12's PYTHONPATH work-arounds and stopped by its PID) connecting to a vpcd reader on
    /// 127.0.0.1:&lt;port&gt;, without the quick-ACK launcher. vicc connects once and exits when its connection ends.
    /// </summary>
    public static class VpcdVicc
    {
        public const string Atr = "3B 95 13 81 01 80 73 FF 01 00 0B";

        /// <summary>Holds vicc's work-around files; shared by every test process (ViccProcess tolerates the race).</summary>
        private static readonly string ScratchFolder = Path.Combine(Path.GetTempPath(), "esc-vicc");

        /// <summary>Marks the calling test inconclusive when vicc is missing, naming the packages to install.</summary>
        public static void RequireInstalled()
        {
            if (!ViccProcess.Available)
            {
                Assert.Inconclusive("vicc is not installed (apt-get install vsmartcard-vpicc python3-virtualsmartcard python3-pycryptodome)");
            }
        }

        public static ViccProcess Start(int port)
        {
            return ViccProcess.Start(port, false, ScratchFolder);
        }
    }
}
