namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Whether a polling reader sees a card, behind a lock of its own: the driver writes it under its driver
    /// lock, and IsCardPresent reads it without waiting behind a long exchange that holds that lock.
    /// </summary>
    public sealed class CardPresence
    {
        readonly object presenceLock = new object();
        bool present;

        public bool IsPresent
        {
            get
            {
                lock (presenceLock)
                {
                    return present;
                }
            }
        }

        public void Set(bool cardPresent)
        {
            lock (presenceLock)
            {
                present = cardPresent;
            }
        }

        /// <summary>
        /// Reports a removal, then an arrival (a replaced card is both, in that order). The driver calls it outside
        /// its driver lock, so a handler may call back into the driver.
        /// </summary>
        public static void Raise(CardPresenceHandler handler, IReaderDriver driver, bool removed, bool arrived)
        {
            if (handler == null)
            {
                return;
            }

            if (removed)
            {
                handler(driver, false);
            }

            if (arrived)
            {
                handler(driver, true);
            }
        }
    }
}
