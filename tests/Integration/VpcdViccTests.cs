using System;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The vpcd reader against the real vsmartcard vicc (reference peers.md), through the manager's PC/SC API:
    /// ATR, SELECT MF (P2=0C; P2=00 crashes vicc 0.8), GET CHALLENGE, insertion and removal by starting and
    /// stopping vicc, two vicc on two ports as two readers.
    /// </summary>
    [TestClass]
    public sealed class VpcdViccTests
    {
        private const string SelectMf = "00 A4 00 0C 02 3F 00";
        private const string GetChallenge = "00 84 00 00 08";
        private const int ChallengeResponseLength = 8 + 2;

        [TestMethod]
        public void ViccIsACardWithItsAtrThatAnswersSelectMfAndGetChallenge()
        {
            VpcdVicc.RequireInstalled();
            using (VpcdRig rig = new VpcdRig())
            using (VpcdVicc.Start(rig.Port(0)))
            {
                ScardReaderState state = rig.WaitForCard(0);
                Assert.AreEqual(VpcdVicc.Atr, HexText.Format(state.Atr, 0, state.AtrLength));

                int protocol;
                int handle = rig.Connect(0, out protocol);
                Assert.AreEqual(ScardConstants.ProtocolT1, protocol, "vicc's ATR offers T=1");
                Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf));
                string first = rig.Send(handle, protocol, GetChallenge);
                string second = rig.Send(handle, protocol, GetChallenge);
                AssertChallenge(first);
                AssertChallenge(second);
                Assert.AreNotEqual(first, second, "two challenges are random");
                Assert.AreEqual("6A 82", rig.Send(handle, protocol, "00 A4 04 0C 05 F0 00 00 00 01"), "an absent AID");
            }
        }

        [TestMethod]
        public void StoppingViccIsARemovalAndStartingItAgainANewCard()
        {
            VpcdVicc.RequireInstalled();
            using (VpcdRig rig = new VpcdRig())
            {
                int handle;
                int protocol;
                using (VpcdVicc.Start(rig.Port(0)))
                {
                    rig.WaitForCard(0);
                    handle = rig.Connect(0, out protocol);
                    Assert.AreEqual("90 00", rig.Send(handle, protocol, SelectMf));
                }

                rig.WaitFor(0, ScardConstants.StateEmpty);
                Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, protocol, SelectMf));

                using (VpcdVicc.Start(rig.Port(0)))
                {
                    ScardReaderState state = rig.WaitForCard(0);
                    Assert.AreEqual(VpcdVicc.Atr, HexText.Format(state.Atr, 0, state.AtrLength));
                    Assert.AreEqual("SCARD_W_REMOVED_CARD", rig.Send(handle, protocol, SelectMf), "the old handle stays removed");
                    int fresh = rig.Connect(0, out protocol);
                    Assert.AreEqual("90 00", rig.Send(fresh, protocol, SelectMf));
                }
            }
        }

        [TestMethod]
        public void TwoViccOnTwoPortsAreTwoReaders()
        {
            VpcdVicc.RequireInstalled();
            using (VpcdRig rig = new VpcdRig("", 2))
            {
                Assert.AreNotEqual(rig.Port(0), rig.Port(1));
                Assert.IsTrue(rig.ReaderName(0).Contains("127.0.0.1:" + rig.Port(0)), rig.ReaderName(0));
                using (VpcdVicc.Start(rig.Port(0)))
                {
                    using (VpcdVicc.Start(rig.Port(1)))
                    {
                        rig.WaitForCard(0);
                        rig.WaitForCard(1);
                        int protocol0;
                        int protocol1;
                        int handle0 = rig.Connect(0, out protocol0);
                        int handle1 = rig.Connect(1, out protocol1);
                        Assert.AreEqual("90 00", rig.Send(handle0, protocol0, SelectMf));
                        AssertChallenge(rig.Send(handle1, protocol1, GetChallenge));
                    }

                    rig.WaitFor(1, ScardConstants.StateEmpty);
                    ScardReaderState first = rig.WaitForCard(0);
                    Assert.AreEqual(0, first.EventState & ScardConstants.StateEmpty, "the other reader keeps its card");
                }
            }
        }

        private static void AssertChallenge(string response)
        {
            byte[] bytes = Convert.FromHexString(response.Replace(" ", ""));
            Assert.AreEqual(ChallengeResponseLength, bytes.Length, response);
            Assert.AreEqual("9000", HexText.StatusWord(bytes, 0, bytes.Length), response);
        }
    }
}
