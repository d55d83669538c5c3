#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Vpcd
{
    [TestClass]
    public class VpcdLinkTests
    {
        const string ViccAtr = "3B 95 13 81 01 80 73 FF 01 00 0B";
        const long Bound = 1000000;

        [TestMethod]
        public void TheHeaderIsTheBigEndianPayloadLength()
        {
            byte[] header = new byte[2];
            VpcdMessage.WriteHeader(header, 0, 0x1234);
            Assert.AreEqual("12 34", TestSupport.ToHex(header));
            Assert.AreEqual(0x1234, VpcdMessage.ReadHeader(header, 0));
            VpcdMessage.WriteHeader(header, 0, VpcdMessage.MaxPayloadLength);
            Assert.AreEqual(65535, VpcdMessage.ReadHeader(header, 0));
        }

        [TestMethod]
        public void AFrameLeavesInOneWriteWithItsLength()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 300);

            Assert.IsTrue(link.Send(TestSupport.Hex("00 A4 00 0C 02 3F 00"), 0, 7), "sent");
            byte[] reply = new byte[2];
            int length;
            link.Receive(reply, 0, 2, Bound, out length);
            Assert.IsTrue(link.SendControl(VpcdMessage.PowerOn), "control sent");

            Assert.AreEqual(2, vicc.WriteCount);
            Assert.AreEqual("00 07 00 A4 00 0C 02 3F 00", vicc.WriteAt(0));
            Assert.AreEqual("00 01 01", vicc.WriteAt(1));
        }

        [TestMethod]
        public void APayloadBeyondTheSendBufferIsRefusedUnsent()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 8);

            Assert.IsFalse(link.Send(new byte[9], 0, 9), "9 bytes on an 8-byte link");
            Assert.AreEqual(0, vicc.WriteCount);
        }

        [TestMethod]
        public void NothingIsSentWhileUnaskedBytesWait()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 300);
            vicc.Push("00 02 90 00");

            Assert.IsFalse(link.SendControl(VpcdMessage.GetAtr), "refused");
            Assert.AreEqual(0, vicc.WriteCount);
            Assert.AreEqual(0L, clock.NowMicros);
        }

        [TestMethod]
        public void AFrameTrickledByteByByteIsReadExactly()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            vicc.Trickle = true;
            VpcdLink link = Linked(clock, vicc, 300);
            link.SendControl(VpcdMessage.GetAtr);
            vicc.Push("00 02 90 00");

            byte[] buffer = new byte[40];
            int length;
            Assert.AreEqual((int)VpcdReceiveResult.Frame, (int)link.Receive(buffer, 1, 39, Bound, out length));
            Assert.AreEqual(ViccAtr, TestSupport.ToHex(buffer, 1, length));
            Assert.AreEqual((int)VpcdReceiveResult.Frame, (int)link.Receive(buffer, 0, 40, Bound, out length));
            Assert.AreEqual("90 00", TestSupport.ToHex(buffer, 0, length));
            Assert.AreEqual(0L, clock.NowMicros);
        }

        [TestMethod]
        public void AFrameTooLongForTheCallerIsDroppedWholeAndTheNextOneReads()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 300);
            byte[] big = new byte[202];
            big[0] = 0x00;
            big[1] = 200;
            vicc.Push(TestSupport.ToHex(big));
            vicc.Push("00 02 6A 82");

            byte[] buffer = new byte[16];
            int length;
            Assert.AreEqual((int)VpcdReceiveResult.TooLong, (int)link.Receive(buffer, 0, 16, Bound, out length));
            Assert.AreEqual(200, length);
            Assert.AreEqual((int)VpcdReceiveResult.Frame, (int)link.Receive(buffer, 0, 16, Bound, out length));
            Assert.AreEqual("6A 82", TestSupport.ToHex(buffer, 0, length));
        }

        [TestMethod]
        public void AStalledPeerTimesOutAtTheBound()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 300);
            vicc.Push("00 05 3B 95");

            byte[] buffer = new byte[40];
            int length;
            Assert.AreEqual((int)VpcdReceiveResult.TimedOut, (int)link.Receive(buffer, 0, 40, Bound, out length));
            Assert.AreEqual(Bound, clock.NowMicros);
        }

        [TestMethod]
        public void EndOfStreamMidFrameIsClosed()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 300);
            vicc.Push("00 05 3B 95");
            vicc.HangUp();

            byte[] buffer = new byte[40];
            int length;
            Assert.AreEqual((int)VpcdReceiveResult.Closed, (int)link.Receive(buffer, 0, 40, Bound, out length));
            Assert.IsFalse(link.SendControl(VpcdMessage.GetAtr), "a hung-up peer takes no writes");
        }

        [TestMethod]
        public void DetachClosesTheConnection()
        {
            VirtualClock clock = new VirtualClock();
            FakeVicc vicc = new FakeVicc(clock, ViccAtr);
            VpcdLink link = Linked(clock, vicc, 300);

            link.Detach();

            Assert.IsTrue(vicc.ClosedByReader, "closed");
            Assert.IsFalse(link.IsConnected, "detached");
            Assert.IsFalse(link.SendControl(VpcdMessage.GetAtr), "nothing to send on");
        }

        static VpcdLink Linked(VirtualClock clock, FakeVicc vicc, int maxPayload)
        {
            VpcdLink link = new VpcdLink(clock, maxPayload);
            link.Attach(vicc);
            return link;
        }
    }
}
