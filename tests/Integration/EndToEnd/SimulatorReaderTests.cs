using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>The contact suite on the simulator board's slot and its dual T=0/T=1 card ("sim"); always runs.</summary>
    [TestClass]
    public sealed class SimulatorContactReaderTests : ContactReaderSuite
    {
        public SimulatorContactReaderTests() : base(ReaderTarget.Simulator) { }
    }

    /// <summary>The ISO 14443-4 suite on the simulated PN532 ("sim:pn532,taps=0:iso14443-4"); always runs.</summary>
    [TestClass]
    public sealed class SimulatorIso14443ReaderTests : Iso14443ReaderSuite
    {
        public SimulatorIso14443ReaderTests() : base(ReaderTarget.Simulator) { }
    }

    /// <summary>The storage-card suite with the simulated PN532's MIFARE Classic 1K; always runs.</summary>
    [TestClass]
    public sealed class SimulatorMifare1KReaderTests : StorageCardReaderSuite
    {
        public SimulatorMifare1KReaderTests() : base(ReaderTarget.Simulator, SimulatorPn532Cards.Mifare1K) { }
    }

    /// <summary>The storage-card suite with the simulated PN532's Ultralight; always runs.</summary>
    [TestClass]
    public sealed class SimulatorUltralightReaderTests : StorageCardReaderSuite
    {
        public SimulatorUltralightReaderTests() : base(ReaderTarget.Simulator, SimulatorPn532Cards.Ultralight) { }
    }
}
