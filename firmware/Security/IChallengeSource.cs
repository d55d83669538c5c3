namespace EmbeddedSmartCard.Firmware.Security
{
    /// <summary>
    /// Where the reader's challenges come from. On a device it is the hardware random number generator;
    /// tests give fixed bytes. It must not repeat, or a recorded answer can be replayed.
    /// </summary>
    public interface IChallengeSource
    {
        /// <summary>Fills <paramref name="count"/> bytes at <paramref name="offset"/> with fresh random bytes.</summary>
        void Fill(byte[] buffer, int offset, int count);
    }
}
