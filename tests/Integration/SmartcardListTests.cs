using System.Collections.Generic;
using System.Text;
using EmbeddedSmartCard.Drivers;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The parser against every literal ATR of pcsc-tools' list: it must never throw, and it must call
    /// structurally invalid exactly the ATRs that a second, deliberately naive check rejects (ISO 7816-3
    /// §8.2: the length T0 and the TDi announce, TCK present iff a protocol other than T=0 is offered,
    /// T0 ⊕ … ⊕ TCK = 00). Reserved values (RFU Fi/Di, WI = 0, IFSC 00/FF) are not structural.
    /// </summary>
    [TestClass]
    public sealed class SmartcardListTests
    {
        private const int ExpectedLiteralAtrs = 3803;
        private const int ExpectedPatterns = 238;
        private const int ExpectedLengthFailures = 75;
        private const int ExpectedTckFailures = 17;

        private const string Length = "length";
        private const string Tck = "TCK";

        [TestMethod]
        public void ListHoldsTheExpectedNumberOfLiteralAtrs()
        {
            int patterns;
            List<string> atrs = SmartcardList.LiteralAtrs(out patterns);
            Assert.AreEqual(ExpectedLiteralAtrs, atrs.Count);
            Assert.AreEqual(ExpectedPatterns, patterns);
        }

        [TestMethod]
        public void ExactlyTheStructurallyInvalidAtrsAreReported()
        {
            int patterns;
            List<string> atrs = SmartcardList.LiteralAtrs(out patterns);
            StringBuilder disagreements = new StringBuilder();
            StringBuilder invalid = new StringBuilder();
            int lengthFailures = 0;
            int tckFailures = 0;
            foreach (string hex in atrs)
            {
                byte[] bytes = SmartcardList.Bytes(hex);
                string expected = NaiveCheck(bytes);
                Atr atr = Atr.Parse(bytes, 0, bytes.Length);
                string actual = Category(atr);
                if (expected != actual)
                {
                    disagreements.AppendLine(hex + ": naive check " + (expected ?? "valid") + ", parser " + (actual ?? "valid") + " " + Messages(atr));
                }

                if (actual != null)
                {
                    invalid.AppendLine(actual + "  " + hex + "  " + Messages(atr));
                }

                lengthFailures += expected == Length ? 1 : 0;
                tckFailures += expected == Tck ? 1 : 0;
            }

            Assert.AreEqual("", disagreements.ToString());
            Assert.AreEqual(ExpectedLengthFailures, lengthFailures, invalid.ToString());
            Assert.AreEqual(ExpectedTckFailures, tckFailures, invalid.ToString());
        }

        [TestMethod]
        public void EveryLiteralAtrParsesAndValidOnesAreCompleteForTheDriver()
        {
            int patterns;
            foreach (string hex in SmartcardList.LiteralAtrs(out patterns))
            {
                byte[] bytes = SmartcardList.Bytes(hex);
                Atr atr = Atr.Parse(bytes, 0, bytes.Length);
                Assert.AreEqual(bytes.Length, atr.Length, hex);
                Assert.IsTrue(atr.Errors.Length > 0 || atr.IsUsable, hex);
                if (atr.IsStructurallyValid)
                {
                    AssertPrefixesLeadToTheEnd(bytes, hex);
                }
            }
        }

        /// <summary>What a reader driver sees: no prefix asks beyond the end, the whole ATR asks for nothing more.</summary>
        private static void AssertPrefixesLeadToTheEnd(byte[] bytes, string hex)
        {
            for (int received = 0; received < bytes.Length; received++)
            {
                int remaining = Atr.RemainingLength(bytes, 0, received);
                Assert.IsTrue(remaining > 0 && received + remaining <= bytes.Length, hex + " after " + received + " asks for " + remaining);
            }

            Assert.AreEqual(0, Atr.RemainingLength(bytes, 0, bytes.Length), hex);
        }

        /// <summary>The parser's verdict in the naive check's words: null, "TCK" when only TCK is wrong, else "length".</summary>
        private static string Category(Atr atr)
        {
            if (atr.IsStructurallyValid)
            {
                return null;
            }

            foreach (AtrError error in atr.Errors)
            {
                if (error.IsStructural && error.Code != AtrErrorCode.BadTck)
                {
                    return Length;
                }
            }

            return Tck;
        }

        /// <summary>
        /// Written independently of the parser: walks the Y nibbles to the announced length, compares
        /// it with the actual length, then checks the XOR when TCK is due.
        /// </summary>
        private static string NaiveCheck(byte[] atr)
        {
            if (atr.Length < 2 || (atr[0] != 0x3B && atr[0] != 0x3F))
            {
                return Length;
            }

            int position = 1;
            int y = atr[1] >> 4;
            bool tckDue = false;
            while (true)
            {
                position += BitCount(y);
                if ((y & 0x8) == 0)
                {
                    break;
                }

                if (position >= atr.Length)
                {
                    return Length;
                }

                tckDue |= (atr[position] & 0x0F) != 0;
                y = atr[position] >> 4;
            }

            int announced = position + 1 + (atr[1] & 0x0F) + (tckDue ? 1 : 0);
            if (announced != atr.Length || announced > 33)
            {
                return Length;
            }

            int xor = 0;
            for (int i = 1; i < atr.Length; i++)
            {
                xor ^= atr[i];
            }

            return tckDue && xor != 0 ? Tck : null;
        }

        private static int BitCount(int nibble)
        {
            return (nibble & 1) + ((nibble >> 1) & 1) + ((nibble >> 2) & 1) + ((nibble >> 3) & 1);
        }

        private static string Messages(Atr atr)
        {
            StringBuilder text = new StringBuilder();
            foreach (AtrError error in atr.Errors)
            {
                text.Append("[").Append(error.Code).Append(": ").Append(error.Message).Append("] ");
            }

            return text.ToString();
        }
    }
}
