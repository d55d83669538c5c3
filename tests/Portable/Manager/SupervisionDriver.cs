using System;
using System.Threading;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Manager
{
    /// <summary>How a <see cref="SupervisionDriver"/> misbehaves on its next card call.</summary>
    internal enum DriverFailure
    {
        None,
        Throw,
        DeviceError,
        NoSuchDevice,
        Slow,
    }

    /// <summary>
    /// A reader driver around a working one (the simulator's) that fails on demand: its card calls
    /// throw, report a device error or take too long, and Open can be made to fail. Counts the opens.
    /// </summary>
    internal sealed class SupervisionDriver : IReaderDriver
    {
        private readonly IReaderDriver inner;
        private readonly object gate = new object();
        private int opens;

        public SupervisionDriver(IReaderDriver inner)
        {
            this.inner = inner;
        }

        /// <summary>What Power and Transmit do (until reset to None).</summary>
        public DriverFailure Failure;

        /// <summary>When set, Open reports a device error.</summary>
        public bool OpenFails;

        /// <summary>How long a Slow call takes.</summary>
        public int SlowMillis = 100;

        public int Opens
        {
            get
            {
                lock (gate)
                {
                    return opens;
                }
            }
        }

        public ReaderCapabilities Capabilities
        {
            get { return inner.Capabilities; }
        }

        public ICardChannel Channel
        {
            get { return inner.Channel; }
        }

        public event CardPresenceHandler PresenceChanged
        {
            add { inner.PresenceChanged += value; }
            remove { inner.PresenceChanged -= value; }
        }

        public SmartcardStatus Open()
        {
            lock (gate)
            {
                opens++;
            }

            return OpenFails ? SmartcardStatus.IoDeviceError : inner.Open();
        }

        public void Close()
        {
            inner.Close();
        }

        public bool IsCardPresent()
        {
            return inner.IsCardPresent();
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            SmartcardStatus failed = Misbehave();
            return failed != SmartcardStatus.Success ? failed : inner.Power(action, atrBuffer, atrOffset, out atrLength);
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            SmartcardStatus failed = Misbehave();
            return failed != SmartcardStatus.Success ? failed : inner.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            return inner.VendorControl(ioctl, input, inputOffset, inputLength, output, outputOffset, outputCapacity, out returned);
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return inner.Mechanical(ioctl);
        }

        private SmartcardStatus Misbehave()
        {
            switch (Failure)
            {
                case DriverFailure.Throw:
                    throw new InvalidOperationException("driver bug");
                case DriverFailure.DeviceError:
                    return SmartcardStatus.IoDeviceError;
                case DriverFailure.NoSuchDevice:
                    return SmartcardStatus.NoSuchDevice;
                case DriverFailure.Slow:
                    Thread.Sleep(SlowMillis);
                    return SmartcardStatus.Success;
                default:
                    return SmartcardStatus.Success;
            }
        }
    }
}
