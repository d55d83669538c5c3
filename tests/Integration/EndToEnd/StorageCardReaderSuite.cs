using EmbeddedSmartCard.Boards.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// A contactless reader with a memory card (MIFARE Classic, Ultralight): its pseudo-ATR names the card
    /// through the PC/SC part 3 storage-card historical bytes `80 4F 0C A0 00 00 03 06 SS NN NN 00 00 00 00`
    /// (reference pcsc.md §3.7): RID A0 00 00 03 06 (PC/SC), the standard SS and the card name NN NN.
    /// </summary>
    public abstract class StorageCardReaderSuite : ContactlessReaderSuite
    {
        /// <summary>Tag of the initial access data object after the 80 category indicator.</summary>
        public const byte InitialAccessTag = 0x4F;

        /// <summary>Standard byte SS 03: ISO/IEC 14443 A, part 3 (PC/SC part 3 supplement, standards table).</summary>
        private const string Iso14443APart3 = "03";

        /// <summary>Card name 00 01: MIFARE Classic 1K (PC/SC part 3 supplement, card names table).</summary>
        private const string Mifare1KName = "0001";

        /// <summary>Card name 00 03: MIFARE Ultralight.</summary>
        private const string UltralightName = "0003";

        private const string Header = "804F0CA000000306";
        private const string Reserved = "00000000";

        /// <param name="cardKind"><see cref="SimulatorPn532Cards.Mifare1K"/> or <see cref="SimulatorPn532Cards.Ultralight"/>.</param>
        protected StorageCardReaderSuite(ReaderTarget target, string cardKind)
            : base(target, cardKind)
        {
        }

        /// <summary>The card name NN NN the suite's card announces, as four hex digits.</summary>
        private string CardName
        {
            get { return CardKind == SimulatorPn532Cards.Mifare1K ? Mifare1KName : UltralightName; }
        }

        protected override void CheckHistoricalBytes(byte[] atr, int count)
        {
            Assert.AreEqual(Header + Iso14443APart3 + CardName + Reserved, System.Convert.ToHexString(atr, HistoricalOffset, count));
        }
    }
}
