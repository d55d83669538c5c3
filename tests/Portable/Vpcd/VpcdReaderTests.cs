#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Vpcd;

namespace EmbeddedSmartCard.Tests.Vpcd
{
    [TestClass]
    public class VpcdReaderTests
    {
        const string SelectMf = "00 A4 00 0C 02 3F 00";
        const string GetChallenge = "00 84 00 00 08";
        const string SecondAtr = "3B 80 80 01 01";

        /// <summary>Opens <paramref name="rig"/>'s reader with the standard vicc connected and powered by a cold reset.</summary>
        static FakeVicc PoweredVicc(VpcdReaderRig rig)
        {
            FakeVicc vicc = rig.OpenWithCard(VpcdReaderRig.ViccAtr);
            rig.Power(PowerAction.ColdReset);
            return vicc;
        }

        [TestMethod]
        public void AConnectingClientIsACardInsertedAndPowerOnReturnsItsAtr()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Reader.Open());
            Assert.IsFalse(rig.Reader.IsCardPresent(), "no client yet");

            FakeVicc vicc = rig.Insert(VpcdReaderRig.ViccAtr);

            Assert.IsTrue(rig.Reader.IsCardPresent(), "present");
            Assert.AreEqual(1, rig.Arrivals);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Power(PowerAction.ColdReset));
            Assert.AreEqual(VpcdReaderRig.ViccAtr, rig.AtrHex());
            Assert.AreEqual("04 | 01 | 04", vicc.Log(), "probe, power on, get ATR");
            Assert.AreEqual("127.0.0.1:35963", rig.Reader.Capabilities.Interface);
        }

        [TestMethod]
        public void AnApduIsOneFrameAndItsReplyTheResponse()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = rig.OpenWithCard(VpcdReaderRig.ViccAtr);
            vicc.SetResponse(GetChallenge, "01 02 03 04 05 06 07 08 90 00");
            rig.Power(PowerAction.ColdReset);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Send(SelectMf));
            Assert.AreEqual("90 00", rig.ResponseHex());
            Assert.AreEqual("00 07 00 A4 00 0C 02 3F 00", vicc.WriteAt(vicc.WriteCount - 1));
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Send(GetChallenge));
            Assert.AreEqual("01 02 03 04 05 06 07 08 90 00", rig.ResponseHex());
        }

        [TestMethod]
        public void ResetsAndPowerDownAreControlMessages()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = rig.OpenWithCard(VpcdReaderRig.ViccAtr);

            rig.Power(PowerAction.ColdReset);
            rig.Power(PowerAction.WarmReset);
            rig.Power(PowerAction.ColdReset);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Power(PowerAction.PowerDown));
            Assert.AreEqual((int)SmartcardStatus.InvalidDeviceState, (int)rig.Send(SelectMf), "unpowered");

            Assert.AreEqual("04 | 01 | 04 | 02 | 04 | 00 | 01 | 04 | 00", vicc.Log());
        }

        [TestMethod]
        public void ACommandShorterThanAnApduHeaderIsRefusedUnsent()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);
            int writes = vicc.WriteCount;

            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)rig.Send("01"));
            Assert.AreEqual((int)SmartcardStatus.InvalidParameter, (int)rig.Send("00 A4 00"));
            Assert.AreEqual(writes, vicc.WriteCount);
            Assert.IsTrue(rig.Reader.IsCardPresent(), "still there");
        }

        [TestMethod]
        public void EndOfStreamWhileIdleIsARemovalAtTheNextPoll()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);

            vicc.HangUp();
            rig.Reader.Poll();

            Assert.IsFalse(rig.Reader.IsCardPresent(), "removed");
            Assert.AreEqual(1, rig.Removals);
            Assert.IsTrue(vicc.ClosedByReader, "the reader closed its end");
            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)rig.Send(SelectMf));
        }

        [TestMethod]
        public void APeerStallingDuringAnApduIsCutOffAtTheBoundAsARemoval()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);
            long before = rig.Clock.NowMicros;

            vicc.StallNextReply();

            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)rig.Send(GetChallenge));
            Assert.AreEqual(VpcdReaderRig.ResponseTimeout, rig.Clock.NowMicros - before);
            Assert.IsTrue(vicc.ClosedByReader, "cut off");
            Assert.AreEqual(1, rig.Removals);
        }

        [TestMethod]
        public void AReplyShorterThanAStatusWordIsGarbageAndCutsThePeerOff()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);

            vicc.ReplaceNextReply("00 01 90");

            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)rig.Send(SelectMf));
            Assert.IsTrue(vicc.ClosedByReader, "cut off");
            Assert.IsFalse(rig.Reader.IsCardPresent(), "removed");
        }

        [TestMethod]
        public void AnAtrLongerThanIso7816AllowsIsGarbageAndCutsThePeerOff()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            rig.Reader.Open();
            FakeVicc vicc = new FakeVicc(rig.Clock, "3B");
            vicc.Atr = new byte[34];
            rig.Listener.Connect(vicc);

            rig.Reader.Poll();

            Assert.IsTrue(vicc.ClosedByReader, "cut off");
            Assert.IsFalse(rig.Reader.IsCardPresent(), "no card");
            Assert.AreEqual(0, rig.Arrivals);
        }

        [TestMethod]
        public void BytesNobodyAskedForPutTheStreamOutOfStepAndCutThePeerOff()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);

            int writes = vicc.WriteCount;

            vicc.Push("00 02 90 00");

            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)rig.Send(SelectMf));
            Assert.AreEqual(writes, vicc.WriteCount, "nothing sent into a stream out of step");
            Assert.IsTrue(vicc.ClosedByReader, "cut off");
        }

        [TestMethod]
        public void AnEmptyAtrIsNoCardWhileTheClientStaysConnected()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);

            vicc.Atr = new byte[0];
            rig.Reader.Poll();
            Assert.IsFalse(rig.Reader.IsCardPresent(), "card left the phone's field");
            Assert.IsFalse(vicc.ClosedByReader, "still connected");
            Assert.AreEqual((int)SmartcardStatus.NoMedia, (int)rig.Send(SelectMf));

            vicc.Atr = TestSupport.Hex(SecondAtr);
            rig.Reader.Poll();
            Assert.IsTrue(rig.Reader.IsCardPresent(), "a card again");
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Power(PowerAction.ColdReset));
            Assert.AreEqual(SecondAtr, rig.AtrHex());
            Assert.AreEqual(2, rig.Arrivals);
            Assert.AreEqual(1, rig.Removals);
        }

        [TestMethod]
        public void ANewConnectionAfterARemovalIsANewCard()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc first = PoweredVicc(rig);
            first.HangUp();
            rig.Reader.Poll();

            rig.Insert(SecondAtr);

            Assert.IsTrue(rig.Reader.IsCardPresent(), "present");
            Assert.AreEqual((int)SmartcardStatus.InvalidDeviceState, (int)rig.Send(SelectMf), "the new card is not powered yet");
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Power(PowerAction.ColdReset));
            Assert.AreEqual(SecondAtr, rig.AtrHex());
            Assert.AreEqual(2, rig.Arrivals);
            Assert.AreEqual(1, rig.Removals);
        }

        [TestMethod]
        public void ASecondClientWaitsUntilTheFirstHasGone()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc first = rig.OpenWithCard(VpcdReaderRig.ViccAtr);
            FakeVicc second = new FakeVicc(rig.Clock, SecondAtr);
            rig.Listener.Connect(second);

            rig.Reader.Poll();
            Assert.AreEqual("", second.Log(), "not accepted while the first is connected");

            first.HangUp();
            rig.Reader.Poll();
            rig.Reader.Poll();
            Assert.AreEqual("04", second.Log(), "accepted and probed");
            Assert.IsTrue(rig.Reader.IsCardPresent(), "the second card");
        }

        [TestMethod]
        public void AResponseTooLongForTheCallerIsBufferTooSmallAndTheNextApduWorks()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = PoweredVicc(rig);
            vicc.SetResponse(GetChallenge, TestSupport.ToHex(new byte[400]));

            Assert.AreEqual((int)SmartcardStatus.BufferTooSmall, (int)rig.Send(GetChallenge));
            Assert.AreEqual((int)SmartcardStatus.Success, (int)rig.Send(SelectMf));
            Assert.AreEqual("90 00", rig.ResponseHex());
        }

        [TestMethod]
        public void AListenerThatCannotStartIsNoSuchDevice()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            rig.Listener.CanStart = false;

            Assert.AreEqual((int)SmartcardStatus.NoSuchDevice, (int)rig.Reader.Open());
        }

        [TestMethod]
        public void CloseHangsUpOnTheClientAndStopsListening()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            FakeVicc vicc = rig.OpenWithCard(VpcdReaderRig.ViccAtr);

            rig.Reader.Close();

            Assert.IsTrue(vicc.ClosedByReader, "client closed");
            Assert.IsFalse(rig.Listener.Listening, "listener stopped");
            Assert.IsFalse(rig.Reader.IsCardPresent(), "no card");
            Assert.AreEqual((int)SmartcardStatus.InvalidDeviceState, (int)rig.Power(PowerAction.ColdReset));
        }

        [TestMethod]
        public void TheDriverLibraryRunsTheCardThroughTheReader()
        {
            VpcdReaderRig rig = new VpcdReaderRig();
            SmartcardDevice device = new SmartcardDevice(rig.Reader);
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.Open());
            rig.Insert(VpcdReaderRig.ViccAtr);

            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.Power(PowerAction.ColdReset));
            int selected;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.SetProtocol(Protocols.T0 | Protocols.T1, out selected));
            Assert.AreEqual(Protocols.T1, selected);
            byte[] command = TestSupport.Hex(SelectMf);
            byte[] response = new byte[258];
            int length;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)device.Transmit(Protocols.T1, command, 0, command.Length, response, 0, response.Length, out length));
            Assert.AreEqual("90 00", TestSupport.ToHex(response, 0, length));
            device.Close();
        }
    }
}
