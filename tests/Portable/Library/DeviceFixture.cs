using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Tests.T0;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>Builds opened devices over the fake driver and records the StateChanged events they raise.</summary>
    public sealed class DeviceFixture
    {
        /// <summary>T=0 only, no interface bytes: negotiable, default protocol T=0 at Fd/Dd.</summary>
        public const string AtrT0 = "3B 00";

        /// <summary>TD1 = 01: T=1 is the default protocol; TCK = 80 ⊕ 01.</summary>
        public const string AtrT1 = "3B 80 01 81";

        /// <summary>TD1 = 10 announces TA2 = 00: specific mode, T=0.</summary>
        public const string AtrSpecificT0 = "3B 80 10 00";

        /// <summary>TA1 = 13 (Fi 372, Di 4): PPS to 38 400 bd is worth it.</summary>
        public const string AtrFastT0 = "3B 10 13";

        /// <summary>T=0 and T=1 offered (TD1 = 80, TD2 = 01), as in PC/SC part 3 pseudo-ATRs; TCK = 80 ⊕ 80 ⊕ 01.</summary>
        public const string AtrT0AndT1 = "3B 80 80 01 01";

        private readonly object _eventLock = new object();
        private string _events = "";

        private DeviceFixture(ScriptedCardChannel card, string atr)
        {
            Card = card;
            Driver = new FakeReaderDriver(card);
            Driver.Atr = TestSupport.Hex(atr);
            Driver.CardPresent = true;
            Device = new SmartcardDevice(Driver);
            Device.StateChanged += OnStateChanged;
        }

        public ScriptedCardChannel Card { get; private set; }

        public FakeReaderDriver Driver { get; private set; }

        public SmartcardDevice Device { get; private set; }

        /// <summary>The states StateChanged reported, comma separated, then cleared.</summary>
        public string TakeEvents()
        {
            lock (_eventLock)
            {
                string events = _events;
                _events = "";
                return events;
            }
        }

        /// <summary>An opened character-level reader (scripted card) with a card inserted but not powered.</summary>
        public static DeviceFixture CharacterReader(string atr)
        {
            DeviceFixture fixture = new DeviceFixture(new ScriptedCardChannel(), atr);
            fixture.Device.Open();
            fixture.TakeEvents();
            return fixture;
        }

        /// <summary>An opened APDU-level reader (no channel) with a card inserted but not powered.</summary>
        public static DeviceFixture ApduReader(string atr)
        {
            DeviceFixture fixture = new DeviceFixture(null, atr);
            fixture.Device.Open();
            fixture.TakeEvents();
            return fixture;
        }

        /// <summary>A character-level reader with a T=0 card powered and in specific state.</summary>
        public static DeviceFixture SpecificT0()
        {
            DeviceFixture fixture = CharacterReader(AtrT0);
            int selected;
            fixture.Device.Power(PowerAction.ColdReset);
            fixture.Device.SetProtocol(Protocols.T0, out selected);
            fixture.TakeEvents();
            return fixture;
        }

        /// <summary>An APDU-level reader with its card powered and T=1 (nominally) selected.</summary>
        public static DeviceFixture SpecificApdu()
        {
            DeviceFixture fixture = ApduReader(AtrT0AndT1);
            int selected;
            fixture.Device.Power(PowerAction.ColdReset);
            fixture.Device.SetProtocol(Protocols.T1, out selected);
            fixture.TakeEvents();
            return fixture;
        }

        private void OnStateChanged(SmartcardDevice device, ReaderState state)
        {
            lock (_eventLock)
            {
                _events += (_events.Length == 0 ? "" : ",") + StateName(state);
            }
        }

        private static string StateName(ReaderState state)
        {
            switch (state)
            {
                case ReaderState.Absent:
                    return "Absent";
                case ReaderState.Present:
                    return "Present";
                case ReaderState.Swallowed:
                    return "Swallowed";
                case ReaderState.Powered:
                    return "Powered";
                case ReaderState.Negotiable:
                    return "Negotiable";
                case ReaderState.Specific:
                    return "Specific";
                default:
                    return "Unknown";
            }
        }
    }
}
