using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>The contact suite on the board of ESC_HIL_BOARD when ESC_HIL_CARD=contact; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilContactReaderTests : ContactReaderSuite
    {
        public HilContactReaderTests() : base(ReaderTarget.RealBoard) { }
    }

    /// <summary>The ISO 14443-4 suite on the board of ESC_HIL_BOARD when ESC_HIL_CARD=iso14443-4; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilIso14443ReaderTests : Iso14443ReaderSuite
    {
        public HilIso14443ReaderTests() : base(ReaderTarget.RealBoard) { }
    }

    /// <summary>The storage-card suite on the board of ESC_HIL_BOARD when ESC_HIL_CARD=mifare1k; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilMifare1KReaderTests : StorageCardReaderSuite
    {
        public HilMifare1KReaderTests() : base(ReaderTarget.RealBoard, SimulatorPn532Cards.Mifare1K) { }
    }

    /// <summary>The storage-card suite on the board of ESC_HIL_BOARD when ESC_HIL_CARD=ultralight; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilUltralightReaderTests : StorageCardReaderSuite
    {
        public HilUltralightReaderTests() : base(ReaderTarget.RealBoard, SimulatorPn532Cards.Ultralight) { }
    }
}
