using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Boards
{
    /// <summary>Raised by a hot-plug board for one reader that arrived or left.</summary>
    public delegate void BoardReaderHandler(IHotplugBoard board, IReaderDriver driver, string friendlyName);

    /// <summary>
    /// Optional for a board whose readers follow something outside it — the host's PC/SC readers, plugged in and
    /// out. Its <see cref="IBoard"/> readers are those present when it was built; the manager subscribes to the
    /// two events when it adds the board and then calls <see cref="StartWatching"/>, so no change is missed.
    /// A reader that left is removed from the manager (its handles get READER_UNAVAILABLE, pcsc.md §3.3).
    /// </summary>
    public interface IHotplugBoard : IBoard
    {
        event BoardReaderHandler ReaderArrived;

        event BoardReaderHandler ReaderLeft;

        /// <summary>Starts following the readers (a thread of the board's, stopped by Dispose).</summary>
        void StartWatching();
    }
}
