using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// When the manager powers cards without being asked (pcsc.md §3.4, §5 item 5): a card is powered up
    /// at insertion so its ATR is visible to SCardGetStatusChange (<see cref="SCardManager.PowerOnInsertion"/>;
    /// a card that does not answer is reported MUTE), and a powered card nobody has held for
    /// <see cref="SCardManager.IdlePowerDownMillis"/> is powered down (never, by default, so card sessions
    /// are not lost), reported UNPOWERED. Both run under the reader's card lock, like Connect's bring-up.
    /// </summary>
    internal sealed class PowerPolicy
    {
        private const long Never = long.MaxValue;

        private readonly SCardManager manager;
        private readonly ReaderRegistry registry;

        public PowerPolicy(SCardManager manager, ReaderRegistry registry)
        {
            this.manager = manager;
            this.registry = registry;
        }

        /// <summary>Does what is due for <paramref name="reader"/>; returns when it next needs a look (DateTime ticks).</summary>
        public long Apply(ManagedReader reader)
        {
            bool powerOn;
            long idleDue;
            lock (registry.SyncRoot)
            {
                if (reader.Faulted || !reader.Attached)
                {
                    return Never;
                }

                powerOn = reader.PowerOnPending && manager.PowerOnInsertion;
                reader.PowerOnPending = false;
                idleDue = IdleDue(reader);
            }

            if (powerOn)
            {
                PowerOn(reader);
                return Never;
            }

            if (idleDue <= DateTime.UtcNow.Ticks)
            {
                PowerDown(reader);
                return Never;
            }

            return idleDue;
        }

        /// <summary>When the card becomes idle enough to power down; Never when the policy is off or it is in use (under the manager lock).</summary>
        private long IdleDue(ManagedReader reader)
        {
            int delay = manager.IdlePowerDownMillis;
            if (delay < 0 || reader.Handles.Count > 0 || reader.Device.State < ReaderState.Powered)
            {
                return Never;
            }

            return reader.IdleSinceTicks + (long)delay * TimeSpan.TicksPerMillisecond;
        }

        private void PowerOn(ManagedReader reader)
        {
            if (!registry.EnterDevice(reader))
            {
                return;
            }

            try
            {
                PowerOnEntered(reader);
            }
            finally
            {
                registry.ExitDevice(reader);
            }
        }

        private void PowerOnEntered(ManagedReader reader)
        {
            lock (reader.CardLock)
            {
                if (reader.Device.State != ReaderState.Present || reader.Device.Power(PowerAction.ColdReset) == SmartcardStatus.Success)
                {
                    return;
                }

                lock (registry.SyncRoot)
                {
                    // Still in and still unpowered: the card did not answer (pcscd's PRESENT|SWALLOWED, pcsc.md §3.4).
                    reader.Mute = reader.CardPresent && reader.Device.State == ReaderState.Present;
                    registry.SignalChange();
                }
            }
        }

        private void PowerDown(ManagedReader reader)
        {
            if (!registry.EnterDevice(reader))
            {
                return;
            }

            try
            {
                lock (reader.CardLock)
                {
                    lock (registry.SyncRoot)
                    {
                        if (IdleDue(reader) > DateTime.UtcNow.Ticks)
                        {
                            return;
                        }
                    }

                    reader.Device.Power(PowerAction.PowerDown);
                }
            }
            finally
            {
                registry.ExitDevice(reader);
            }
        }
    }
}
