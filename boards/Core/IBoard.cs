using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Boards
{
    /// <summary>
    /// A named wiring that builds a set of reader drivers (which pin is RST, which line holds the
    /// card). The manager turns each reader into a PC/SC reader named after <see cref="GetReaderName"/>.
    /// </summary>
    public interface IBoard : IDisposable
    {
        /// <summary>The board spec it was built from, e.g. "sim" or "uart-card:/dev/ttyAMA0".</summary>
        string Name { get; }

        int ReaderCount { get; }

        IReaderDriver GetReader(int index);

        /// <summary>Friendly reader name without the " RR SS" suffix the manager adds.</summary>
        string GetReaderName(int index);
    }
}
