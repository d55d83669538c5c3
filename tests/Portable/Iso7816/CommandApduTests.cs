#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Tests.Iso7816
{
    /// <summary>Command APDU encoding per ISO/IEC 7816-4 §5.1, cases 1–4 short and extended.</summary>
    [TestClass]
    public class CommandApduTests
    {
        [TestMethod]
        public void ShortCasesEncodeOneByteLengthFields()
        {
            Assert.AreEqual("00 A4 00 0C", Encoded(new CommandApdu(0x00, 0xA4, 0x00, 0x0C), ApduCase.Case1));
            Assert.AreEqual("00 B0 00 00 10", Encoded(Apdu(null, 16), ApduCase.Case2Short));
            Assert.AreEqual("00 B0 00 00 02 3F 00", Encoded(Apdu(TestSupport.Hex("3F 00"), 0), ApduCase.Case3Short));
            Assert.AreEqual("00 B0 00 00 01 AA 05", Encoded(Apdu(TestSupport.Hex("AA"), 5), ApduCase.Case4Short));
        }

        [TestMethod]
        public void NeOf256IsAShortLeOfZero()
        {
            Assert.AreEqual("00 B0 00 00 00", Encoded(Apdu(null, 256), ApduCase.Case2Short));
            Assert.AreEqual("00 B0 00 00 01 AA 00", Encoded(Apdu(TestSupport.Hex("AA"), 256), ApduCase.Case4Short));
        }

        [TestMethod]
        public void ExtendedCasesEncodeTwoByteLengthFieldsAfterAZero()
        {
            Assert.AreEqual("00 B0 00 00 00 01 01", Encoded(Apdu(null, 257), ApduCase.Case2Extended));
            Assert.AreEqual("00 B0 00 00 00 00 00", Encoded(Apdu(null, 65536), ApduCase.Case2Extended));

            byte[] data = new byte[300];
            byte[] case3 = Apdu(data, 0).ToArray();
            Assert.AreEqual((int)ApduCase.Case3Extended, (int)Apdu(data, 0).Case);
            Assert.AreEqual(4 + 3 + 300, case3.Length);
            Assert.AreEqual("00 01 2C", TestSupport.ToHex(case3, 4, 3));

            byte[] case4 = Apdu(data, 65536).ToArray();
            Assert.AreEqual(4 + 3 + 300 + 2, case4.Length);
            Assert.AreEqual("00 00", TestSupport.ToHex(case4, 307, 2));
        }

        [TestMethod]
        public void ExtendedFieldsCanBeForcedForSmallLengths()
        {
            CommandApdu apdu = Apdu(TestSupport.Hex("AA"), 5);
            apdu.Extended = true;
            Assert.AreEqual("00 B0 00 00 00 00 01 AA 00 05", Encoded(apdu, ApduCase.Case4Extended));
        }

        [TestMethod]
        public void LengthsOutOfRangeAreInvalidAndRefusedByEncode()
        {
            Assert.IsFalse(Apdu(new byte[65536], 0).IsValid, "Nc 65536");
            Assert.IsFalse(Apdu(null, 65537).IsValid, "Ne 65537");
            Assert.IsFalse(Apdu(null, -1).IsValid, "Ne -1");
            Assert.AreEqual(0, Apdu(null, -1).EncodedLength);
            Assert.IsTrue(Apdu(new byte[65535], 65536).IsValid, "largest case 4E");

            bool refused = false;
            try
            {
                Apdu(null, 65537).ToArray();
            }
            catch (System.ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "Encode refuses an invalid APDU");
        }

        [TestMethod]
        public void EncodeRefusesABufferTooSmall()
        {
            bool refused = false;
            try
            {
                Apdu(TestSupport.Hex("01 02"), 0).Encode(new byte[10], 4);
            }
            catch (System.ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "7 bytes at offset 4 of 10");
            Assert.AreEqual(7, Apdu(TestSupport.Hex("01 02"), 0).Encode(new byte[10], 3));
        }

        [TestMethod]
        public void ParsingGivesBackEveryCase()
        {
            string[] encodings =
            {
                "80 10 01 02", "80 10 01 02 00", "80 10 01 02 02 AA BB", "80 10 01 02 01 AA 00",
                "80 10 01 02 00 01 00", "80 10 01 02 00 00 01 AA", "80 10 01 02 00 00 02 AA BB 00 00",
            };
            for (int i = 0; i < encodings.Length; i++)
            {
                byte[] bytes = TestSupport.Hex(encodings[i]);
                CommandApdu parsed = CommandApdu.Parse(bytes, 0, bytes.Length);
                Assert.IsNotNull(parsed, encodings[i]);
                Assert.AreEqual(encodings[i], TestSupport.ToHex(parsed.ToArray()));
            }

            CommandApdu case4 = CommandApdu.Parse(TestSupport.Hex("80 10 01 02 00 00 02 AA BB 00 00"), 0, 11);
            Assert.AreEqual(2, case4.Nc);
            Assert.AreEqual(65536, case4.Ne);
            Assert.AreEqual(0x01, (int)case4.P1);
        }

        [TestMethod]
        public void MalformedEncodingsDoNotParse()
        {
            Assert.IsNull(CommandApdu.Parse(TestSupport.Hex("00 A4 00"), 0, 3));
            Assert.IsNull(CommandApdu.Parse(TestSupport.Hex("00 A4 00 0C 05 3F 00"), 0, 7));
            Assert.IsNull(CommandApdu.Parse(null, 0, 4));
        }

        [TestMethod]
        public void WithNeKeepsTheRestOfTheCommand()
        {
            CommandApdu apdu = Apdu(TestSupport.Hex("AA"), 5).WithNe(0x20);
            Assert.AreEqual("00 B0 00 00 01 AA 20", TestSupport.ToHex(apdu.ToArray()));
        }

        private static CommandApdu Apdu(byte[] data, int ne)
        {
            return new CommandApdu(0x00, 0xB0, 0x00, 0x00, data, ne);
        }

        private static string Encoded(CommandApdu apdu, ApduCase expectedCase)
        {
            Assert.AreEqual((int)expectedCase, (int)apdu.Case);
            Assert.AreEqual(apdu.EncodedLength, apdu.ToArray().Length);
            return TestSupport.ToHex(apdu.ToArray());
        }
    }
}
