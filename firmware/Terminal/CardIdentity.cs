using System.Collections;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>What the terminal found out about one card (<see cref="CardIdentifier"/>).</summary>
    public sealed class CardIdentity
    {
        public CardIdentity(string readerName, Atr atr, int protocol, CardType type, byte[] uid, ArrayList applications)
        {
            ReaderName = readerName;
            Atr = atr;
            Protocol = protocol;
            Type = type;
            Uid = uid;
            Applications = applications;
        }

        public string ReaderName { get; private set; }

        /// <summary>The parsed ATR (the reader's pseudo-ATR for a contactless card).</summary>
        public Atr Atr { get; private set; }

        /// <summary>The protocol of the connection (Protocols.T0, T1).</summary>
        public int Protocol { get; private set; }

        public CardType Type { get; private set; }

        /// <summary>The UID (NFCID1 or PUPI) of a contactless card, null for a contact card.</summary>
        public byte[] Uid { get; private set; }

        /// <summary>The <see cref="CardApplication"/>s the card announces, in the order found.</summary>
        public ArrayList Applications { get; private set; }

        public int ApplicationCount
        {
            get { return Applications.Count; }
        }

        public CardApplication GetApplication(int index)
        {
            return (CardApplication)Applications[index];
        }
    }
}
