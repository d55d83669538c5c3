using BenchmarkDotNet.Attributes;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Firmware.DoorAccess.Scenario;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Benchmarks
{
    /// <summary>
    /// Real time and allocations of the door's card check on the host: one access-applet authentication (SELECT,
    /// GET DATA of the card id, INTERNAL AUTHENTICATE with a fresh challenge, the answer checked against the key
    /// derived from the site key) through SCardManager to the simulated contact card, under T=0 and under T=1 —
    /// the part of a decision that runs for every card, without the activation. The virtual reader time of a whole
    /// decision is printed by `scard door`.
    /// </summary>
    [MemoryDiagnoser]
    public class DoorBenchmarks
    {
        private SimulatorBoard board;
        private SCardManager manager;
        private CardSession session;
        private AccessAppletAuthenticator authenticator;
        private DoorDecision decision;

        [Params("T0", "T1")]
        public string Protocol { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            board = new SimulatorBoard(1);
            board.GetSlot(0).Insert(Card());
            manager = new SCardManager(board);
            int context;
            manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            session = new CardSession(manager);
            Check(session.Connect(context, manager.Readers.Get(0).Name), "connect");
            authenticator = new AccessAppletAuthenticator(DoorScenario.DemoConfig(), new CountingChallenges());
            decision = new DoorDecision();
            if (!authenticator.Authenticate(session, decision))
            {
                throw new System.InvalidOperationException("the access card did not authenticate: " + decision.Reason);
            }
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            session.Disconnect();
            manager.Dispose();
            board.Dispose();
        }

        [Benchmark]
        public bool AuthenticateAccessCard()
        {
            return authenticator.Authenticate(session, decision);
        }

        private SimulatedCard Card()
        {
            CardProfile profile = Protocol == "T0" ? CardProfile.DirectT0() : CardProfile.FastT1();
            profile.AccessCardId = DoorScenario.ValidId;
            profile.AccessKey = DoorScenario.CardKey(DoorScenario.SiteKey, DoorScenario.ValidId);
            return new SimulatedCard(profile);
        }

        private static void Check(int result, string step)
        {
            if (result != ScardError.Success)
            {
                throw new System.InvalidOperationException(step + ": " + ScardError.GetName(result));
            }
        }

        /// <summary>Challenges that never repeat (a counter), so the benchmark measures the door, not a random source.</summary>
        private sealed class CountingChallenges : IChallengeSource
        {
            private ulong next;

            public void Fill(byte[] buffer, int offset, int count)
            {
                next++;
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = (byte)(next >> (8 * (i % 8)));
                }
            }
        }
    }
}
