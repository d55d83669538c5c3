using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// A contact reader with an ISO 7816-3 card: its ATR offers T=0 or T=1, and in each protocol it offers
    /// the card answers an ISO 7816-4 SELECT of an application it does not have with "not found".
    /// </summary>
    public abstract class ContactReaderSuite : ReaderSuite
    {
        protected ContactReaderSuite(ReaderTarget target)
            : base(target, HilEnvironment.ContactCard)
        {
        }

        protected override string ProbeCommand
        {
            get { return SelectAbsentApplication; }
        }

        protected override int ConnectProtocols
        {
            get { return ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1; }
        }

        protected override void CheckAtr(Atr atr)
        {
            Assert.IsTrue((atr.OfferedProtocols & ConnectProtocols) != 0, "the ATR offers T=0 or T=1: protocols 0x" + atr.OfferedProtocols.ToString("X"));
        }

        [TestMethod]
        public void EachOfferedProtocolAnswersASelectOfAnAbsentApplicationWithNotFound()
        {
            using (EndToEndRig rig = OpenRig())
            {
                int offered = PresentAtr(rig).OfferedProtocols & ConnectProtocols;
                foreach (int wanted in new[] { ScardConstants.ProtocolT0, ScardConstants.ProtocolT1 })
                {
                    if ((offered & wanted) == 0)
                    {
                        continue;
                    }

                    int protocol;
                    int handle = rig.Connect(wanted, out protocol);
                    Assert.AreEqual(wanted, protocol);
                    AssertAbsentApplicationNotFound(rig, handle, protocol);
                    rig.Disconnect(handle, ScardConstants.ResetCard);
                }
            }
        }
    }
}
