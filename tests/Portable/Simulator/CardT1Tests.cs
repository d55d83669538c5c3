#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Simulator
{
    [TestClass]
    public class CardT1Tests
    {
        /// <summary>BWT for BWI = 4 at 3.5712 MHz: 11 etu + 16 · 960 · 372 / f ≈ 1.6 s (reference §1.6).</summary>
        internal const int BlockWaitingMicros = 1601146;

        internal static CardTestRig Powered()
        {
            CardTestRig rig = new CardTestRig(CardProfile.FastT1());
            rig.ColdReset();
            return rig;
        }

        /// <summary>Sends a block and returns the card's answer block (3 + LEN + 1 bytes), or what came before silence.</summary>
        internal static string Exchange(CardTestRig rig, int pcb, string inf)
        {
            rig.Send(CardTestRig.Block(pcb, inf));
            return ReceiveBlock(rig, BlockWaitingMicros);
        }

        internal static string ReceiveBlock(CardTestRig rig, int timeoutMicros)
        {
            string prologue = rig.Receive(3, timeoutMicros);
            if (prologue.Length < 8)
            {
                return prologue;
            }

            int len = TestSupport.Hex(prologue)[2];
            string rest = rig.Receive(len + 1, timeoutMicros);
            return rest.Length == 0 ? prologue : prologue + " " + rest;
        }

        [TestMethod]
        public void IfsRequestIsAnswered()
        {
            CardTestRig rig = Powered();
            Assert.AreEqual(CardTestRig.Block(0xE1, "FE"), Exchange(rig, 0xC1, "FE"));
            Assert.AreEqual(254, rig.Card.Ifsd);
        }

        [TestMethod]
        public void IBlocksAlternateSequenceNumbers()
        {
            CardTestRig rig = Powered();
            string expected = TestSupport.ToHex(CardT0Tests.Pattern(8)) + " 90 00";
            Assert.AreEqual(CardTestRig.Block(0x00, expected), Exchange(rig, 0x00, "80 10 00 08 08"));
            Assert.AreEqual(CardTestRig.Block(0x40, expected), Exchange(rig, 0x40, "80 10 00 08 08"));
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), Exchange(rig, 0x00, "00 20 00 81"));
        }

        [TestMethod]
        public void ResponseIsChainedAtIfsd()
        {
            CardTestRig rig = Powered();
            // PATTERN of 100 bytes, case 2E: 102 bytes with SW, IFSD 32 → 32 + 32 + 32 + 6.
            byte[] pattern = CardT0Tests.Pattern(100);
            Assert.AreEqual(CardTestRig.Block(0x20, TestSupport.ToHex(pattern, 0, 32)), Exchange(rig, 0x00, "80 10 00 64 00 00 64"));
            Assert.AreEqual(CardTestRig.Block(0x60, TestSupport.ToHex(pattern, 32, 32)), Exchange(rig, 0x90, ""));
            Assert.AreEqual(CardTestRig.Block(0x20, TestSupport.ToHex(pattern, 64, 32)), Exchange(rig, 0x80, ""));
            Assert.AreEqual(CardTestRig.Block(0x40, TestSupport.ToHex(pattern, 96, 4) + " 90 00"), Exchange(rig, 0x90, ""));
        }

        [TestMethod]
        public void ExtendedEchoOfAThousandBytesIsChainedBothWays()
        {
            CardTestRig rig = Powered();
            Assert.AreEqual(CardTestRig.Block(0xE1, "FE"), Exchange(rig, 0xC1, "FE"));
            byte[] apdu = EchoCommand(1000);

            T1TestHost host = new T1TestHost(rig);
            byte[] response = host.Transmit(apdu, 254);
            Assert.AreEqual(1002, response.Length);
            for (int i = 0; i < 1000; i++)
            {
                Assert.AreEqual((int)apdu[7 + i], (int)response[i], "byte " + i.ToString());
            }

            Assert.AreEqual("90 00", TestSupport.ToHex(response, 1000, 2));
            Assert.AreEqual(3, host.CardAcknowledgements, "254 + 254 + 254 + 247 bytes: three R-blocks from the card");
        }

        [TestMethod]
        public void BlockLongerThanIfscIsRefused()
        {
            CardProfile profile = CardProfile.FastT1();
            profile.Ifsc = 16;
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();
            Assert.AreEqual(CardTestRig.Block(0x82, ""), Exchange(rig, 0x00, "80 12 00 00 11 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10"));
        }

        [TestMethod]
        public void SlowCommandRequestsWaitingTimeExtensions()
        {
            CardTestRig rig = Powered();
            long sent = rig.Clock.NowMicros;
            Assert.AreEqual(CardTestRig.Block(0xC3, "03"), Exchange(rig, 0x00, "80 14 02 03"));
            Assert.IsTrue(rig.Clock.NowMicros - sent < BlockWaitingMicros, "WTX request within BWT");

            for (int i = 0; i < 2; i++)
            {
                rig.Send(CardTestRig.Block(0xE3, "03"));
                long answered = rig.Clock.NowMicros;
                Assert.AreEqual("", rig.Receive(1, BlockWaitingMicros), "nothing within one BWT");
                string next = ReceiveBlock(rig, 3 * BlockWaitingMicros);
                Assert.AreEqual(i == 0 ? CardTestRig.Block(0xC3, "03") : CardTestRig.Block(0x00, "90 00"), next);
                Assert.IsTrue(rig.Clock.NowMicros - answered < 3L * BlockWaitingMicros, "within the extended BWT");
            }
        }

        [TestMethod]
        public void CorruptedBlockFromTheReaderGetsAnEdcRBlock()
        {
            CardTestRig rig = Powered();
            rig.Send("00 00 04 00 20 00 81 00");
            Assert.AreEqual(CardTestRig.Block(0x81, ""), ReceiveBlock(rig, BlockWaitingMicros));
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), Exchange(rig, 0x00, "00 20 00 81"));
        }

        [TestMethod]
        public void RBlockMakesTheCardResendItsLastIBlock()
        {
            CardTestRig rig = Powered();
            string answer = CardTestRig.Block(0x00, "63 C3");
            Assert.AreEqual(answer, Exchange(rig, 0x00, "00 20 00 81"));
            Assert.AreEqual(answer, Exchange(rig, 0x81, ""));
        }

        [TestMethod]
        public void LostReaderBlockIsAskedForAgain()
        {
            CardTestRig rig = Powered();
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), Exchange(rig, 0x00, "00 20 00 81"));
            rig.Card.Faults.Arm(CardFaultScope.ReceivedBlock, 0, CardFaultKind.Drop);
            Assert.AreEqual("", Exchange(rig, 0x40, "00 20 00 81"));
            // The reader times out and asks for the card's next I-block (N(R) = 1); the card asks for the reader's N(S) = 1.
            Assert.AreEqual(CardTestRig.Block(0x90, ""), Exchange(rig, 0x90, ""));
            Assert.AreEqual(CardTestRig.Block(0x40, "63 C3"), Exchange(rig, 0x40, "00 20 00 81"));
        }

        [TestMethod]
        public void ResynchResetsSequenceNumbers()
        {
            CardTestRig rig = Powered();
            Assert.AreEqual(CardTestRig.Block(0xE1, "40"), Exchange(rig, 0xC1, "40"));
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), Exchange(rig, 0x00, "00 20 00 81"));
            Assert.AreEqual(CardTestRig.Block(0xE0, ""), Exchange(rig, 0xC0, ""));
            Assert.AreEqual(32, rig.Card.Ifsd);
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), Exchange(rig, 0x00, "00 20 00 81"));
        }

        [TestMethod]
        public void PartialBlockIsDroppedAfterCharacterWaitingTime()
        {
            CardTestRig rig = Powered();
            rig.Send("00 00 04");
            // CWI = 5: CWT = 43 etu ≈ 4.5 ms.
            rig.Clock.Advance(10000);
            Assert.AreEqual(CardTestRig.Block(0x00, "63 C3"), Exchange(rig, 0x00, "00 20 00 81"));
        }

        [TestMethod]
        public void CrcCardChecksAndSendsCrc()
        {
            CardProfile profile = CardProfile.FastT1();
            profile.UseCrc = true;
            CardTestRig rig = new CardTestRig(profile);
            rig.ColdReset();
            byte[] block = TestSupport.Hex("00 C1 01 FE 00 00");
            int crc = Edc.ComputeCrc(block, 0, 4);
            block[4] = (byte)(crc >> 8);
            block[5] = (byte)crc;
            rig.Send(block);
            string answer = rig.Receive(6);
            byte[] received = TestSupport.Hex(answer);
            Assert.AreEqual("00 E1 01 FE", TestSupport.ToHex(received, 0, 4));
            Assert.IsTrue(Edc.IsValid(true, received, 0, 6), "CRC epilogue");
        }

        internal static byte[] EchoCommand(int length)
        {
            byte[] apdu = new byte[7 + length + 2];
            apdu[0] = CardApplet.ClaProprietary;
            apdu[1] = CardApplet.InsEcho;
            apdu[5] = (byte)(length >> 8);
            apdu[6] = (byte)length;
            for (int i = 0; i < length; i++)
            {
                apdu[7 + i] = (byte)(i * 7 + 1);
            }

            return apdu;
        }
    }
}
