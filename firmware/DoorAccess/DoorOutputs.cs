using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The door's outputs: the strike relay, a green and a red LED and a buzzer (any may be missing). A grant
    /// releases the strike and lights green for the strike time with one beep; a denial lights red with three
    /// short beeps. Timing runs on the door's <see cref="IClock"/> without blocking: the controller calls
    /// <see cref="Update"/> after each wait and bounds the wait by <see cref="NextChangeMicros"/>.
    /// </summary>
    public sealed class DoorOutputs
    {
        /// <summary>Buzzer patterns (on, off, on … in ms): one beep for a grant, three for a denial.</summary>
        private static readonly int[] GrantedBeep = new int[] { 200 };
        private static readonly int[] DeniedBeeps = new int[] { 100, 100, 100, 100, 100 };

        private readonly IClock _clock;
        private readonly PinPattern _relay;
        private readonly PinPattern _ledGreen;
        private readonly PinPattern _ledRed;
        private readonly PinPattern _buzzer;
        private readonly int[] _strike = new int[1];
        private readonly int[] _denied = new int[1];

        public DoorOutputs(IClock clock, IOutputPin relay, IOutputPin ledGreen, IOutputPin ledRed, IOutputPin buzzer)
        {
            _clock = clock;
            _relay = new PinPattern(relay);
            _ledGreen = new PinPattern(ledGreen);
            _ledRed = new PinPattern(ledRed);
            _buzzer = new PinPattern(buzzer);
        }

        /// <summary>The earliest pending output change (<see cref="PinPattern.Never"/> when all are idle).</summary>
        public long NextChangeMicros
        {
            get { return Earliest(Earliest(_relay.NextChangeMicros, _ledGreen.NextChangeMicros), Earliest(_ledRed.NextChangeMicros, _buzzer.NextChangeMicros)); }
        }

        /// <summary>Releases the strike and lights green for <paramref name="strikeMillis"/>, one beep; ends a denial showing.</summary>
        public void Grant(int strikeMillis)
        {
            long now = _clock.NowMicros;
            _strike[0] = strikeMillis;
            _ledRed.Stop();
            _relay.Start(_strike, now);
            _ledGreen.Start(_strike, now);
            _buzzer.Start(GrantedBeep, now);
        }

        /// <summary>Lights red for <paramref name="shownMillis"/>, three beeps; locks a strike still released.</summary>
        public void Deny(int shownMillis)
        {
            long now = _clock.NowMicros;
            _denied[0] = shownMillis;
            _relay.Stop();
            _ledGreen.Stop();
            _ledRed.Start(_denied, now);
            _buzzer.Start(DeniedBeeps, now);
        }

        /// <summary>Brings every output to the level its pattern has now.</summary>
        public void Update()
        {
            long now = _clock.NowMicros;
            _relay.Update(now);
            _ledGreen.Update(now);
            _ledRed.Update(now);
            _buzzer.Update(now);
        }

        private static long Earliest(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
