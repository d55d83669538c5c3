using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Vpcd
{
    /// <summary>A VpcdReader without its poll thread (the test polls) on a virtual clock, counting presence events.</summary>
    internal sealed class VpcdReaderRig
    {
        public const string ViccAtr = "3B 95 13 81 01 80 73 FF 01 00 0B";
        public const long ResponseTimeout = 2000000;

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly FakeVpcdListener Listener = new FakeVpcdListener();
        public readonly VpcdReader Reader;
        public readonly byte[] Atr = new byte[Drivers.Atr.MaxLength];
        public readonly byte[] Response = new byte[300];
        public int Arrivals;
        public int Removals;
        public int AtrLength;
        public int ResponseLength;

        public VpcdReaderRig()
        {
            VpcdReaderOptions options = new VpcdReaderOptions();
            options.PollPeriodMicros = 0;
            options.ResponseTimeoutMicros = ResponseTimeout;
            Reader = new VpcdReader(options, Listener, Clock);
            Reader.PresenceChanged += OnPresence;
        }

        /// <summary>Opens the reader, connects a vicc with <paramref name="atrHex"/> and polls once.</summary>
        public FakeVicc OpenWithCard(string atrHex)
        {
            Reader.Open();
            return Insert(atrHex);
        }

        public FakeVicc Insert(string atrHex)
        {
            FakeVicc vicc = new FakeVicc(Clock, atrHex);
            Listener.Connect(vicc);
            Reader.Poll();
            return vicc;
        }

        public SmartcardStatus Power(PowerAction action)
        {
            return Reader.Power(action, Atr, 0, out AtrLength);
        }

        public string AtrHex()
        {
            return TestSupport.ToHex(Atr, 0, AtrLength);
        }

        public SmartcardStatus Send(string commandHex)
        {
            byte[] command = TestSupport.Hex(commandHex);
            return Reader.Transmit(command, 0, command.Length, Response, 0, Response.Length, out ResponseLength);
        }

        public string ResponseHex()
        {
            return TestSupport.ToHex(Response, 0, ResponseLength);
        }

        void OnPresence(IReaderDriver driver, bool present)
        {
            if (present)
            {
                Arrivals++;
            }
            else
            {
                Removals++;
            }
        }
    }
}
