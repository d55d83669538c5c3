#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.T1
{
    [TestClass]
    public class EdcTests
    {
        [TestMethod]
        public void Lrc_IsTheXorOfEveryByte()
        {
            // S(IFS request) announcing IFSD 254, as every T=1 reader sends it: 00 C1 01 FE, LRC 3E.
            byte[] block = TestSupport.Hex("00 C1 01 FE");
            Assert.AreEqual(0x3E, (int)Edc.ComputeLrc(block, 0, block.Length));
        }

        [TestMethod]
        public void Crc_MatchesTheReflectedCcittCheckValue()
        {
            // Reflected x^16 + x^12 + x^5 + 1, preset FFFF, no final inversion: check value of
            // "123456789" is 6F91 (the catalogued CRC-16/MCRF4XX, libccid's checksum.c).
            byte[] digits = TestSupport.Hex("31 32 33 34 35 36 37 38 39");
            Assert.AreEqual(0x6F91, Edc.ComputeCrc(digits, 0, digits.Length));
        }

        [TestMethod]
        public void Crc_IsAppendedMostSignificantByteFirst()
        {
            byte[] buffer = TestSupport.Hex("31 32 33 34 35 36 37 38 39 00 00");
            Assert.AreEqual(Edc.CrcLength, Edc.Append(true, buffer, 0, 9));
            AreEqualBytes("6F 91", buffer, 9, 2);
            Assert.IsTrue(Edc.IsValid(true, buffer, 0, 11), "appended CRC checks");
        }

        [TestMethod]
        public void Lrc_IsAppendedAndChecked()
        {
            byte[] buffer = TestSupport.Hex("00 C1 01 FE 00");
            Assert.AreEqual(Edc.LrcLength, Edc.Append(false, buffer, 0, 4));
            Assert.AreEqual(0x3E, (int)buffer[4]);
            Assert.IsTrue(Edc.IsValid(false, buffer, 0, 5), "appended LRC checks");
            buffer[2] ^= 0x01;
            Assert.IsFalse(Edc.IsValid(false, buffer, 0, 5), "one flipped bit is detected");
        }

        [TestMethod]
        public void Crc_DetectsAFlippedBitAndTooShortInput()
        {
            byte[] buffer = TestSupport.Hex("00 40 02 90 00 00 00");
            Edc.Append(true, buffer, 0, 5);
            buffer[3] ^= 0x80;
            Assert.IsFalse(Edc.IsValid(true, buffer, 0, 7), "flipped bit");
            Assert.IsFalse(Edc.IsValid(true, buffer, 0, 1), "shorter than the CRC");
        }

        [TestMethod]
        public void Length_IsOneForLrcAndTwoForCrc()
        {
            Assert.AreEqual(1, Edc.Length(false));
            Assert.AreEqual(2, Edc.Length(true));
        }

        private static void AreEqualBytes(string expectedHex, byte[] actual, int offset, int count)
        {
            TestSupport.AreEqualBytes(TestSupport.Hex(expectedHex), actual, offset, count);
        }
    }
}
