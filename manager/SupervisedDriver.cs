using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>Tells the supervisor that a driver failed (see <see cref="SupervisedDriver"/>).</summary>
    internal delegate void DriverFaultHandler(SupervisedDriver driver);

    /// <summary>
    /// Wraps a reader driver so the supervisor sees it fail: a call that throws (answered IoDeviceError
    /// instead, so no exception crosses the driver library), returns IoDeviceError or NoSuchDevice, or
    /// takes longer than the watchdog bound, or a failure the driver reports between calls
    /// (<see cref="IDeviceFaultSource"/>) raises <see cref="Faulted"/>. The calls themselves are
    /// passed through unchanged; the device library above still serialises them (pcsc.md §3.3, §5 item 6).
    /// </summary>
    internal sealed class SupervisedDriver : IReaderDriver
    {
        private readonly IReaderDriver inner;
        private readonly SupervisedChannel channel;
        private readonly object faultGate = new object();
        private bool faultPending;
        // The driver call in progress (guarded by faultGate): nesting depth (a channel call inside a driver
        // call, a presence poll from another thread), when the outermost began, and whether the watchdog
        // has declared it hung.
        private int callDepth;
        private long callStartedTicks;
        private bool hung;

        public SupervisedDriver(IReaderDriver inner)
        {
            this.inner = inner;
            ICardChannel innerChannel = inner.Channel;
            channel = innerChannel == null ? null : new SupervisedChannel(innerChannel, this);
            IDeviceFaultSource faultSource = inner as IDeviceFaultSource;
            if (faultSource != null)
            {
                faultSource.DeviceFailed += OnDeviceFailed;
            }
        }

        /// <summary>
        /// Raised from the failing call's thread, with the device's locks held: a handler only records
        /// or schedules work (the supervisor collects the fault with <see cref="TakeFault"/>).
        /// </summary>
        public DriverFaultHandler Faulted;

        /// <summary>The driver it wraps (a hot-plug board names the reader that left by it).</summary>
        internal IReaderDriver Inner
        {
            get { return inner; }
        }

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
            long started = Enter();
            try
            {
                return Checked(inner.Open(), started);
            }
            catch (Exception)
            {
                return Fault();
            }
            finally
            {
                Exit();
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
            long started = Enter();
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
            finally
            {
                Exit();
            }
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            long started = Enter();
            try
            {
                return Checked(inner.Power(action, atrBuffer, atrOffset, out atrLength), started);
            }
            catch (Exception)
            {
                return Fault();
            }
            finally
            {
                Exit();
            }
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            long started = Enter();
            try
            {
                return Checked(inner.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength), started);
            }
            catch (Exception)
            {
                return Fault();
            }
            finally
            {
                Exit();
            }
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            long started = Enter();
            try
            {
                return Checked(inner.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned), started);
            }
            catch (Exception)
            {
                return Fault();
            }
            finally
            {
                Exit();
            }
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            long started = Enter();
            try
            {
                return Checked(inner.Mechanical(ioctl), started);
            }
            catch (Exception)
            {
                return Fault();
            }
            finally
            {
                Exit();
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

        /// <summary>A driver call is in progress that the watchdog declared hung (it has not returned yet).</summary>
        public bool Hung
        {
            get
            {
                lock (faultGate)
                {
                    return hung;
                }
            }
        }

        /// <summary>
        /// The watchdog's look, while the call may still be stuck: true once when the call in progress has
        /// run past the bound at <paramref name="nowTicks"/>. <paramref name="dueTicks"/> is when to look
        /// again (the running call's deadline, or one bound from now when idle; long.MaxValue without a bound
        /// or while a hung call has still to return).
        /// </summary>
        public bool CheckHung(long nowTicks, out long dueTicks)
        {
            dueTicks = long.MaxValue;
            int bound = WatchdogMillis;
            lock (faultGate)
            {
                if (bound < 0 || hung)
                {
                    return false;
                }

                long boundTicks = (long)bound * TimeSpan.TicksPerMillisecond;
                if (callDepth == 0)
                {
                    dueTicks = nowTicks + boundTicks;
                    return false;
                }

                dueTicks = callStartedTicks + boundTicks;
                if (nowTicks <= dueTicks)
                {
                    return false;
                }

                hung = true;
                dueTicks = long.MaxValue;
                return true;
            }
        }

        internal long Enter()
        {
            long now = DateTime.UtcNow.Ticks;
            lock (faultGate)
            {
                if (callDepth++ == 0)
                {
                    callStartedTicks = now;
                }
            }

            return now;
        }

        /// <summary>Ends a call; a hung call that finally returns is a failure the supervisor acts on (re-initialise with back-off).</summary>
        internal void Exit()
        {
            bool returnedFromHang;
            lock (faultGate)
            {
                callDepth--;
                returnedFromHang = hung && callDepth == 0;
                if (returnedFromHang)
                {
                    hung = false;
                }
            }

            if (returnedFromHang)
            {
                Report();
            }
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

        /// <summary>The driver saw its device fail between calls: the same as a call that returned IoDeviceError.</summary>
        private void OnDeviceFailed(IReaderDriver driver)
        {
            Report();
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
