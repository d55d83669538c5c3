using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// The full stack on one simulator slot: <see cref="SmartcardDevice"/> over the slot's
    /// <see cref="UartCardReader"/> over the simulated line, pins and clock, with a <see cref="SimulatedCard"/>
    /// inserted. Remembers when the card pulled itself out (a yank fault) so tests can measure, on the
    /// virtual clock, how long the stack took to notice.
    /// </summary>
    internal sealed class EndToEndSlot
    {
        public const int ResponseCapacity = 1100;

        public readonly SimulatorSlot Slot;
        public readonly UartReaderOptions Options;
        public readonly SmartcardDevice Device;
        public readonly byte[] Response = new byte[ResponseCapacity];
        public int ResponseLength;

        /// <summary>Virtual time at which the card last left the slot, or -1.</summary>
        public long RemovedMicros = -1;

        /// <summary>A slot of the default <see cref="SimulatorBoard"/>, or a stand-alone slot with <paramref name="options"/>.</summary>
        public EndToEndSlot(UartReaderOptions options)
        {
            Slot = options == null ? new SimulatorBoard(1).GetSlot(0) : new SimulatorSlot(options);
            Options = Slot.Reader.Options;
            Device = new SmartcardDevice(Slot.Reader);
            Device.Open();
        }

        public VirtualClock Clock
        {
            get { return Slot.Clock; }
        }

        public SimUartLine Line
        {
            get { return Slot.Line; }
        }

        public SimOutputPin Vcc
        {
            get { return Slot.Vcc; }
        }

        public SimulatedCard Card
        {
            get { return Slot.Card; }
        }

        /// <summary>A slot with <paramref name="profile"/>'s card inserted and its insertion noticed.</summary>
        public static EndToEndSlot With(CardProfile profile, UartReaderOptions options)
        {
            EndToEndSlot slot = new EndToEndSlot(options);
            slot.Insert(new SimulatedCard(profile));
            return slot;
        }

        public void Insert(SimulatedCard card)
        {
            card.Removed += OnCardRemoved;
            Slot.Insert(card);
        }

        /// <summary>Cold reset then protocol selection among <paramref name="protocols"/>.</summary>
        public SmartcardStatus Connect(int protocols)
        {
            SmartcardStatus status = Device.Power(PowerAction.ColdReset);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            int selected;
            return Device.SetProtocol(protocols, out selected);
        }

        public SmartcardStatus Transmit(byte[] command)
        {
            return Device.Transmit(Device.SelectedProtocol, command, 0, command.Length, Response, 0, ResponseCapacity, out ResponseLength);
        }

        /// <summary>Transmits and returns the response as hex, or the failing status.</summary>
        public string TransmitHex(string command)
        {
            SmartcardStatus status = Transmit(TestSupport.Hex(command));
            return status == SmartcardStatus.Success ? TestSupport.ToHex(Response, 0, ResponseLength) : "status " + ((int)status).ToString("X8");
        }

        private void OnCardRemoved(SimulatedCard card, long timeMicros)
        {
            RemovedMicros = timeMicros;
        }
    }
}
