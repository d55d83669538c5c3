using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Boards.Simulator;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// The simulator as the suites' reader: "sim" (the dual T=0/T=1 card in the contact slot) or
    /// "sim:pn532,taps=0:&lt;card&gt;" (that card in the simulated PN532's field from the start). Each test
    /// builds its own board, so a card taken out never has to come back.
    /// </summary>
    public sealed class SimulatorReader : ReaderUnderTest
    {
        private readonly string cardKind;

        /// <param name="cardKind">One of <see cref="HilEnvironment.CardKinds"/>.</param>
        public SimulatorReader(string cardKind)
        {
            this.cardKind = cardKind;
        }

        public override string BoardSpec
        {
            get { return IsContact ? BoardFactory.SimulatorSpec : BoardFactory.SimulatorPn532Spec + ",taps=0:" + cardKind; }
        }

        public override int RemovalPatienceMillis
        {
            get { return ManagerRig.Patience; }
        }

        public override byte[] ExpectedUid
        {
            get
            {
                switch (cardKind)
                {
                    case SimulatorPn532Cards.Iso14443_4:
                        return SimulatorPn532Cards.Iso14443_4Uid;
                    case SimulatorPn532Cards.Mifare1K:
                        return SimulatorPn532Cards.Mifare1KUid;
                    case SimulatorPn532Cards.Ultralight:
                        return SimulatorPn532Cards.UltralightUid;
                    default:
                        return null;
                }
            }
        }

        private bool IsContact
        {
            get { return cardKind == HilEnvironment.ContactCard; }
        }

        protected override string ReaderNamePart
        {
            get { return IsContact ? SimulatorBoard.ReaderName : SimulatorPn532.ReaderName; }
        }

        public override void TakeCardOut(EndToEndRig rig)
        {
            SimulatorBoard board = (SimulatorBoard)rig.Board;
            if (IsContact)
            {
                board.GetSlot(0).Remove();
            }
            else
            {
                board.GetPn532(0).Chip.RemoveCard();
            }
        }
    }
}
