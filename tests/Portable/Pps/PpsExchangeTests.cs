#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.PpsExchange
{
    /// <summary>The PPS request and the acceptance rules for the card's response (ISO 7816-3 §9).</summary>
    [TestClass]
    public class PpsExchangeTests
    {
        private static CardTiming AtrDefaults()
        {
            CardTiming timing = new CardTiming();
            timing.SetAtrDefaults(3571200, 0, false);
            return timing;
        }

        private static SmartcardStatus Run(ScriptedCardChannel channel, int protocolType, int pps1, out int agreed)
        {
            return Pps.Exchange(channel, AtrDefaults(), protocolType, pps1, out agreed);
        }

        [TestMethod]
        public void RequestWithPps1()
        {
            byte[] buffer = new byte[Pps.MaxLength];
            int length = Pps.BuildRequest(1, 0x18, buffer, 0);
            TestSupport.AreEqualBytes(TestSupport.Hex("FF 11 18 F6"), buffer, 0, length);
        }

        [TestMethod]
        public void RequestWithoutPps1()
        {
            byte[] buffer = new byte[Pps.MaxLength + 1];
            int length = Pps.BuildRequest(0, -1, buffer, 1);
            TestSupport.AreEqualBytes(TestSupport.Hex("FF 00 FF"), buffer, 1, length);
        }

        [TestMethod]
        public void ExactEchoIsAccepted()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11 18 F6");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Run(channel, 1, 0x18, out agreed));
            Assert.AreEqual(0x18, agreed);
            Assert.AreEqual("FF 11 18 F6", channel.SentHex);
        }

        [TestMethod]
        public void ResponseWithoutPps1MeansFdDd()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 01 FE");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Run(channel, 1, 0x18, out agreed));
            Assert.AreEqual(0x11, agreed);
        }

        [TestMethod]
        public void ProtocolOnlyRequestEchoed()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 01 FE");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Run(channel, 1, -1, out agreed));
            Assert.AreEqual("FF 01 FE", channel.SentHex);
            Assert.AreEqual(0x11, agreed);
        }

        [TestMethod]
        public void BadPckFails()
        {
            AssertRejected("FF 11 18 F7");
        }

        [TestMethod]
        public void WrongProtocolInPps0Fails()
        {
            AssertRejected("FF 10 18 F7");
        }

        [TestMethod]
        public void DifferentPps1Fails()
        {
            AssertRejected("FF 11 13 FD");
        }

        [TestMethod]
        public void Pps2NotAskedForFails()
        {
            AssertRejected("FF 31 18 00 D6");
        }

        [TestMethod]
        public void Pps1NotAskedForFails()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11 18 F6");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)Run(channel, 1, -1, out agreed));
        }

        [TestMethod]
        public void WrongPpssFails()
        {
            AssertRejected("3B 11 18 32");
        }

        [TestMethod]
        public void SilenceTimesOutAfterWt()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)Run(channel, 1, 0x18, out agreed));
            Assert.AreEqual(1000000, channel.LastFirstTimeoutMicros);
            Assert.AreEqual(1000000L, channel.Clock.NowMicros);
        }

        [TestMethod]
        public void ResponseCutShortTimesOut()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.IoTimeout, (int)Run(channel, 1, 0x18, out agreed));
        }

        [TestMethod]
        public void ParityErrorFails()
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply("FF 11 18 F6");
            channel.ParityErrorOnReceive = true;
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)Run(channel, 1, 0x18, out agreed));
        }

        [TestMethod]
        public void CheckResponseRejectsShortAndLongMessages()
        {
            byte[] request = TestSupport.Hex("FF 11 18 F6");
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)Pps.CheckResponse(request, 0, TestSupport.Hex("FF 11"), 0, 2, out agreed));
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)Pps.CheckResponse(request, 0, TestSupport.Hex("FF 11 18 F6 00"), 0, 5, out agreed));
        }

        private static void AssertRejected(string reply)
        {
            ScriptedCardChannel channel = new ScriptedCardChannel();
            channel.Reply(reply);
            int agreed;
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)Run(channel, 1, 0x18, out agreed), reply);
        }
    }
}
