#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using EmbeddedSmartCard.Firmware.Session;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class ScriptedSessionTests
    {
        [TestMethod]
        public void TheSessionRunsAsScriptedAndSaysWhatHappened()
        {
            LineCollector output = new LineCollector();

            Assert.IsTrue(new ScriptedSession(output).Run(), output.Text);

            Assert.IsTrue(output.Has("ATR 3B "), "direct-convention ATR line");
            Assert.IsTrue(output.Has("direct convention, T=0 and T=1, TA1 13"), "ATR summary");
            Assert.IsTrue(output.Has("Connect SHARED: T=1, PPS agreed F 372 D 4"), "PPS line");
            Assert.IsTrue(output.Has("VERIFY wrong PIN  00 20 00 81 04 39 39 39 39 -> 63 C2  SW 63C2"), "wrong PIN");
            Assert.IsTrue(output.Has("READ BINARY  00 B0 00 00 10 -> SCARD_W_REMOVED_CARD"), "yank mid-APDU");
            Assert.IsTrue(output.Has("ATR 3F "), "inverse-convention ATR line");
            Assert.IsTrue(output.Has("Connect SHARED: T=0, default rates F 372 D 1"), "T=0 card without PPS");
            Assert.IsTrue(output.Has("session complete"), "end");
        }

        [TestMethod]
        public void EveryStepLineCarriesTheVirtualTimeAndTheReader()
        {
            LineCollector output = new LineCollector();
            new ScriptedSession(output).Run();

            int steps = 0;
            for (int i = 0; i < output.Lines.Count; i++)
            {
                string line = (string)output.Lines[i];
                if (line.StartsWith("["))
                {
                    steps++;
                    Assert.IsTrue(line.IndexOf(" s] EmbeddedSmartCard Simulated Contact Reader (sim0) 00 00 | ") > 0, line);
                }
            }

            Assert.IsTrue(steps >= 15, "steps: " + steps);
        }

        private sealed class LineCollector : ISessionOutput
        {
            public readonly ArrayList Lines = new ArrayList();

            public string Text
            {
                get
                {
                    string text = "";
                    for (int i = 0; i < Lines.Count; i++)
                    {
                        text += (string)Lines[i] + "\n";
                    }

                    return text;
                }
            }

            public void WriteLine(string line)
            {
                Lines.Add(line);
            }

            public bool Has(string part)
            {
                for (int i = 0; i < Lines.Count; i++)
                {
                    if (((string)Lines[i]).IndexOf(part) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
