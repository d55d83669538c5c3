#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>LOAD KEYS, GENERAL AUTHENTICATE, READ BINARY and UPDATE BINARY mapped to MIFARE commands (iso7816-pn532.md §4.5.2).</summary>
    [TestClass]
    public class PseudoApduMifareTests
    {
        const string LoadKeyFf = "FF 82 00 00 06 FF FF FF FF FF FF";
        const string Block16 = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";

        static string Run(PseudoApdu interpreter, FakePseudoApduTarget target, string command)
        {
            return PseudoApduGetDataTests.Run(interpreter, target, command);
        }

        [TestMethod]
        public void LoadKeyThenAuthenticateWithKeyA()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("90 00", Run(interpreter, target, LoadKeyFf));
            Assert.AreEqual("90 00", Run(interpreter, target, "FF 86 00 00 05 01 00 04 60 00"));
            Assert.AreEqual("60 04 FF FF FF FF FF FF 04 F6 8E 2A", target.LastCommand);
        }

        [TestMethod]
        public void AuthenticateKeyBInSecondSlotUsesLastFourUidBytes()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.Uid = TestSupport.Hex("04 11 22 33 44 55 66");
            Assert.AreEqual("90 00", Run(interpreter, target, "FF 82 00 01 06 A0 A1 A2 A3 A4 A5"));
            Assert.AreEqual("90 00", Run(interpreter, target, "FF 86 00 00 05 01 00 3F 61 01"));
            Assert.AreEqual("61 3F A0 A1 A2 A3 A4 A5 33 44 55 66", target.LastCommand);
        }

        [TestMethod]
        public void RefusedAuthenticationIsFailed()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.ChipStatus = 0x14;
            Run(interpreter, target, LoadKeyFf);
            Assert.AreEqual("63 00", Run(interpreter, target, "FF 86 00 00 05 01 00 04 60 00"));
        }

        [TestMethod]
        public void AuthenticateWithAKeyNeverLoadedOrOutOfRange()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("63 88", Run(interpreter, target, "FF 86 00 00 05 01 00 04 60 00"));
            Run(interpreter, target, LoadKeyFf);
            Assert.AreEqual("63 88", Run(interpreter, target, "FF 86 00 00 05 01 00 04 60 02"));
            interpreter.ClearKeys();
            Assert.AreEqual("63 88", Run(interpreter, target, "FF 86 00 00 05 01 00 04 60 00"));
            Assert.AreEqual(0, target.Exchanges, "nothing reaches the card");
        }

        [TestMethod]
        public void MalformedAuthenticate()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Run(interpreter, target, LoadKeyFf);
            Assert.AreEqual("63 00", Run(interpreter, target, "FF 86 00 00 05 01 00 04 62 00"), "unknown key type");
            Assert.AreEqual("63 00", Run(interpreter, target, "FF 86 00 00 05 02 00 04 60 00"), "unknown version");
            Assert.AreEqual("63 00", Run(interpreter, target, "FF 86 00 00 05 01 01 04 60 00"), "block beyond 255");
            Assert.AreEqual("67 00", Run(interpreter, target, "FF 86 00 00 04 01 00 04 60"), "short data");
            Assert.AreEqual("6B 00", Run(interpreter, target, "FF 86 00 01 05 01 00 04 60 00"), "P2 set");
            Assert.AreEqual(0, target.Exchanges, "nothing reaches the card");
        }

        [TestMethod]
        public void LoadKeysRefusals()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("63 82", Run(interpreter, target, "FF 82 80 00 06 FF FF FF FF FF FF"), "card key");
            Assert.AreEqual("63 85", Run(interpreter, target, "FF 82 40 00 06 FF FF FF FF FF FF"), "secured transmission");
            Assert.AreEqual("63 87", Run(interpreter, target, "FF 82 20 00 06 FF FF FF FF FF FF"), "non-volatile");
            Assert.AreEqual("63 88", Run(interpreter, target, "FF 82 00 02 06 FF FF FF FF FF FF"), "key number");
            Assert.AreEqual("63 89", Run(interpreter, target, "FF 82 00 00 04 FF FF FF FF"), "key length");
            Assert.AreEqual("67 00", Run(interpreter, target, "FF 82 00 00 06 FF FF"), "Lc disagrees with the data");
        }

        [TestMethod]
        public void ReadBinaryWholeBlock()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.Answer = TestSupport.Hex(Block16);
            Assert.AreEqual(Block16 + " 90 00", Run(new PseudoApdu(), target, "FF B0 00 04 10"));
            Assert.AreEqual("30 04", target.LastCommand);
            Assert.AreEqual(Block16 + " 90 00", Run(new PseudoApdu(), target, "FF B0 00 04 00"));
        }

        [TestMethod]
        public void ReadBinaryShorterLeReturnsThePrefix()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.Answer = TestSupport.Hex(Block16);
            Assert.AreEqual("00 11 22 33 90 00", Run(new PseudoApdu(), target, "FF B0 00 00 04"));
        }

        [TestMethod]
        public void ReadBinaryRefusals()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("6C 10", Run(new PseudoApdu(), target, "FF B0 00 04 11"), "Le beyond a block");
            Assert.AreEqual("6B 00", Run(new PseudoApdu(), target, "FF B0 01 04 10"), "address beyond 255");
            Assert.AreEqual("67 00", Run(new PseudoApdu(), target, "FF B0 00 04"), "no Le");
            Assert.AreEqual(0, target.Exchanges, "nothing reaches the card");
            target.ChipStatus = 0x14;
            Assert.AreEqual("63 00", Run(new PseudoApdu(), target, "FF B0 00 04 10"), "not authenticated");
            target.ChipStatus = 0;
            target.Answer = TestSupport.Hex("0A");
            Assert.AreEqual("63 00", Run(new PseudoApdu(), target, "FF B0 00 04 10"), "4-bit NAK instead of data");
        }

        [TestMethod]
        public void UpdateBinaryClassicBlock()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("90 00", Run(new PseudoApdu(), target, "FF D6 00 05 10 " + Block16));
            Assert.AreEqual("A0 05 " + Block16, target.LastCommand);
        }

        [TestMethod]
        public void UpdateBinaryUltralightPage()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("90 00", Run(new PseudoApdu(), target, "FF D6 00 04 04 DE AD BE EF"));
            Assert.AreEqual("A2 04 DE AD BE EF", target.LastCommand);
        }

        [TestMethod]
        public void UpdateBinaryRefusals()
        {
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            Assert.AreEqual("67 00", Run(new PseudoApdu(), target, "FF D6 00 04 03 01 02 03"), "neither a page nor a block");
            Assert.AreEqual("67 00", Run(new PseudoApdu(), target, "FF D6 00 04 04 01 02"), "Lc disagrees with the data");
            Assert.AreEqual("6B 00", Run(new PseudoApdu(), target, "FF D6 01 04 04 01 02 03 04"), "address beyond 255");
            Assert.AreEqual(0, target.Exchanges, "nothing reaches the card");
            target.ChipStatus = 0x01;
            Assert.AreEqual("63 00", Run(new PseudoApdu(), target, "FF D6 00 04 04 01 02 03 04"), "card timeout");
        }

        [TestMethod]
        public void LinkFailureIsAStatusNotAStatusWord()
        {
            PseudoApdu interpreter = new PseudoApdu();
            FakePseudoApduTarget target = new FakePseudoApduTarget();
            target.LinkStatus = SmartcardStatus.IoDeviceError;
            byte[] apdu = TestSupport.Hex("FF B0 00 04 10");
            byte[] response = new byte[32];
            int length;
            SmartcardStatus status = interpreter.Process(target, apdu, 0, apdu.Length, response, 0, response.Length, out length);
            Assert.AreEqual((int)SmartcardStatus.IoDeviceError, (int)status);
            Assert.AreEqual(0, length);
        }
    }
}
