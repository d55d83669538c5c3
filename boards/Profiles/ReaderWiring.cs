namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>What every reader of a profile has: the name the resource manager lists and a reset line.</summary>
    public abstract class ReaderWiring
    {
        /// <summary>Friendly reader name, or null for the driver's default.</summary>
        public string ReaderName;

        /// <summary>The reset line (the card's RST, the PN532's RSTPDN), or null when not wired.</summary>
        public PinWiring Reset;
    }
}
