using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>The contacts: RST and VCC edges, the ATR after a reset (ISO 7816-3 §6.2), and what the card stops on deactivation.</summary>
    public sealed partial class SimulatedCard
    {
        private void OnResetWritten(SimOutputPin pin, bool high, long timeMicros)
        {
            lock (_lock)
            {
                bool rising = high && !_resetLevel;
                _resetLevel = high;
                if (_state == SimulatedCardState.Removed || _state == SimulatedCardState.Off)
                {
                    return;
                }

                if (!high)
                {
                    Stop(timeMicros, SimulatedCardState.InReset);
                }
                else if (rising)
                {
                    StartAtr(timeMicros);
                }
            }
        }

        private void OnVccWritten(SimOutputPin pin, bool high, long timeMicros)
        {
            lock (_lock)
            {
                if (_state == SimulatedCardState.Removed)
                {
                    return;
                }

                if (!high)
                {
                    Stop(timeMicros, SimulatedCardState.Off);
                }
                else if (_state == SimulatedCardState.Off)
                {
                    _state = SimulatedCardState.InReset;
                }
            }
        }

        /// <summary>Cold or warm reset answered: the ATR at the profile's delay, Fd/Dd, every protocol state fresh.</summary>
        private void StartAtr(long resetMicros)
        {
            if (_clock != null && _clock.FrequencyHz <= 0)
            {
                // No clock on CLK: the card cannot run.
                return;
            }

            if (_line != null)
            {
                _line.CancelTransmissions(resetMicros);
            }

            _wire.Reset(_profile.InverseConvention);
            _wire.Restart(resetMicros);
            _pps.Reset();
            _t0.Reset();
            _t1.Reset();
            _applet.ResetSecurityState();
            _heldResetByte = false;
            _state = SimulatedCardState.Negotiable;
            byte[] atr = _profile.BuildAtr();
            LastAtrStartMicros = _wire.SendBytes(atr, 0, atr.Length, resetMicros + _wire.ClockCyclesMicros(_profile.AtrDelayClocks));
            ResetCount++;
            if (_profile.SpecificMode)
            {
                SelectProtocol(_profile.SpecificProtocol, _profile.Ta1);
            }
        }

        /// <summary>Stops everything the card would still send from <paramref name="timeMicros"/> on.</summary>
        private void Stop(long timeMicros, SimulatedCardState state)
        {
            if (_line != null)
            {
                _line.CancelTransmissions(timeMicros);
            }

            _wire.Silent = state == SimulatedCardState.Muted || state == SimulatedCardState.Removed;
            _heldResetByte = false;
            _state = state;
        }

        private bool IsPowered()
        {
            return _vcc == null || _vcc.Value;
        }
    }
}
