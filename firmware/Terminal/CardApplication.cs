namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>An application a card announces: its AID, its label (null when it has none) and where it was found.</summary>
    public sealed class CardApplication
    {
        public const string FromEfDir = "EF.DIR";
        public const string FromPse = "PSE";
        public const string FromPpse = "PPSE";

        public CardApplication(byte[] aid, string label, string source)
        {
            Aid = aid;
            Label = label;
            Source = source;
        }

        public byte[] Aid { get; private set; }

        public string Label { get; private set; }

        /// <summary><see cref="FromEfDir"/>, <see cref="FromPse"/> or <see cref="FromPpse"/>.</summary>
        public string Source { get; private set; }
    }
}
