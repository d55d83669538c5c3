using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>The contact suite on the simulator board's slot and its dual T=0/T=1 card ("sim"); always runs.</summary>
    [TestClass]
    public sealed class SimulatorContactReaderTests : ContactReaderSuite
    {
        protected override ReaderUnderTest CreateReader()
        {
            return new SimulatorReader(HilEnvironment.ContactCard);
        }
    }

    /// <summary>The ISO 14443-4 suite on the simulated PN532 ("sim:pn532,taps=0:iso14443-4"); always runs.</summary>
    [TestClass]
    public sealed class SimulatorIso14443ReaderTests : Iso14443ReaderSuite
    {
        protected override ReaderUnderTest CreateReader()
        {
            return new SimulatorReader(SimulatorPn532Cards.Iso14443_4);
        }
    }

    /// <summary>The storage-card suite with the simulated PN532's MIFARE Classic 1K; always runs.</summary>
    [TestClass]
    public sealed class SimulatorMifare1KReaderTests : StorageCardReaderSuite
    {
        protected override string CardName
        {
            get { return Mifare1KName; }
        }

        protected override ReaderUnderTest CreateReader()
        {
            return new SimulatorReader(SimulatorPn532Cards.Mifare1K);
        }
    }

    /// <summary>The storage-card suite with the simulated PN532's Ultralight; always runs.</summary>
    [TestClass]
    public sealed class SimulatorUltralightReaderTests : StorageCardReaderSuite
    {
        protected override string CardName
        {
            get { return UltralightName; }
        }

        protected override ReaderUnderTest CreateReader()
        {
            return new SimulatorReader(SimulatorPn532Cards.Ultralight);
        }
    }
}
