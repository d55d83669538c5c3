using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>The reset of a line without an RST wire: FF FF at a command boundary, and 100 ms of silence forgetting a half-received command (docs/architecture.md).</summary>
    public sealed partial class SimulatedCard
    {
        /// <summary>
        /// The in-band reset of a line without RST: FF FF at a command boundary (in the reader's convention, at
        /// the current or the initial rate). Returns true when the character was taken by it.
        /// </summary>
        private bool TakeInBandReset(byte data, bool parityBit, long startMicros, int baudRate)
        {
            if (_lastHostStart != long.MinValue && startMicros - _lastHostStart > InBandSilenceMicros)
            {
                ForgetPartial();
            }

            _lastHostStart = startMicros;
            bool resetByte = IsInBandResetByte(data, baudRate);
            if (_heldResetByte)
            {
                _heldResetByte = false;
                if (resetByte)
                {
                    long end = startMicros + SimUartLine.CharacterMicros(HostCharacterEtu, baudRate);
                    StartAtr(end);
                    return true;
                }

                // The held FF was the start of traffic after all (a PPSS): the card takes it now.
                Deliver(_heldData, _heldParityBit, _heldStart, _heldBaudRate);
                return false;
            }

            if (resetByte && AtCommandBoundary())
            {
                _heldResetByte = true;
                _heldData = data;
                _heldParityBit = parityBit;
                _heldStart = startMicros;
                _heldBaudRate = baudRate;
                return true;
            }

            return false;
        }

        /// <summary>
        /// FF in the convention the reader uses now: direct right after power-up (the reader does not know
        /// the card yet), the card's own convention once it has answered a reset. The parity bit is not
        /// looked at, so a byte-only bridge (a pty) carries the reset too.
        /// </summary>
        private bool IsInBandResetByte(byte data, int baudRate)
        {
            bool rateMatches = SimUartLine.BaudRatesMatch(baudRate, _wire.BaudRate) || SimUartLine.BaudRatesMatch(baudRate, _wire.InitialBaudRate);
            bool inverse = _wire.Inverse && _state != SimulatedCardState.InReset;
            return rateMatches && data == (inverse ? InBandResetInverseWire : InBandResetDirect);
        }

        private bool AtCommandBoundary()
        {
            switch (_state)
            {
                case SimulatedCardState.Pps:
                    return false;
                case SimulatedCardState.T0:
                    return _t0.AtCommandBoundary;
                case SimulatedCardState.T1:
                    return _t1.AtCommandBoundary;
                default:
                    return true;
            }
        }

        private void ForgetPartial()
        {
            _heldResetByte = false;
            _t0.ForgetPartial();
            _t1.ForgetPartial();
            if (_state == SimulatedCardState.Pps)
            {
                _state = SimulatedCardState.Negotiable;
            }
        }
    }
}
