namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// The named profiles. Each call builds a fresh <see cref="BoardProfile"/>; the pin choices (and why)
    /// are tabled in boards/Profiles/README.md. Pin numbers are the board's own GPIO numbering.
    /// </summary>
    public static class ProfileCatalog
    {
        /// <summary>Every profile name, as usage text lists them.</summary>
        public const string Names = RaspberryPiProfiles.Pn532I2c + ", " + RaspberryPiProfiles.Pn532Spi + ", "
            + RaspberryPiProfiles.Pn532Hsu + ", " + RaspberryPiProfiles.Contact + ", "
            + Esp32Profiles.Pn532Spi + ", " + Esp32Profiles.Pn532I2c + ", " + Esp32Profiles.Contact + ", "
            + Stm32f769Profiles.Contact;

        /// <summary>The profile called <paramref name="name"/>, or null if the catalogue has none.</summary>
        public static BoardProfile Find(string name)
        {
            BoardProfile profile = RaspberryPiProfiles.Find(name);
            if (profile == null)
            {
                profile = Esp32Profiles.Find(name);
            }

            if (profile == null)
            {
                profile = Stm32f769Profiles.Find(name);
            }

            return profile;
        }
    }
}
