using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// Fault injection and the P70_IRQ output. Faults: the next response goes out with a damaged DCS (a NACK
    /// then gets the intact one); the chip hangs (no ACK, no response, RDY never set) until it is power-cycled.
    /// IRQ: an optional pin the chip holds low while a frame is ready for the host (reference iso7816-pn532.md §3.2).
    /// </summary>
    public sealed partial class VirtualPn532
    {
        private readonly byte[] _damagedResponse = new byte[Pn532Frame.MaxFrameLength];
        private bool _damageNextResponse;
        private bool _deliverDamaged;
        private bool _hung;
        private SimInputPin _irq;
        private VirtualTimer _irqTimer;

        /// <summary>True after <see cref="Hang"/> until <see cref="PowerCycle"/>.</summary>
        public bool Hung
        {
            get { return _hung; }
        }

        /// <summary>The P70_IRQ pin the chip drives (high = idle), or null when it is not wired.</summary>
        public SimInputPin Irq
        {
            get { return _irq; }
            set
            {
                lock (_sync)
                {
                    _irq = value;
                    UpdateIrq();
                }
            }
        }

        /// <summary>The next response frame the chip sends has its DCS inverted; a NACK gets the intact frame.</summary>
        public void DamageNextResponse()
        {
            lock (_sync)
            {
                _damageNextResponse = true;
            }
        }

        /// <summary>The chip stops answering altogether: frames are ignored and nothing pending is delivered.</summary>
        public void Hang()
        {
            lock (_sync)
            {
                _hung = true;
                UpdateIrq();
            }
        }

        /// <summary>Power off and on: back to the LowVbat power-on state, nothing pending, no fault armed.</summary>
        public void PowerCycle()
        {
            lock (_sync)
            {
                _hung = false;
                _damageNextResponse = false;
                _deliverDamaged = false;
                Abort();
                _responseLength = 0;
                ResetConfiguration();
                UpdateIrq();
            }
        }

        /// <summary>Arms the damaged copy of the response just written, if a fault asked for one.</summary>
        private void ApplyResponseFault()
        {
            _deliverDamaged = _damageNextResponse;
            if (!_damageNextResponse)
            {
                return;
            }

            _damageNextResponse = false;
            for (int i = 0; i < _responseLength; i++)
            {
                _damagedResponse[i] = _response[i];
            }

            // The DCS is the byte before the postamble.
            _damagedResponse[_responseLength - 2] ^= 0xFF;
        }

        /// <summary>IRQ low while a frame is ready; when one is scheduled for later, a timer lowers it then.</summary>
        private void UpdateIrq()
        {
            if (_irq == null)
            {
                return;
            }

            if (_irqTimer != null)
            {
                _clock.Cancel(_irqTimer);
                _irqTimer = null;
            }

            int length;
            long readyAt;
            byte[] frame = NextFrame(out length, out readyAt);
            bool ready = frame != null && _clock.NowMicros >= readyAt;
            _irq.Set(!ready);
            if (frame != null && !ready)
            {
                _irqTimer = _clock.Schedule(readyAt, OnIrqDue, null);
            }
        }

        private void OnIrqDue(VirtualTimer timer, long dueMicros)
        {
            lock (_sync)
            {
                _irqTimer = null;
                UpdateIrq();
            }
        }
    }
}
