using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The default board: N simulated contact slots, each a <see cref="UartCardReader"/> over a simulated
    /// line with its own virtual clock (readers do not disturb each other). Cards are inserted and removed
    /// through <see cref="GetSlot"/>.
    /// </summary>
    public sealed class SimulatorBoard : IBoard
    {
        /// <summary>Friendly reader name; the manager adds " RR SS".</summary>
        public const string ReaderName = "EmbeddedSmartCard Simulated Contact Reader";

        /// <summary>The board spec name.</summary>
        public const string BoardName = "sim";

        private readonly SimulatorSlot[] _slots;

        public SimulatorBoard(int slotCount)
            : this(BoardName, slotCount)
        {
        }

        public SimulatorBoard(string name, int slotCount)
        {
            Name = name;
            _slots = new SimulatorSlot[slotCount > 0 ? slotCount : 0];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new SimulatorSlot(NewOptions(i));
            }
        }

        public string Name { get; private set; }

        public int ReaderCount
        {
            get { return _slots.Length; }
        }

        /// <summary>A one-slot board with a dual T=0/T=1 card inserted: ready for a demo session.</summary>
        public static SimulatorBoard CreateDemo()
        {
            SimulatorBoard board = new SimulatorBoard(1);
            board.GetSlot(0).Insert(new SimulatedCard(CardProfile.DualT0T1()));
            return board;
        }

        public SimulatorSlot GetSlot(int index)
        {
            return _slots[index];
        }

        public IReaderDriver GetReader(int index)
        {
            return _slots[index].Reader;
        }

        public string GetReaderName(int index)
        {
            return _slots[index].Reader.Options.ReaderName;
        }

        /// <summary>Takes every card out and closes every reader.</summary>
        public void Dispose()
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i].Remove();
                _slots[i].Reader.Close();
                _slots[i].Line.Dispose();
            }
        }

        private static UartReaderOptions NewOptions(int index)
        {
            UartReaderOptions options = new UartReaderOptions();
            options.ReaderName = ReaderName;
            options.SerialNumber = BoardName + index.ToString();
            return options;
        }
    }
}
