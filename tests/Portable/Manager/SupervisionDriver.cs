using System;
using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Tests.Library;

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
    internal sealed class SupervisionDriver : PassThroughReaderDriver
    {
        public SupervisionDriver(IReaderDriver inner)
            : base(inner)
        {
        }

        /// <summary>What Power and Transmit do (until reset to None).</summary>
        public DriverFailure Failure;

        /// <summary>When set, Open reports a device error.</summary>
        public bool OpenFails;

        /// <summary>How long a Slow call takes.</summary>
        public int SlowMillis = 100;

        public override SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            SmartcardStatus failed = Misbehave();
            return failed != SmartcardStatus.Success ? failed : base.Power(action, atrBuffer, atrOffset, out atrLength);
        }

        public override SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            SmartcardStatus failed = Misbehave();
            return failed != SmartcardStatus.Success ? failed : base.Transmit(command, commandOffset, commandLength, response, responseOffset, responseCapacity, out responseLength);
        }

        protected override SmartcardStatus OpenCounted()
        {
            return OpenFails ? SmartcardStatus.IoDeviceError : base.OpenCounted();
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
