using System;
using System.Collections;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The default board: N simulated contact slots, each a <see cref="UartCardReader"/> over a simulated
    /// line with its own virtual clock (readers do not disturb each other), then any simulated PN532
    /// contactless readers added with <see cref="AddPn532"/>. Cards are inserted and removed through
    /// <see cref="GetSlot"/>, and move through a PN532's field by its <see cref="TapScript"/>. A PN532 can be
    /// unplugged and plugged back (<see cref="UnplugPn532"/>, <see cref="ReplugPn532"/>): the board reports it
    /// through <see cref="IHotplugBoard"/>, so the manager removes the reader and adds it again.
    /// </summary>
    public sealed class SimulatorBoard : IHotplugBoard
    {
        /// <summary>Friendly reader name; the manager adds " RR SS".</summary>
        public const string ReaderName = "EmbeddedSmartCard Simulated Contact Reader";

        /// <summary>The board spec name.</summary>
        public const string BoardName = "sim";

        private readonly SimulatorSlot[] _slots;
        private readonly ArrayList _pn532s = new ArrayList();
        private readonly ArrayList _unplugged = new ArrayList();

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

        /// <summary>Raised by <see cref="ReplugPn532"/> with the PN532's reader.</summary>
        public event BoardReaderHandler ReaderArrived;

        /// <summary>Raised by <see cref="UnplugPn532"/> with the PN532's reader.</summary>
        public event BoardReaderHandler ReaderLeft;

        public int ReaderCount
        {
            get { return _slots.Length + _pn532s.Count; }
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

        /// <summary>Adds a contactless reader after the slots and the PN532s added before; returns it.</summary>
        public SimulatorPn532 AddPn532(SimulatorPn532 pn532)
        {
            _pn532s.Add(pn532);
            return pn532;
        }

        /// <summary>The <paramref name="index"/>th PN532 (0 = the first added; its reader index is <see cref="SlotCount"/> + index).</summary>
        public SimulatorPn532 GetPn532(int index)
        {
            return (SimulatorPn532)_pn532s[index];
        }

        /// <summary>True while the <paramref name="index"/>th PN532 is unplugged.</summary>
        public bool IsPn532Unplugged(int index)
        {
            SimulatorPn532 pn532 = Pn532At(index);
            lock (_unplugged)
            {
                return _unplugged.Contains(pn532);
            }
        }

        /// <summary>
        /// Unplugs the <paramref name="index"/>th PN532 (its module pulled off the bus): <see cref="ReaderLeft"/> is
        /// raised with its reader, which the manager then removes and closes. Nothing happens if it is unplugged already.
        /// </summary>
        public void UnplugPn532(int index)
        {
            SimulatorPn532 pn532 = Pn532At(index);
            lock (_unplugged)
            {
                if (_unplugged.Contains(pn532))
                {
                    return;
                }

                _unplugged.Add(pn532);
            }

            Raise(ReaderLeft, pn532);
        }

        /// <summary>
        /// Plugs the <paramref name="index"/>th PN532 back: the chip comes back in its power-on state (LowVbat
        /// until the host's SAMConfiguration, as any module just plugged in) and <see cref="ReaderArrived"/> is
        /// raised with its reader, which the manager opens and lists again. Nothing happens if it is plugged in.
        /// </summary>
        public void ReplugPn532(int index)
        {
            SimulatorPn532 pn532 = Pn532At(index);
            lock (_unplugged)
            {
                if (!_unplugged.Contains(pn532))
                {
                    return;
                }

                _unplugged.Remove(pn532);
            }

            pn532.Chip.PowerCycle();
            Raise(ReaderArrived, pn532);
        }

        /// <summary>The simulator's readers change only through <see cref="UnplugPn532"/> and <see cref="ReplugPn532"/>: nothing to follow.</summary>
        public void StartWatching()
        {
        }

        public int SlotCount
        {
            get { return _slots.Length; }
        }

        public int Pn532Count
        {
            get { return _pn532s.Count; }
        }

        public IReaderDriver GetReader(int index)
        {
            return index < _slots.Length ? (IReaderDriver)_slots[index].Reader : GetPn532(index - _slots.Length).Reader;
        }

        public string GetReaderName(int index)
        {
            return index < _slots.Length ? _slots[index].Reader.Options.ReaderName : SimulatorPn532.ReaderName;
        }

        /// <summary>Takes every card out and closes every reader.</summary>
        public void Dispose()
        {
            for (int i = 0; i < _pn532s.Count; i++)
            {
                GetPn532(i).Dispose();
            }

            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i].Remove();
                _slots[i].Reader.Close();
                _slots[i].Line.Dispose();
            }
        }

        private SimulatorPn532 Pn532At(int index)
        {
            if (index < 0 || index >= _pn532s.Count)
            {
                throw new ArgumentException("no PN532 " + index.ToString() + " on the board (it has " + _pn532s.Count.ToString() + ")");
            }

            return GetPn532(index);
        }

        private void Raise(BoardReaderHandler handler, SimulatorPn532 pn532)
        {
            if (handler != null)
            {
                handler(this, pn532.Reader, SimulatorPn532.ReaderName);
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
