using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Tests.Library;

namespace EmbeddedSmartCard.Tests.Hotplug
{
    /// <summary>A working fake reader that can report, between calls, that its device failed (IDeviceFaultSource).</summary>
    internal sealed class FaultReportingDriver : PassThroughReaderDriver, IDeviceFaultSource
    {
        private readonly FakeReaderDriver fake;

        public FaultReportingDriver()
            : this(new FakeReaderDriver(null))
        {
        }

        private FaultReportingDriver(FakeReaderDriver fake)
            : base(fake)
        {
            this.fake = fake;
        }

        public event DeviceFaultHandler DeviceFailed;

        public int OpenCount
        {
            get { return fake.OpenCount; }
        }

        public override ICardChannel Channel
        {
            get { return null; }
        }

        public void Fail()
        {
            DeviceFailed(this);
        }
    }
}
