#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.AtrParsing
{
    /// <summary>The incremental length a reader driver uses to know when the ATR is complete.</summary>
    [TestClass]
    public class AtrRemainingLengthTests
    {
        private static readonly string[] WellFormed =
        {
            AtrSamples.MinimalT0, AtrSamples.Vicc, AtrSamples.InverseT0T1, AtrSamples.T1Parameters,
            AtrSamples.Sam, AtrSamples.SpecificT1, "3B 00", "3B 80 80 9F C3 1F 01 42",
        };

        [TestMethod]
        public void EveryPrefixNeverAsksBeyondTheEnd()
        {
            for (int s = 0; s < WellFormed.Length; s++)
            {
                byte[] atr = TestSupport.Hex(WellFormed[s]);
                for (int received = 0; received < atr.Length; received++)
                {
                    int remaining = Atr.RemainingLength(atr, 0, received);
                    Assert.IsTrue(remaining >= 1, WellFormed[s] + " after " + received.ToString() + " asks for " + remaining.ToString());
                    Assert.IsTrue(received + remaining <= atr.Length, WellFormed[s] + " after " + received.ToString() + " asks for " + remaining.ToString());
                }

                Assert.AreEqual(0, Atr.RemainingLength(atr, 0, atr.Length), WellFormed[s]);
            }
        }

        [TestMethod]
        public void ReadingWhatItAsksForEndsExactlyAtTheEnd()
        {
            for (int s = 0; s < WellFormed.Length; s++)
            {
                byte[] atr = TestSupport.Hex(WellFormed[s]);
                int received = 0;
                int steps = 0;
                int remaining;
                while ((remaining = Atr.RemainingLength(atr, 0, received)) > 0 && steps < Atr.MaxLength)
                {
                    received += remaining;
                    steps++;
                }

                Assert.AreEqual(atr.Length, received, WellFormed[s]);
            }
        }

        [TestMethod]
        public void KnownSteps()
        {
            byte[] vicc = TestSupport.Hex(AtrSamples.Vicc);
            Assert.AreEqual(2, Atr.RemainingLength(vicc, 0, 0));
            Assert.AreEqual(1, Atr.RemainingLength(vicc, 0, 1));
            Assert.AreEqual(2, Atr.RemainingLength(vicc, 0, 2));
            Assert.AreEqual(1, Atr.RemainingLength(vicc, 0, 4));
            Assert.AreEqual(6, Atr.RemainingLength(vicc, 0, 5));
        }

        [TestMethod]
        public void WorksAtAnOffset()
        {
            byte[] buffer = TestSupport.Hex("AA AA 3B 95 13 81 01 80 73 FF 01 00 0B");
            Assert.AreEqual(6, Atr.RemainingLength(buffer, 2, 5));
            Assert.AreEqual(0, Atr.RemainingLength(buffer, 2, 11));
        }

        [TestMethod]
        public void BadTsEndsAtOnce()
        {
            Assert.AreEqual(0, Atr.RemainingLength(TestSupport.Hex("12 34"), 0, 1));
        }

        [TestMethod]
        public void BadArgumentsGiveZero()
        {
            Assert.AreEqual(0, Atr.RemainingLength(null, 0, 0));
            Assert.AreEqual(0, Atr.RemainingLength(TestSupport.Hex("3B"), 0, 2));
            Assert.AreEqual(0, Atr.RemainingLength(TestSupport.Hex("3B"), -1, 0));
        }

        [TestMethod]
        public void NeverAsksBeyond33Characters()
        {
            byte[] chain = new byte[40];
            chain[0] = 0x3B;
            for (int i = 1; i < chain.Length; i++)
            {
                chain[i] = 0x8F;
            }

            for (int received = 2; received <= chain.Length; received++)
            {
                int remaining = Atr.RemainingLength(chain, 0, received);
                Assert.IsTrue(received + remaining <= Atr.MaxLength || remaining == 0, "after " + received.ToString());
            }

            Assert.AreEqual(0, Atr.RemainingLength(chain, 0, Atr.MaxLength));
        }
    }
}
