namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The simulated card's file tree, with known contents the tests can check:
    /// <code>
    /// MF 3F00
    ///   EF 2F00   64 bytes, pattern; or, on a card with <see cref="CardProfile.ApplicationDirectory"/>,
    ///             EF.DIR: two records listing the applications, and beside it the PSE DF 1200
    ///             "1PAY.SYS.DDF01" with its directory EF 1201 (SFI 1) (<see cref="CardApplications"/>)
    ///   EF 0101 1024 bytes, pattern (long reads and updates)
    ///   EF 0102   32 bytes, zeros, UPDATE BINARY needs the PIN
    ///   DF 1000   named A0 00 00 00 01 01
    ///     EF 1001 128 bytes, pattern
    /// </code>
    /// "Pattern" is <see cref="CardApplet.PatternByte"/> of the offset.
    /// </summary>
    public static class CardFileSystem
    {
        public const int MasterFileId = 0x3F00;
        public const int DirectoryFileId = 0x2F00;
        public const int LargeFileId = 0x0101;
        public const int ProtectedFileId = 0x0102;
        public const int ApplicationFileId = 0x1000;
        public const int ApplicationDataFileId = 0x1001;

        private const int DirectorySize = 64;
        private const int LargeSize = 1024;
        private const int ProtectedSize = 32;
        private const int ApplicationDataSize = 128;

        /// <summary>The application DF name (AID).</summary>
        public static byte[] ApplicationName()
        {
            return new byte[] { 0xA0, 0x00, 0x00, 0x00, 0x01, 0x01 };
        }

        /// <summary>Builds a fresh tree for a card of <paramref name="profile"/> and returns its MF.</summary>
        public static CardFile Build(CardProfile profile)
        {
            CardFile master = CardFile.Dedicated(MasterFileId, null);
            if (profile.ApplicationDirectory)
            {
                master.Add(CardFile.LinearRecords(DirectoryFileId, CardApplications.DirectoryRecords()));
                master.Add(CardApplications.PaymentSystemEnvironment());
            }
            else
            {
                master.Add(CardFile.Elementary(DirectoryFileId, Pattern(DirectorySize), false));
            }

            master.Add(CardFile.Elementary(LargeFileId, Pattern(LargeSize), false));
            master.Add(CardFile.Elementary(ProtectedFileId, new byte[ProtectedSize], true));
            CardFile application = master.Add(CardFile.Dedicated(ApplicationFileId, ApplicationName()));
            application.Add(CardFile.Elementary(ApplicationDataFileId, Pattern(ApplicationDataSize), false));
            return master;
        }

        private static byte[] Pattern(int size)
        {
            byte[] content = new byte[size];
            for (int i = 0; i < size; i++)
            {
                content[i] = CardApplet.PatternByte(i);
            }

            return content;
        }
    }
}
