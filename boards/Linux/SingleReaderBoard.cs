using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>
    /// A board with one reader (index 0) and the hardware it was built on, which the board owns: Dispose closes
    /// the reader, then releases the parts in reverse order of opening.
    /// </summary>
    public abstract class SingleReaderBoard : IBoard
    {
        private readonly string name;
        private readonly string kind;
        private readonly IReaderDriver reader;
        private readonly string readerName;
        private readonly OwnedParts owned;

        /// <param name="name">The board spec the board was built from.</param>
        /// <param name="kind">The spec's prefix ("pn532", "uart-card"), named when an index is out of range.</param>
        private protected SingleReaderBoard(string name, string kind, IReaderDriver reader, string readerName, OwnedParts owned)
        {
            this.name = name;
            this.kind = kind;
            this.reader = reader;
            this.readerName = readerName;
            this.owned = owned;
        }

        public string Name
        {
            get { return name; }
        }

        public int ReaderCount
        {
            get { return 1; }
        }

        public IReaderDriver GetReader(int index)
        {
            CheckIndex(index);
            return reader;
        }

        public string GetReaderName(int index)
        {
            CheckIndex(index);
            return readerName;
        }

        public void Dispose()
        {
            reader.Close();
            owned.DisposeAll();
        }

        private void CheckIndex(int index)
        {
            if (index != 0)
            {
                throw new ArgumentOutOfRangeException("index", "a " + kind + " board has one reader (index 0), got " + index);
            }
        }
    }
}
