using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Uart;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Uart
{
    /// <summary>
    /// One UART reader wired to a <see cref="ScriptedCardPeer"/> on a virtual clock, with a log of
    /// every pin and clock action ("RST0 VCC1 CLK …") so tests can check the order of activation and
    /// deactivation and the time of each step.
    /// </summary>
    internal sealed class UartRig
    {
        public readonly VirtualClock Clock = new VirtualClock(1000);
        public readonly SimUartLine Line;
        public readonly SimOutputPin Reset;
        public readonly SimOutputPin Vcc;
        public readonly SimInputPin CardDetect;
        public readonly RecordingClockOutput Clk;
        public readonly ScriptedCardPeer Card;
        public readonly UartReaderOptions Options;
        public readonly UartCardReader Reader;
        public readonly byte[] AtrBuffer = new byte[40];
        public int AtrLength;

        public string Log = "";
        public long ResetRiseMicros = -1;
        public int PresenceEvents;
        public bool LastPresence = true;

        public UartRig(UartReaderOptions options, bool withResetPin, bool withCardDetect)
        {
            Options = options == null ? new UartReaderOptions() : options;
            Line = new SimUartLine(Clock, true);
            Vcc = new SimOutputPin(Clock, false);
            Vcc.Written += OnPinWritten;
            Clk = new RecordingClockOutput(this);
            Card = new ScriptedCardPeer(Clock, Line, Clk);
            if (withResetPin)
            {
                Reset = new SimOutputPin(Clock, false);
                Reset.Written += OnPinWritten;
                Card.WatchReset(Reset);
            }

            if (withCardDetect)
            {
                CardDetect = new SimInputPin(Clock, true);
            }

            Reader = new UartCardReader(Options, Line, Clock, Reset, Vcc, CardDetect, Clk);
            Reader.PresenceChanged += OnPresenceChanged;
        }

        public static UartRig Open(UartReaderOptions options)
        {
            UartRig rig = new UartRig(options, true, true);
            rig.Reader.Open();
            rig.Log = "";
            return rig;
        }

        public SmartcardStatus ColdReset()
        {
            return Reader.Power(PowerAction.ColdReset, AtrBuffer, 0, out AtrLength);
        }

        /// <summary>Applies Fd/Dd timing for the given guard and turnaround, as the library would after the ATR.</summary>
        public SmartcardStatus ApplyTiming(int guardEtu, bool inverse)
        {
            CardTiming timing = new CardTiming();
            timing.ClockHz = Options.ClockHz;
            timing.CharacterGuardEtu = guardEtu;
            timing.N = guardEtu > 12 ? guardEtu - 12 : 0;
            timing.InverseConvention = inverse;
            return Reader.ApplyTiming(timing);
        }

        /// <summary>Duration of <paramref name="etu"/> at Fd/Dd on the configured clock.</summary>
        public long EtuMicros(int etu)
        {
            return (long)etu * 372 * 1000000L / Options.ClockHz;
        }

        public void Append(string entry)
        {
            Log = Log.Length == 0 ? entry : Log + " " + entry;
        }

        private void OnPinWritten(SimOutputPin pin, bool high, long timeMicros)
        {
            string name = pin == Vcc ? "VCC" : "RST";
            Append(name + (high ? "1" : "0"));
            if (pin == Reset && high)
            {
                ResetRiseMicros = timeMicros;
            }
        }

        private void OnPresenceChanged(IReaderDriver driver, bool present)
        {
            PresenceEvents++;
            LastPresence = present;
        }
    }

    /// <summary>A clock output that logs its starts and stops into the rig's log.</summary>
    internal sealed class RecordingClockOutput : IClockOutput
    {
        private readonly UartRig rig;

        public RecordingClockOutput(UartRig rig)
        {
            this.rig = rig;
        }

        public int FrequencyHz { get; private set; }

        public long StartedMicros = -1;

        public void Start(int frequencyHz)
        {
            FrequencyHz = frequencyHz;
            StartedMicros = rig.Clock.NowMicros;
            rig.Append("CLK1");
        }

        public void Stop()
        {
            FrequencyHz = 0;
            rig.Append("CLK0");
        }
    }
}
