using System;
using System.Threading;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The "pcsc" board against the real stack: vicc behind a private pcscd's vpcd, seen through our manager
    /// (ATR, SELECT MF with P2=0C, GET CHALLENGE, removal and a new card), pcscd stopping (UNAVAILABLE) and
    /// coming back (the supervisor reopens the reader), pcscd absent when the board is built (its readers
    /// arrive once it starts), and vendor control codes passed through to pcscd.
    /// </summary>
    [TestClass]
    public sealed class PcscHostReaderTests
    {
        private const string SelectMf = "00 A4 00 0C 02 3F 00";
        private const string GetChallenge = "00 84 00 00 08";
        private const int ChallengeLength = 8;

        /// <summary>The second pcscd's vpcd readers: another name, so the first ones leave and these arrive.</summary>
        private const string OtherReaders = "Other PCD";

        [TestMethod]
        public void ViccBehindPcscdIsACardOfOurManagerWithItsAtrAndAnswers()
        {
            PcscDaemon.RequireInstalled();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (VpcdVicc.Start(daemon.VpcdPort))
            using (PcscRig rig = new PcscRig())
            {
                Assert.AreEqual(2, rig.Board.ReaderCount, "vpcd's two slots");
                string reader = rig.ReaderName(PcscDaemon.Slot0);
                ScardReaderState state = rig.WaitFor(reader, ScardConstants.StatePresent, true);
                Assert.AreEqual(VpcdVicc.Atr, HexText.Format(state.Atr, 0, state.AtrLength));

                int protocol;
                int handle = rig.Connect(reader, out protocol);
                Assert.AreEqual(ScardConstants.ProtocolT1, protocol, "vicc's ATR offers T=1");
                Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf));
                string first = rig.Send(handle, protocol, GetChallenge);
                string second = rig.Send(handle, protocol, GetChallenge);
                AssertChallenge(first);
                AssertChallenge(second);
                Assert.AreNotEqual(first, second, "two challenges are random");
                Assert.AreEqual("6A 82", rig.Send(handle, protocol, "00 A4 04 0C 05 F0 00 00 00 01"), "an absent AID");

                // Warm reset (SCardReconnect RESET_CARD on the host) and cold reset (disconnect UNPOWER, connect).
                foreach (int initialization in new[] { ScardConstants.ResetCard, ScardConstants.UnpowerCard })
                {
                    Assert.AreEqual(ScardError.Success, rig.Manager.Reconnect(handle, ScardConstants.ShareShared, ScardConstants.ProtocolT1, initialization, out protocol));
                    Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf), "after reconnect " + initialization);
                }

                Assert.AreEqual(ScardError.Success, rig.Manager.Disconnect(handle, ScardConstants.LeaveCard));
            }
        }

        [TestMethod]
        public void StoppingViccIsARemovalAndStartingItAgainANewCard()
        {
            PcscDaemon.RequireInstalled();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (PcscRig rig = new PcscRig())
            {
                string reader = rig.ReaderName(PcscDaemon.Slot0);
                int handle;
                int protocol;
                using (VpcdVicc.Start(daemon.VpcdPort))
                {
                    handle = rig.ConnectWhenPresent(reader, out protocol);
                    Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf));
                }

                rig.WaitFor(reader, ScardConstants.StateEmpty);
                Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, protocol, SelectMf));

                using (VpcdVicc.Start(daemon.VpcdPort))
                {
                    ScardReaderState state = rig.WaitFor(reader, ScardConstants.StatePresent, true);
                    Assert.AreEqual(VpcdVicc.Atr, HexText.Format(state.Atr, 0, state.AtrLength));
                    Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, protocol, SelectMf), "the old handle stays removed");
                    int fresh = rig.Connect(reader, out protocol);
                    Assert.AreEqual("90 00", rig.Send(fresh, protocol, SelectMf));
                }
            }
        }

        [TestMethod]
        public void PcscdStoppingMakesTheReaderUnavailableAndItRecoversWhenPcscdReturns()
        {
            PcscDaemon.RequireInstalled();
            PcscDaemon daemon = PcscDaemon.Start();
            int port = daemon.VpcdPort;
            using (PcscRig rig = new PcscRig())
            {
                string reader = rig.ReaderName(PcscDaemon.Slot0);
                using (daemon)
                using (VpcdVicc.Start(port))
                {
                    rig.WaitFor(reader, ScardConstants.StatePresent, true);
                }

                rig.WaitFor(reader, ScardConstants.StateUnavailable);
                int handle;
                int protocol;
                int result = rig.Manager.Connect(rig.Context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolT1, out handle, out protocol);
                Assert.AreNotEqual(ScardError.Success, result, "no pcscd, no card: " + ScardError.GetName(result));

                using (PcscDaemon back = PcscDaemon.Start(port))
                using (VpcdVicc.Start(port))
                {
                    ScardReaderState state = rig.WaitFor(reader, ScardConstants.StatePresent, true);
                    Assert.AreEqual(VpcdVicc.Atr, HexText.Format(state.Atr, 0, state.AtrLength));
                    int fresh = rig.Connect(reader, out protocol);
                    Assert.AreEqual("90 00", rig.Send(fresh, protocol, SelectMf));
                }
            }
        }

        [TestMethod]
        public void HostReadersThatLeaveAndArriveInPcscdLeaveAndArriveInOurManager()
        {
            PcscDaemon.RequireInstalled();
            PcscDaemon first = PcscDaemon.Start();
            int port = first.VpcdPort;
            using (PcscRig rig = new PcscRig())
            {
                rig.ReaderName(PcscDaemon.Slot0);
                first.Dispose();
                using (PcscDaemon second = PcscDaemon.Start(port, OtherReaders))
                using (VpcdVicc.Start(port))
                {
                    string reader = WaitForReaders(rig, OtherReaders + " 00 00", OtherReaders + " 00 01");
                    int protocol;
                    int handle = rig.ConnectWhenPresent(reader, out protocol);
                    Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf));
                }
            }
        }

        [TestMethod]
        public void AVendorControlCodeReachesPcscdAndItsAnswerComesBack()
        {
            PcscDaemon.RequireInstalled();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (VpcdVicc.Start(daemon.VpcdPort))
            using (PcscRig rig = new PcscRig())
            {
                string reader = rig.ReaderName(PcscDaemon.Slot0);
                int protocol;
                int handle = rig.ConnectWhenPresent(reader, out protocol);
                byte[] input = { 0x01 };
                byte[] output = new byte[16];
                int returned;
                int result = rig.Manager.Control(handle, PcscLiteControlCode(3500), input, 0, input.Length, output, 0, output.Length, out returned);
                // vpcd implements no IFDHControl: pcscd answers SCARD_E_UNSUPPORTED_FEATURE, which comes back as such.
                Assert.AreEqual("SCARD_E_UNSUPPORTED_FEATURE", ScardError.GetName(result));
                Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf), "the card is still usable");
            }
        }

        [TestMethod]
        public void AVendorControlCodeWithoutACardGoesOverADirectConnection()
        {
            PcscDaemon.RequireInstalled();
            using (PcscDaemon daemon = PcscDaemon.Start())
            using (PcscRig rig = new PcscRig())
            {
                string reader = rig.ReaderName(PcscDaemon.Slot1);
                int handle;
                int protocol;
                Assert.AreEqual(ScardError.Success, rig.Manager.Connect(rig.Context, reader, ScardConstants.ShareDirect, ScardConstants.ProtocolUndefined, out handle, out protocol));
                byte[] output = new byte[16];
                int returned;
                int result = rig.Manager.Control(handle, PcscLiteControlCode(3500), null, 0, 0, output, 0, output.Length, out returned);
                // pcscd accepted the DIRECT connection on the empty slot; vpcd then has no IFDHControl.
                Assert.AreEqual("SCARD_E_UNSUPPORTED_FEATURE", ScardError.GetName(result));
            }
        }

        [TestMethod]
        public void WithoutPcscdThePcscBoardHasNoReadersUntilPcscdStartsAndItsReadersArrive()
        {
            PcscDaemon.RequireInstalled();
            PcscDaemon.UseWithoutStarting();
            using (PcscRig rig = new PcscRig())
            {
                Assert.AreEqual(0, rig.Board.ReaderCount, "pcscd absent: no host reader known yet");
                string[] names;
                Assert.AreEqual("SCARD_E_NO_READERS_AVAILABLE", ScardError.GetName(rig.Manager.ListReaders(rig.Context, out names)));
                ScardReaderState pnp = new ScardReaderState();
                pnp.Reader = ScardConstants.PnpNotification;
                ScardReaderState[] states = { pnp };
                Assert.AreEqual("SCARD_E_TIMEOUT", ScardError.GetName(rig.Manager.GetStatusChange(rig.Context, 0, states)), "no reader has come or gone");
                pnp.CurrentState = pnp.EventState;

                using (PcscDaemon daemon = PcscDaemon.Start())
                using (VpcdVicc.Start(daemon.VpcdPort))
                {
                    int result = rig.Manager.GetStatusChange(rig.Context, PcscRig.Patience, states);
                    Assert.AreEqual("SCARD_S_SUCCESS", ScardError.GetName(result), "the PnP wait wakes when pcscd's readers arrive");
                    Assert.AreNotEqual(0, pnp.EventState & ScardConstants.StateChanged, "0x" + pnp.EventState.ToString("X"));
                    string reader = WaitForReaders(rig, PcscDaemon.Slot0, PcscDaemon.Slot1);
                    ScardReaderState state = rig.WaitFor(reader, ScardConstants.StatePresent, true);
                    Assert.AreEqual(VpcdVicc.Atr, HexText.Format(state.Atr, 0, state.AtrLength));
                    int protocol;
                    int handle = rig.Connect(reader, out protocol);
                    Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf));
                }
            }
        }

        /// <summary>
        /// Waits until our manager lists exactly one reader per host name in <paramref name="hostNames"/> (the
        /// earlier ones have left); returns our name of the first.
        /// </summary>
        private static string WaitForReaders(PcscRig rig, params string[] hostNames)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(PcscRig.Patience);
            string[] names = new string[0];
            while (DateTime.UtcNow < deadline)
            {
                int result = rig.Manager.ListReaders(rig.Context, out names);
                Assert.IsTrue(result == ScardError.Success || result == ScardError.NoReadersAvailable, ScardError.GetName(result));
                if (result == ScardError.Success && names.Length == hostNames.Length && Array.TrueForAll(hostNames, host => Array.Exists(names, name => name.StartsWith(host, StringComparison.Ordinal))))
                {
                    return Array.Find(names, name => name.StartsWith(hostNames[0], StringComparison.Ordinal));
                }
                Thread.Sleep(50);
            }
            Assert.Fail("our readers never became " + string.Join(", ", hostNames) + ": " + string.Join(", ", names));
            return null;
        }

        private static int PcscLiteControlCode(int function)
        {
            return 0x42000000 + function;
        }

        private static void AssertChallenge(string response)
        {
            string[] bytes = response.Split(' ');
            Assert.AreEqual(ChallengeLength + 2, bytes.Length, response);
            Assert.IsTrue(response.EndsWith("90 00", StringComparison.Ordinal), response);
        }
    }
}
