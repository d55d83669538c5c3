namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>Settings of a <see cref="PcscHostReader"/>.</summary>
    public sealed class PcscHostReaderOptions
    {
        /// <summary>
        /// Bound on one SCardGetStatusChange of the presence thread, and the retry period while pcscd is away.
        /// pcscd reports a card event as soon as it sees it, so this only bounds how long Close waits and how
        /// soon a returning pcscd is noticed.
        /// </summary>
        public int PollPeriodMillis = 500;

        /// <summary>The protocols asked of the host in SCardConnect: T=0 or T=1, pcscd chooses (T=1 first).</summary>
        public int PreferredProtocols = Protocols.T0 | Protocols.T1;
    }
}
