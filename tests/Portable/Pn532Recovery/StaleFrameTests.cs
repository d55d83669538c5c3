#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Tests.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Recovery
{
    /// <summary>
    /// Frames left over from a command that a repeat superseded (its late ACK and answer, reference §3.1: a new
    /// command frame aborts the running one, but what the chip already sent still arrives) do not pass for the
    /// answer of the next command.
    /// </summary>
    [TestClass]
    public class StaleFrameTests
    {
        private const long ResponseTimeout = 350000;

        [TestMethod]
        public void TheSupersededCommandsLateAckAndAnswerAreSkipped()
        {
            FakePn532 chip = new FakePn532();
            Pn532Link link = new Pn532Link(new FakeTransport(chip, new FakeClock()));
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.SamConfiguration, ""));
            // Still on the line from the repeated SAMConfiguration: its ACK and answer, then the real ones.
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.SamConfiguration, ""), FakePn532.Ack(), FakePn532.Response(Pn532Command.GetFirmwareVersion, "32 01 06 07"));
            byte[] response = new byte[8];
            int length;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Transceive(Pn532Command.SamConfiguration, new byte[] { 0x01 }, 0, 1, response, 0, response.Length, ResponseTimeout, out length));
            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Transceive(Pn532Command.GetFirmwareVersion, null, 0, 0, response, 0, response.Length, ResponseTimeout, out length));
            Assert.AreEqual("32 01 06 07", TestSupport.ToHex(response, 0, length));
            Assert.AreEqual(2, chip.HostFrameCount, "no NACK, no abort");
        }

        [TestMethod]
        public void AnAnswerToAnyOtherCommandIsStillAProtocolError()
        {
            FakePn532 chip = new FakePn532();
            Pn532Link link = new Pn532Link(new FakeTransport(chip, new FakeClock()));
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.SamConfiguration, ""));
            chip.OnNextFrame(FakePn532.Ack(), FakePn532.Response(Pn532Command.GetGeneralStatus, "00 00 00"));
            chip.OnNextFrame();
            byte[] response = new byte[8];
            int length;

            Assert.AreEqual((int)SmartcardStatus.Success, (int)link.Transceive(Pn532Command.SamConfiguration, new byte[] { 0x01 }, 0, 1, response, 0, response.Length, ResponseTimeout, out length));
            Assert.AreEqual((int)SmartcardStatus.DeviceProtocolError, (int)link.Transceive(Pn532Command.GetFirmwareVersion, null, 0, 0, response, 0, response.Length, ResponseTimeout, out length));
            Assert.AreEqual("00 00 FF 00 FF 00", chip.HostFrameHex(2), "aborted");
        }
    }
}
