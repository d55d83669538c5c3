using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// The RSTPDN input (reset and power-down, active low; reference iso7816-pn532.md §3.2): while the host holds
    /// it low the chip is off — it ignores every frame, drives none of its bus outputs (I2C NAKs its address,
    /// SPI reads 00, HSU stays silent) and forgets what was pending; the rising edge powers it on in the
    /// <see cref="PowerCycle"/> state (LowVbat, nothing pending, faults cleared, a hang ended).
    /// </summary>
    public sealed partial class VirtualPn532
    {
        private SimOutputPin _resetPin;
        private bool _powered = true;

        /// <summary>The RSTPDN pin the host drives (high after construction: the chip runs).</summary>
        public SimOutputPin ResetPin
        {
            get { return _resetPin; }
        }

        /// <summary>False while RSTPDN is held low.</summary>
        public bool Powered
        {
            get { return _powered; }
        }

        /// <summary>Neither answering nor taking frames: hung, or held in reset.</summary>
        private bool Silent
        {
            get { return _hung || !_powered; }
        }

        private void AttachResetPin()
        {
            _resetPin = new SimOutputPin(_clock, true);
            _resetPin.Written += OnResetPinWritten;
        }

        private void OnResetPinWritten(SimOutputPin pin, bool high, long timeMicros)
        {
            lock (_sync)
            {
                if (high == _powered)
                {
                    return;
                }

                // Both edges drop all state; only the rising one lets the chip answer again.
                _powered = high;
                PowerCycle();
            }
        }
    }
}
