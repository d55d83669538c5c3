namespace EmbeddedSmartCard.Hal
{
    /// <summary>
    /// Non-volatile storage for an append-only log (a file with fsync on Linux, the board's flash
    /// on nanoFramework, RAM with power-cut injection in the simulator). Bytes only ever join at the
    /// end; the one rewrite is <see cref="Truncate"/>, which a log uses at open to cut a torn tail.
    /// A medium failure is a <c>false</c>/negative result, never an exception.
    /// </summary>
    public interface IAppendStorage
    {
        /// <summary>Bytes currently stored (what a reader sees, flushed or not).</summary>
        long Length { get; }

        /// <summary>Copies up to <paramref name="count"/> bytes from <paramref name="position"/>;
        /// returns how many were copied (0 at or past the end), or -1 when the medium failed.</summary>
        int Read(long position, byte[] buffer, int offset, int count);

        /// <summary>Adds the bytes at the end; false when the medium refused them. They are durable
        /// only once <see cref="Flush"/> has returned true.</summary>
        bool Append(byte[] buffer, int offset, int count);

        /// <summary>Makes every appended byte durable (fsync); true once they have reached the medium.</summary>
        bool Flush();

        /// <summary>Cuts the stored bytes to <paramref name="length"/> (no longer than <see cref="Length"/>)
        /// and makes the cut durable.</summary>
        bool Truncate(long length);
    }
}
