#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.SimulatorPn532Board
{
    /// <summary>The virtual PN532's HSU served over a bytes-only device (what `scard simulate pn532` does), with raw frames.</summary>
    [TestClass]
    public class SimulatorPn532ServerTests
    {
        const string Ack = "00 00 FF 00 FF 00";
        const string SamConfiguration = "00 00 FF 05 FB D4 14 01 14 01 02 00";
        const string SamConfigurationResponse = "00 00 FF 02 FE D5 15 16 00";
        const string GetFirmwareVersion = "00 00 FF 02 FE D4 02 2A 00";
        const string FirmwareVersionResponse = "00 00 FF 06 FA D5 03 32 01 06 07 E8 00";

        /// <summary>Bound on server steps while waiting for an answer: each step waits at most one poll (1 ms).</summary>
        const int MaxSteps = 1000;

        sealed class Rig
        {
            public VirtualClock RealTime = new VirtualClock();
            public HostByteLine Line;
            public SimulatorPn532Server Server;

            public Rig()
            {
                Line = new HostByteLine(RealTime);
                Server = new SimulatorPn532Server(new VirtualPn532(new VirtualClock()), Line, RealTime);
            }

            /// <summary>Sends a frame and steps the server until <paramref name="expected"/> came back whole.</summary>
            public void Exchange(string frame, string expected)
            {
                Line.HostSends(frame);
                int length = TestSupport.Hex(expected).Length;
                for (int step = 0; step < MaxSteps && Line.ToHostCount < length; step++)
                {
                    Server.RunOnce();
                }

                Assert.AreEqual(expected, Line.TakeToHost(), "answer to " + frame);
            }
        }

        [TestMethod]
        public void CommandFramesAreAcknowledgedAndAnsweredOverTheDevice()
        {
            Rig rig = new Rig();
            Assert.AreEqual(115200, rig.Line.BaudRate, "8N1 at the chip's power-on rate");
            Assert.AreEqual((int)UartParity.None, (int)rig.Line.Parity);
            rig.Exchange("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00 " + SamConfiguration, Ack + " " + SamConfigurationResponse);
            rig.Exchange(GetFirmwareVersion, Ack + " " + FirmwareVersionResponse);
            Assert.AreEqual(2, rig.Server.Chip.CommandCount);
            Assert.AreEqual(16 + 12 + 9, rig.Server.BytesFromHost);
            Assert.AreEqual(6 + 9 + 6 + 13, rig.Server.BytesToHost);
        }

        [TestMethod]
        public void TheChipsClockFollowsTheServersRealTime()
        {
            Rig rig = new Rig();
            rig.RealTime.Advance(2000000);
            rig.Server.RunOnce();
            Assert.IsTrue(rig.Server.Chip.Clock.NowMicros >= 2000000, "chip time " + rig.Server.Chip.Clock.NowMicros);
        }

        [TestMethod]
        public void SetSerialBaudRateMovesTheDeviceToTheNewRateAfterTheHostsAck()
        {
            Rig rig = new Rig();
            rig.Exchange(SamConfiguration, Ack + " " + SamConfigurationResponse);
            // SetSerialBaudRate BR 07 = 921 600 bd (reference §3.2 "HSU").
            rig.Exchange("00 00 FF 03 FD D4 10 07 15 00", Ack + " 00 00 FF 02 FE D5 11 1A 00");
            Assert.AreEqual(115200, rig.Line.BaudRate, "not before the host's ACK");
            rig.Line.HostSends(Ack);
            rig.Server.RunOnce();
            rig.Exchange(GetFirmwareVersion, Ack + " " + FirmwareVersionResponse);
            Assert.AreEqual(921600, rig.Line.BaudRate, "the device follows the chip");
            Assert.AreEqual(921600, rig.Server.Chip.SerialBaudRate);
        }
    }
}
