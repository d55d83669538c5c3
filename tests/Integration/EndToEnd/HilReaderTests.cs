using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>The contact suite on a real board: ESC_HIL_BOARD with ESC_HIL_CARD=contact; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilContactReaderTests : ContactReaderSuite
    {
        protected override ReaderUnderTest CreateReader()
        {
            return new HilReader(HilEnvironment.ContactCard);
        }
    }

    /// <summary>The ISO 14443-4 suite on a real board: ESC_HIL_BOARD with ESC_HIL_CARD=iso14443-4; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilIso14443ReaderTests : Iso14443ReaderSuite
    {
        protected override ReaderUnderTest CreateReader()
        {
            return new HilReader(SimulatorPn532Cards.Iso14443_4);
        }
    }

    /// <summary>The storage-card suite on a real board: ESC_HIL_BOARD with ESC_HIL_CARD=mifare1k; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilMifare1KReaderTests : StorageCardReaderSuite
    {
        protected override string CardName
        {
            get { return Mifare1KName; }
        }

        protected override ReaderUnderTest CreateReader()
        {
            return new HilReader(SimulatorPn532Cards.Mifare1K);
        }
    }

    /// <summary>The storage-card suite on a real board: ESC_HIL_BOARD with ESC_HIL_CARD=ultralight; Inconclusive (skipped) otherwise.</summary>
    [TestClass]
    public sealed class HilUltralightReaderTests : StorageCardReaderSuite
    {
        protected override string CardName
        {
            get { return UltralightName; }
        }

        protected override ReaderUnderTest CreateReader()
        {
            return new HilReader(SimulatorPn532Cards.Ultralight);
        }
    }
}
