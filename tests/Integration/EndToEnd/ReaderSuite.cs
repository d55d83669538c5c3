using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// What every reader must do end to end through the SCard API, whatever the card: be listed, show the
    /// card with a well-formed ATR, keep to the disconnect dispositions (PC/SC part 5 §3.1.5, SCardDisconnect),
    /// and see the card leave. The derived suites add what their kind of card answers; [TestClass]es derived
    /// from those pick the <see cref="ReaderTarget"/>: the simulator, or a real board.
    /// </summary>
    public abstract class ReaderSuite
    {
        /// <summary>
        /// SELECT by DF name, no response data wanted (ISO 7816-4 §11.2.2: P1 04, P2 0C), of an AID in the
        /// proprietary category F (ISO 7816-5 §5.2) that no card issuer registers: "ESC-HIL" in ASCII after F0.
        /// </summary>
        protected const string SelectAbsentApplication = "00A4040C08F04553432D48494C";

        /// <summary>SW1 6A: wrong parameters P1-P2, the class of 6A 82 "file or application not found" (ISO 7816-4 §5.6, table 6).</summary>
        private const string WrongParametersClass = "6A";

        private readonly ReaderTarget target;
        private readonly string cardKind;

        /// <param name="cardKind">The card on the reader: one of <see cref="HilEnvironment.CardKinds"/>.</param>
        protected ReaderSuite(ReaderTarget target, string cardKind)
        {
            this.target = target;
            this.cardKind = cardKind;
        }

        protected string CardKind
        {
            get { return cardKind; }
        }

        /// <summary>A command the suite's card answers with a status word (any), for the exchanges around dispositions.</summary>
        protected abstract string ProbeCommand { get; }

        /// <summary>The protocols to connect with: T=0 or T=1 for a contact card, T=1 for a contactless one.</summary>
        protected abstract int ConnectProtocols { get; }

        /// <summary>The suite's checks of the card's ATR beyond its structure.</summary>
        protected abstract void CheckAtr(Atr atr);

        [TestMethod]
        public void TheReaderIsListed()
        {
            using (EndToEndRig rig = OpenRig())
            {
                string[] names;
                Assert.AreEqual(ScardError.Success, rig.Manager.ListReaders(rig.Context, out names));
                CollectionAssert.Contains(names, rig.Reader);
            }
        }

        [TestMethod]
        public void TheCardIsPresentWithAWellFormedAtr()
        {
            using (EndToEndRig rig = OpenRig())
            {
                Atr atr = PresentAtr(rig);
                Assert.IsTrue(atr.IsStructurallyValid, "ATR " + Hex(atr.Bytes, atr.Length) + ": TS, length and TCK (reference iso7816-pn532.md §1.3)");
                CheckAtr(atr);
            }
        }

        [TestMethod]
        public void StatusNamesTheReaderTheProtocolAndTheAtr()
        {
            using (EndToEndRig rig = OpenRig())
            {
                int protocol;
                int handle = ConnectToCard(rig, out protocol);
                byte[] statusAtr = new byte[ScardConstants.MaxAtrSize];
                string reader;
                int state;
                int statusProtocol;
                int atrLength;
                Assert.AreEqual(ScardError.Success, rig.Manager.Status(handle, out reader, out state, out statusProtocol, statusAtr, out atrLength));
                Assert.AreEqual(rig.Reader, reader);
                Assert.AreEqual(ScardConstants.Specific, state & ScardConstants.Specific, "a protocol is set: state " + state);
                Assert.AreEqual(protocol, statusProtocol);
                Atr atr = PresentAtr(rig);
                Assert.AreEqual(Hex(atr.Bytes, atr.Length), Hex(statusAtr, atrLength), "the ATR the reader state shows");
                rig.Disconnect(handle, ScardConstants.LeaveCard);
            }
        }

        [TestMethod]
        public void LeaveCardKeepsTheCardPoweredForTheNextConnection()
        {
            using (EndToEndRig rig = OpenRig())
            {
                PresentAtr(rig);
                AssertANewConnectionWorks(rig);

                ScardReaderState entry = rig.WaitFor(rig.Reader, ScardConstants.StatePresent, true);
                Assert.AreEqual(0, entry.EventState & ScardConstants.StateUnpowered, "still powered: state 0x" + entry.EventState.ToString("X"));
                AssertANewConnectionWorks(rig);
            }
        }

        [TestMethod]
        public void ResetCardIsReportedToTheOtherHandleUntilItReconnects()
        {
            using (EndToEndRig rig = OpenRig())
            {
                int protocol;
                int resetting = ConnectToCard(rig, out protocol);
                int other = rig.Connect(ConnectProtocols, out protocol);
                rig.Disconnect(resetting, ScardConstants.ResetCard);

                int result;
                rig.TryExchange(other, protocol, ProbeCommand, out result);
                Assert.AreEqual(ScardError.GetName(ScardError.ResetCard), ScardError.GetName(result), "the other handle learns of the reset once");
                Assert.AreEqual(ScardError.Success, rig.Manager.Reconnect(other, ScardConstants.ShareShared, ConnectProtocols, ScardConstants.LeaveCard, out protocol));
                rig.Exchange(other, protocol, ProbeCommand);
                rig.Disconnect(other, ScardConstants.LeaveCard);
            }
        }

        [TestMethod]
        public void UnpowerCardLeavesTheCardUnpoweredUntilTheNextConnection()
        {
            using (EndToEndRig rig = OpenRig())
            {
                Atr atr = PresentAtr(rig);
                int protocol;
                int handle = rig.Connect(ConnectProtocols, out protocol);
                rig.Disconnect(handle, ScardConstants.UnpowerCard);

                rig.WaitFor(rig.Reader, ScardConstants.StatePresent | ScardConstants.StateUnpowered);
                AssertANewConnectionWorks(rig);
                Assert.AreEqual(Hex(atr.Bytes, atr.Length), Hex(PresentAtr(rig).Bytes, atr.Length), "powered again with the same ATR");
            }
        }

        [TestMethod]
        public void RemovalIsSeenAndTheConnectedHandleGetsRemovedCard()
        {
            using (EndToEndRig rig = OpenRig())
            {
                int protocol;
                int handle = ConnectToCard(rig, out protocol);
                rig.Target.TakeCardOut(rig);

                rig.WaitFor(rig.Reader, ScardConstants.StateEmpty, false, rig.Target.RemovalPatienceMillis);
                int result;
                rig.TryExchange(handle, protocol, ProbeCommand, out result);
                Assert.AreEqual(ScardError.GetName(ScardError.RemovedCard), ScardError.GetName(result));
                rig.Manager.Disconnect(handle, ScardConstants.LeaveCard);
                rig.Target.PutCardBack(rig);
            }
        }

        /// <summary>The rig over this suite's target: the simulator board, or the real board (Inconclusive when the environment does not describe one).</summary>
        protected EndToEndRig OpenRig()
        {
            ReaderUnderTest reader = target == ReaderTarget.Simulator ? new SimulatorReader(cardKind) : (ReaderUnderTest)new HilReader(cardKind);
            return new EndToEndRig(reader);
        }

        /// <summary>Waits (bounded) for the card with its ATR, then connects with the suite's protocols; returns the handle.</summary>
        protected int ConnectToCard(EndToEndRig rig, out int protocol)
        {
            PresentAtr(rig);
            return rig.Connect(ConnectProtocols, out protocol);
        }

        /// <summary>A new connection to the card answers the probe command; it then leaves the card as it is.</summary>
        private void AssertANewConnectionWorks(EndToEndRig rig)
        {
            int protocol;
            int handle = rig.Connect(ConnectProtocols, out protocol);
            rig.Exchange(handle, protocol, ProbeCommand);
            rig.Disconnect(handle, ScardConstants.LeaveCard);
        }

        /// <summary>Waits (bounded) for the card with its ATR and parses it.</summary>
        protected static Atr PresentAtr(EndToEndRig rig)
        {
            ScardReaderState entry = rig.WaitFor(rig.Reader, ScardConstants.StatePresent, true);
            return Atr.Parse(entry.Atr, 0, entry.AtrLength);
        }

        /// <summary>The card answers <see cref="SelectAbsentApplication"/> with SW1 <see cref="WrongParametersClass"/> (SW1 SW2 end the response, ISO 7816-4 §5.1).</summary>
        protected static void AssertAbsentApplicationNotFound(EndToEndRig rig, int handle, int protocol)
        {
            byte[] response = rig.Exchange(handle, protocol, SelectAbsentApplication);
            string statusWord = Hex(response, response.Length).Substring(2 * (response.Length - 2));
            StringAssert.StartsWith(statusWord, WrongParametersClass, "SELECT of an absent application, protocol " + protocol);
        }

        protected static string Hex(byte[] bytes, int length)
        {
            return System.Convert.ToHexString(bytes, 0, length);
        }
    }
}
