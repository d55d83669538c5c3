using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.EndToEnd
{
    /// <summary>
    /// One contact slot of the full stack on the simulator: <see cref="SmartcardDevice"/> over a
    /// <see cref="UartCardReader"/> over the simulated line, pins and clock, with a <see cref="SimulatedCard"/>
    /// on the far end. A card that pulls itself out (a yank fault) opens the card-detect switch.
    /// </summary>
    internal sealed class EndToEndSlot
    {
        public const int ResponseCapacity = 1100;

        public readonly VirtualClock Clock = new VirtualClock(1000);
        public readonly SimUartLine Line;
        public readonly SimOutputPin Reset;
        public readonly SimOutputPin Vcc;
        public readonly SimClockOutput Clk = new SimClockOutput();
        public readonly SimInputPin CardDetect;
        public readonly UartReaderOptions Options;
        public readonly UartCardReader Reader;
        public readonly SmartcardDevice Device;
        public readonly byte[] Response = new byte[ResponseCapacity];
        public int ResponseLength;
        public SimulatedCard Card;

        /// <summary>Virtual time at which the card last left the slot, or -1.</summary>
        public long RemovedMicros = -1;

        public EndToEndSlot(UartReaderOptions options)
        {
            Options = options == null ? new UartReaderOptions() : options;
            Line = new SimUartLine(Clock, true);
            Reset = new SimOutputPin(Clock, false);
            Vcc = new SimOutputPin(Clock, false);
            CardDetect = new SimInputPin(Clock, !Options.CardDetectActiveHigh);
            Reader = new UartCardReader(Options, Line, Clock, Reset, Vcc, CardDetect, Clk);
            Device = new SmartcardDevice(Reader);
            Device.Open();
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
            Card = card;
            card.Removed += OnCardRemoved;
            card.Connect(Line, Reset, Vcc, Clk);
            CardDetect.Set(Options.CardDetectActiveHigh);
            Clock.Advance(Options.CardDetectDebounceMicros);
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

        /// <summary>Transmits and returns the response as hex, or the failing status's name.</summary>
        public string TransmitHex(string command)
        {
            SmartcardStatus status = Transmit(TestSupport.Hex(command));
            return status == SmartcardStatus.Success ? TestSupport.ToHex(Response, 0, ResponseLength) : "status " + ((int)status).ToString("X8");
        }

        public int AtrLength()
        {
            return Device.AtrLength;
        }

        private void OnCardRemoved(SimulatedCard card, long timeMicros)
        {
            RemovedMicros = timeMicros;
            CardDetect.Set(!Options.CardDetectActiveHigh);
        }
    }
}
