using System.Collections;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager.Iso7816;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Identifies the card of a connection: the ATR, the card type it implies, the UID of a contactless
    /// card (GET DATA FF CA 00 00, PC/SC Part 3 §3.2.2.1.3) and, for cards that speak ISO 7816-4
    /// (contact and ISO 14443-4), the applications of EF.DIR and of the PSE (contact) or PPSE
    /// (contactless). MIFARE storage cards have no file system, so only their UID is read.
    /// Card errors propagate as PcscException.
    /// </summary>
    public static class CardIdentifier
    {
        private const byte ClaPcscPseudo = 0xFF;
        private const byte InsGetData = 0xCA;
        private const byte GetDataUid = 0x00;
        private const int AnyLength = CommandApdu.MaxShortNe;

        public static CardIdentity Identify(CardConnection connection)
        {
            CardStatus status = connection.GetStatus();
            byte[] atrBytes = status.Atr;
            Atr atr = Atr.Parse(atrBytes, 0, atrBytes.Length);
            CardType type = CardClassifier.Classify(atrBytes, 0, atrBytes.Length, connection.Protocol);
            IsoCard card = new IsoCard(connection);
            byte[] uid = CardClassifier.IsContactless(type) ? ReadUid(card) : null;
            ArrayList applications = new ArrayList();
            if (SpeaksIso7816(type))
            {
                DirectoryReader.ReadEfDir(card, applications);
                bool contactless = CardClassifier.IsContactless(type);
                DirectoryReader.ReadPaymentDirectory(card,
                    contactless ? DirectoryReader.PpseName : DirectoryReader.PseName,
                    contactless ? CardApplication.FromPpse : CardApplication.FromPse,
                    applications);
            }

            return new CardIdentity(connection.ReaderName, atr, connection.Protocol, type, uid, applications);
        }

        private static bool SpeaksIso7816(CardType type)
        {
            return type == CardType.ContactT0 || type == CardType.ContactT1 || type == CardType.Iso14443_4A || type == CardType.Iso14443_4B;
        }

        /// <summary>The UID, or null when the reader does not answer 9000 to GET DATA.</summary>
        private static byte[] ReadUid(IsoCard card)
        {
            ResponseApdu answer = card.Transmit(new CommandApdu(ClaPcscPseudo, InsGetData, GetDataUid, 0x00, null, AnyLength));
            return answer.IsSuccess ? answer.GetData() : null;
        }
    }
}
