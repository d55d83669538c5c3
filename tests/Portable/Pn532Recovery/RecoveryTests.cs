#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Tests.Pn532Support;

namespace EmbeddedSmartCard.Tests.Pn532Recovery
{
    /// <summary>
    /// Recovery from every fault the virtual PN532 and its buses can inject, end to end through SCardManager
    /// on I2C, SPI and HSU: the application either never notices, or sees the reader UNAVAILABLE until the
    /// supervisor has reopened it, or sees the card removed, and the next card works.
    /// </summary>
    [TestClass]
    public class RecoveryTests
    {
        private const int Present = ScardConstants.StatePresent;
        private const int Empty = ScardConstants.StateEmpty;
        private const int Unavailable = ScardConstants.StateUnavailable;

        /// <summary>I2C transactions a failing exchange spends: three write attempts for the command and as many for its one repeat, the same for the probe.</summary>
        private const int NaksToFailAnExchange = 12;

        /// <summary>A clock stretch of 20 ms per transaction, and one longer than the link's 100 ms ACK wait.</summary>
        private const long StretchMicros = 20000;
        private const long LongStretchMicros = 150000;

        [TestMethod]
        public void ADamagedResponseIsRepeatedAfterANack()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = ConnectedRig(bus, false);
                int handle = rig.Connect();
                rig.Chip.DamageNextResponse();

                Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "over " + Pn532ManagerRig.BusName(bus));
                Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "and after it over " + Pn532ManagerRig.BusName(bus));
                rig.Dispose();
            }
        }

        [TestMethod]
        public void ADamagedCommandTheChipIgnoresIsSentAgain()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = ConnectedRig(bus, false);
                int handle = rig.Connect();
                int accepted = rig.Chip.CommandCount;
                rig.Transport.DamageNextCommand();

                Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "over " + Pn532ManagerRig.BusName(bus));
                Assert.AreEqual(1, rig.Transport.DamagedCommands, "one command frame went out damaged over " + Pn532ManagerRig.BusName(bus));
                Assert.AreEqual(accepted + 1, rig.Chip.CommandCount, "the chip ran the command once over " + Pn532ManagerRig.BusName(bus));
                rig.Dispose();
            }
        }

        [TestMethod]
        public void AnAnswerLaterThanTheWaitIsNotTransactedAndTheChipIsNotBlamed()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = ConnectedRig(bus, true);
                int handle = rig.Connect();
                rig.Transport.DelayNextResponse();

                Assert.AreEqual(ScardError.GetName(ScardError.NotTransacted), rig.Send(handle, Pn532ManagerRig.SelectMf), "the exchange is aborted over " + Pn532ManagerRig.BusName(bus));
                Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "the chip still answers, the reader stays available over " + Pn532ManagerRig.BusName(bus));
                rig.Dispose();
            }
        }

        [TestMethod]
        public void AHungChipMakesTheReaderUnavailableUntilTheSupervisorResetsIt()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = ConnectedRig(bus, true);
                int handle = rig.Connect();
                int accepted = rig.Chip.CommandCount;
                rig.Chip.Hang();

                Assert.AreEqual(ScardError.GetName(ScardError.ReaderUnavailable), rig.Send(handle, Pn532ManagerRig.SelectMf), "over " + Pn532ManagerRig.BusName(bus));
                Assert.IsTrue(rig.WaitForReopen(accepted), "reopened and reset through RSTPDN over " + Pn532ManagerRig.BusName(bus));
                Assert.IsFalse(rig.Chip.Hung, "the reset pulse ended the hang");
                Assert.IsNotNull(rig.WaitFor(Present, Unavailable), "the card found again over " + Pn532ManagerRig.BusName(bus));
                ExpectNewSession(rig, handle);
                rig.Dispose();
            }
        }

        [TestMethod]
        public void AChipThatHangsWhileIdleIsFoundByThePollAndComesBack()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = ConnectedRig(bus, true);
                Assert.IsNotNull(rig.WaitFor(Present, 0), "the card is there over " + Pn532ManagerRig.BusName(bus));
                int accepted = rig.Chip.CommandCount;
                rig.Chip.Hang();

                rig.Reader.Poll();
                Assert.IsTrue(rig.WaitForReopen(accepted), "no application call, yet the supervisor reopened and reset the chip over " + Pn532ManagerRig.BusName(bus));
                Assert.IsFalse(rig.Chip.Hung, "the reset pulse ended the hang");
                Assert.IsNotNull(rig.WaitFor(Present, Unavailable), "the card found again over " + Pn532ManagerRig.BusName(bus));
                ExpectNewSession(rig, 0);
                rig.Dispose();
            }
        }

        [TestMethod]
        public void AnEmptyReaderWhoseChipHangsComesBackEmpty()
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(Pn532ManagerRig.Spi, true);
            Assert.IsNotNull(rig.WaitFor(Empty, 0), "empty");
            int accepted = rig.Chip.CommandCount;
            rig.Chip.Hang();

            rig.Reader.Poll();
            Assert.IsTrue(rig.WaitForReopen(accepted), "reopened and reset");
            Assert.IsNotNull(rig.WaitFor(Empty, Unavailable), "available and empty");
            rig.PlaceIsoCard(Pn532ManagerRig.IsoUid);
            ExpectNewSession(rig, 0);
            rig.Dispose();
        }

        [TestMethod]
        public void WithoutAResetPinAHungChipStaysUnavailableUntilItIsPowerCycled()
        {
            Pn532ManagerRig rig = ConnectedRig(Pn532ManagerRig.I2c, false);
            int handle = rig.Connect();
            rig.Chip.Hang();

            Assert.AreEqual(ScardError.GetName(ScardError.ReaderUnavailable), rig.Send(handle, Pn532ManagerRig.SelectMf));
            Assert.IsNotNull(rig.WaitFor(Unavailable, 0), "unavailable");
            Thread.Sleep(60);
            Assert.IsNotNull(rig.WaitFor(Unavailable, 0), "the restarts cannot wake a hung chip");
            ExpectOtherReaderWorks(rig);

            int accepted = rig.Chip.CommandCount;
            rig.Chip.PowerCycle();
            Assert.IsTrue(rig.WaitForReopen(accepted), "the next restart initialises the power-cycled chip");
            Assert.IsNotNull(rig.WaitFor(Present, Unavailable), "the card found again");
            ExpectNewSession(rig, handle);
            rig.Dispose();
        }

        [TestMethod]
        public void AFewI2cAddressNaksAreRetriedUnnoticed()
        {
            Pn532ManagerRig rig = ConnectedRig(Pn532ManagerRig.I2c, true);
            int handle = rig.Connect();
            rig.I2cDevice.NakNext(2);

            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf));
            rig.I2cDevice.NakNext(4);
            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "NAKs beyond the transport's write attempts: the command is written again");
            rig.Dispose();
        }

        [TestMethod]
        public void I2cClockStretchingOnlyDelaysTheExchange()
        {
            Pn532ManagerRig rig = ConnectedRig(Pn532ManagerRig.I2c, true);
            int handle = rig.Connect();
            long started = rig.Clock.NowMicros;
            rig.I2cDevice.StretchNext(4, StretchMicros);

            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf));
            Assert.IsTrue(rig.Clock.NowMicros - started >= 4 * StretchMicros, "the host waited out the stretched transactions");
            rig.I2cDevice.StretchNext(3, LongStretchMicros);
            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "transactions stretched beyond the ACK wait lose nothing");
            rig.Dispose();
        }

        [TestMethod]
        public void AnI2cChipThatKeepsNakingIsAFailedReaderThatComesBack()
        {
            Pn532ManagerRig rig = ConnectedRig(Pn532ManagerRig.I2c, true);
            int handle = rig.Connect();
            int accepted = rig.Chip.CommandCount;
            rig.I2cDevice.NakNext(NaksToFailAnExchange);

            Assert.AreEqual(ScardError.GetName(ScardError.ReaderUnavailable), rig.Send(handle, Pn532ManagerRig.SelectMf));
            Assert.IsTrue(rig.WaitForReopen(accepted), "reopened once the chip acknowledges again");
            Assert.IsNotNull(rig.WaitFor(Present, Unavailable), "the card found again");
            ExpectNewSession(rig, handle);
            rig.Dispose();
        }

        [TestMethod]
        public void TheCardLeavingInTheMiddleOfAChainedCommandIsARemovedCardAndTheNextCardWorks()
        {
            for (int bus = Pn532ManagerRig.I2c; bus <= Pn532ManagerRig.Hsu; bus++)
            {
                Pn532ManagerRig rig = ConnectedRig(bus, true);
                int handle = rig.Connect();
                rig.Transport.RemoveCardBeforeExchange(2);

                Assert.AreEqual(ScardError.GetName(ScardError.RemovedCard), rig.Send(handle, EchoCommand()), "the second part of a 309-byte command over " + Pn532ManagerRig.BusName(bus));
                Assert.IsNotNull(rig.WaitFor(Empty, Present), "the reader is empty over " + Pn532ManagerRig.BusName(bus));
                rig.PlaceIsoCard(Pn532ManagerRig.OtherIsoUid);
                ExpectNewSession(rig, handle);
                rig.Dispose();
            }
        }

        /// <summary>A rig on <paramref name="bus"/> (RSTPDN wired when <paramref name="resetWired"/>) with an ISO 14443-4 card in the field.</summary>
        private static Pn532ManagerRig ConnectedRig(int bus, bool resetWired)
        {
            Pn532ManagerRig rig = new Pn532ManagerRig(bus, resetWired);
            rig.PlaceIsoCard(Pn532ManagerRig.IsoUid);
            return rig;
        }

        /// <summary>The old handle (0: none) is let go; a new one reaches the card in the field.</summary>
        private static void ExpectNewSession(Pn532ManagerRig rig, int oldHandle)
        {
            if (oldHandle != 0)
            {
                rig.Manager.Disconnect(oldHandle, ScardConstants.LeaveCard);
            }

            int handle = rig.Connect();
            Assert.IsTrue(handle != 0, "connected again");
            Assert.AreEqual("90 00", rig.Send(handle, Pn532ManagerRig.SelectMf), "an APDU after the recovery");
            Assert.AreEqual(ScardError.Success, rig.Manager.Disconnect(handle, ScardConstants.LeaveCard));
        }

        /// <summary>A contact reader in the same manager carries on while the PN532 is unavailable.</summary>
        private static void ExpectOtherReaderWorks(Pn532ManagerRig rig)
        {
            SimulatorBoard board = new SimulatorBoard(1);
            board.GetSlot(0).Insert(new SimulatedCard(CardProfile.DirectT0()));
            string name = rig.Manager.Readers.Add(board.GetReader(0), "Contact").Name;
            int handle;
            int protocol;
            Assert.AreEqual(ScardError.Success, rig.Manager.Connect(rig.Context, name, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol), "the other reader connects");
            byte[] select = TestSupport.Hex(Pn532ManagerRig.SelectMf);
            byte[] response = new byte[16];
            int length;
            Assert.AreEqual(ScardError.Success, rig.Manager.Transmit(handle, protocol, select, 0, select.Length, response, 0, response.Length, out length));
            Assert.AreEqual("90 00", TestSupport.ToHex(response, 0, length), "the other reader's card answers");
            Assert.AreEqual(ScardError.Success, rig.Manager.Disconnect(handle, ScardConstants.LeaveCard));
            Assert.IsNotNull(rig.WaitFor(Unavailable, 0), "the PN532 is still unavailable");
        }

        /// <summary>ECHO of 300 bytes as an extended case 4 APDU (309 bytes): two InDataExchange frames, the first with MI.</summary>
        private static byte[] EchoCommand()
        {
            byte[] command = new byte[309];
            byte[] header = TestSupport.Hex("80 12 00 00 00 01 2C");
            for (int i = 0; i < header.Length; i++)
            {
                command[i] = header[i];
            }

            for (int i = 0; i < 300; i++)
            {
                command[header.Length + i] = (byte)i;
            }

            command[307] = 0x01;
            command[308] = 0x2C;
            return command;
        }
    }
}
