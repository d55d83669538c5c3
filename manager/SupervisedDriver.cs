using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>Tells the supervisor that a driver failed (see <see cref="SupervisedDriver"/>).</summary>
    internal delegate void DriverFaultHandler(SupervisedDriver driver);

    /// <summary>
    /// Wraps a reader driver so the supervisor sees it fail: a call that throws (answered IoDeviceError
    /// instead, so no exception crosses the driver library), returns IoDeviceError or NoSuchDevice, or
    /// takes longer than the watchdog bound raises <see cref="Faulted"/>. The calls themselves are
    /// passed through unchanged; the device library above still serialises them (pcsc.md §3.3, §5 item 6).
    /// </summary>
    internal sealed class SupervisedDriver : IReaderDriver
    {
        private readonly IReaderDriver inner;
        private readonly SupervisedChannel channel;
        private readonly object faultGate = new object();
        private bool faultPending;

        public SupervisedDriver(IReaderDriver inner)
        {
            this.inner = inner;
            ICardChannel innerChannel = inner.Channel;
            channel = innerChannel == null ? null : new SupervisedChannel(innerChannel, this);
        }

        /// <summary>
        /// Raised from the failing call's thread, with the device's locks held: a handler only records
        /// or schedules work (the supervisor collects the fault with <see cref="TakeFault"/>).
        /// </summary>
        public DriverFaultHandler Faulted;

        /// <summary>Longest a driver call may take before it counts as hung; <see cref="ScardConstants.Infinite"/> = no bound.</summary>
        public int WatchdogMillis = ScardConstants.Infinite;

        public ReaderCapabilities Capabilities
        {
            get { return inner.Capabilities; }
        }

        public ICardChannel Channel
        {
            get { return channel; }
        }

        public event CardPresenceHandler PresenceChanged
        {
            add { inner.PresenceChanged += value; }
            remove { inner.PresenceChanged -= value; }
        }

        public SmartcardStatus Open()
        {
            long started = DateTime.UtcNow.Ticks;
            try
            {
                return Checked(inner.Open(), started);
            }
            catch (Exception)
            {
                return Fault();
            }
        }

        public void Close()
        {
            try
            {
                inner.Close();
            }
            catch (Exception)
            {
                // Closing a failed driver: the supervisor reopens it later, nothing to report now.
            }
        }

        public bool IsCardPresent()
        {
            long started = DateTime.UtcNow.Ticks;
            try
            {
                bool present = inner.IsCardPresent();
                Checked(SmartcardStatus.Success, started);
                return present;
            }
            catch (Exception)
            {
                Fault();
                return false;
            }
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            long started = DateTime.UtcNow.Ticks;
            try
            {
                return Checked(inner.Power(action, atrBuffer, atrOffset, out atrLength), started);
            }
            catch (Exception)
            {
                return Fault();
            }
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            long started = DateTime.UtcNow.Ticks;
            try
            {
                return Checked(inner.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength), started);
            }
            catch (Exception)
            {
                return Fault();
            }
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            long started = DateTime.UtcNow.Ticks;
            try
            {
                return Checked(inner.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned), started);
            }
            catch (Exception)
            {
                return Fault();
            }
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            long started = DateTime.UtcNow.Ticks;
            try
            {
                return Checked(inner.Mechanical(ioctl), started);
            }
            catch (Exception)
            {
                return Fault();
            }
        }

        /// <summary>Reports a device error, or a call that outlived the watchdog, and passes the status on.</summary>
        internal SmartcardStatus Checked(SmartcardStatus status, long startedTicks)
        {
            if (status == SmartcardStatus.IoDeviceError || status == SmartcardStatus.NoSuchDevice || Overran(startedTicks))
            {
                Report();
            }

            return status;
        }

        /// <summary>A driver that threw: reported, and answered as the device error it amounts to.</summary>
        internal SmartcardStatus Fault()
        {
            Report();
            return SmartcardStatus.IoDeviceError;
        }

        private bool Overran(long startedTicks)
        {
            int bound = WatchdogMillis;
            return bound >= 0 && DateTime.UtcNow.Ticks - startedTicks > (long)bound * TimeSpan.TicksPerMillisecond;
        }

        /// <summary>True once after each failure: the supervisor's way of collecting it.</summary>
        public bool TakeFault()
        {
            lock (faultGate)
            {
                bool taken = faultPending;
                faultPending = false;
                return taken;
            }
        }

        private void Report()
        {
            lock (faultGate)
            {
                faultPending = true;
            }

            DriverFaultHandler handler = Faulted;
            if (handler != null)
            {
                handler(this);
            }
        }
    }
}
