#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Collections;
using EmbeddedSmartCard.Firmware.Terminal;

namespace EmbeddedSmartCard.Tests.Terminal
{
    /// <summary>BER-TLV walking (ISO 7816-4 §5.2) and application templates: two-byte tags, 81/82 lengths, padding, malformed data.</summary>
    [TestClass]
    public class BerTlvTests
    {
        [TestMethod]
        public void TwoByteTagsLongLengthsAndPaddingAreWalked()
        {
            byte[] data = TestSupport.Hex("00 FF BF 0C 02 AA BB 50 81 01 41 5F 2D 82 00 02 65 6E");
            int tag;
            int offset;
            int length;
            int next = BerTlv.Next(data, 0, data.Length, out tag, out offset, out length);
            Assert.AreEqual(0xBF0C, tag);
            Assert.AreEqual("AA BB", TestSupport.ToHex(data, offset, length));
            next = BerTlv.Next(data, next, data.Length, out tag, out offset, out length);
            Assert.AreEqual(0x50, tag);
            Assert.AreEqual("41", TestSupport.ToHex(data, offset, length));
            Assert.IsTrue(BerTlv.Find(data, 0, data.Length, 0x5F2D, out offset, out length), "5F2D found");
            Assert.AreEqual("65 6E", TestSupport.ToHex(data, offset, length));
        }

        [TestMethod]
        public void MalformedDataEndsTheWalk()
        {
            int tag;
            int offset;
            int length;
            Assert.AreEqual(-1, BerTlv.Next(TestSupport.Hex("61 05 4F 01"), 0, 4, out tag, out offset, out length), "length past the end");
            Assert.AreEqual(-1, BerTlv.Next(TestSupport.Hex("61 83 00 00 01"), 0, 5, out tag, out offset, out length), "three length bytes");
            Assert.AreEqual(-1, BerTlv.Next(TestSupport.Hex("5F"), 0, 1, out tag, out offset, out length), "tag cut short");
            Assert.AreEqual(-1, BerTlv.Next(TestSupport.Hex("00 00"), 0, 2, out tag, out offset, out length), "padding only");
            Assert.IsFalse(BerTlv.Find(TestSupport.Hex("50 09 41"), 0, 3, 0x50, out offset, out length), "truncated object not found");
        }

        [TestMethod]
        public void TemplatesWithoutAnAidAreSkippedAndLabelsAreOptional()
        {
            ArrayList found = new ArrayList();
            byte[] data = TestSupport.Hex("61 03 50 01 41  61 07 4F 05 A0 00 00 00 03  61 0A 4F 05 A0 00 00 00 04 50 01 0A");
            ApplicationTemplate.AddAll(data, 0, data.Length, CardApplication.FromEfDir, found);
            Assert.AreEqual(2, found.Count);
            CardApplication first = (CardApplication)found[0];
            Assert.AreEqual("A0 00 00 00 03", TestSupport.ToHex(first.Aid));
            Assert.IsNull(first.Label);
            Assert.AreEqual("?", ((CardApplication)found[1]).Label, "a control character in a label shows as '?'");
            Assert.AreEqual("EF.DIR A000000004 ?", IdentityReport.Describe((CardApplication)found[1]));
        }
    }
}
