using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A manager over a "vpcd:0,readers=N" board: each reader listens on a free port the system chose, so
    /// parallel runs never collide. Readers are named by their index on the board.
    /// </summary>
    public sealed class VpcdRig : ManagerRig
    {
        public readonly VpcdBoard Board;

        public VpcdRig(string options = "", int readers = 1)
            : this(CreateBoard("vpcd:0,readers=" + readers + options))
        {
        }

        private VpcdRig(VpcdBoard board)
            : base(new SCardManager(board), board)
        {
            Board = board;
        }

        public int Port(int reader)
        {
            return Board.GetPort(reader);
        }

        public string ReaderName(int reader)
        {
            string[] names;
            Assert.AreEqual(ScardError.Success, Manager.ListReaders(Context, out names));
            return names[reader];
        }

        /// <summary>Waits until the reader shows a card powered on insertion: PRESENT with its ATR.</summary>
        public ScardReaderState WaitForCard(int reader)
        {
            return WaitFor(reader, ScardConstants.StatePresent, true);
        }

        /// <summary>Waits until the reader shows every bit of <paramref name="wanted"/>; returns its last state entry.</summary>
        public ScardReaderState WaitFor(int reader, int wanted, bool withAtr = false)
        {
            return WaitFor(ReaderName(reader), wanted, withAtr);
        }

        public int Connect(int reader, out int protocol)
        {
            return Connect(ReaderName(reader), out protocol);
        }

        private static VpcdBoard CreateBoard(string spec)
        {
            return VpcdBoard.Create(spec, VpcdSpec.Parse(spec));
        }
    }
}
