using System;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.DoorAccess.Scenario
{
    /// <summary>
    /// The door on the simulator board (one contact slot, one PN532), through the SCard API only: the cases
    /// of issue 6 — valid badge, revoked badge, unknown card, cloned-identifier attack, card pulled in the
    /// middle of the authentication, reader unplugged and back — and MIFARE Classic legacy badges allowed,
    /// copied and forbidden. <see cref="Run"/> prints one line per decision and whether each case gave the
    /// decision it must, with the controller's latency (on its clock) and the time the simulated reader spent
    /// (activation and APDUs on its virtual clock); the Present methods are the steps, for tests.
    /// </summary>
    public sealed class DoorScenario : IDisposable
    {
        /// <summary>The PN532's poll period, in its virtual time.</summary>
        public const long PollPeriodMicros = 500000;

        /// <summary>One wait of the controller, and how many of them a presentation may take (real time).</summary>
        public const int StepMillis = 100;
        public const int MaxSteps = 100;

        /// <summary>The demo site's key (32 bytes).</summary>
        public static readonly byte[] SiteKey = HexText.Parse("5E 1F 0C 2A 9B 47 D3 60 18 E4 7A C5 33 B2 0D 96 71 AF 48 E2 05 6C 9D 3B C0 27 84 F1 5A 16 BE 89");

        public static readonly byte[] ValidId = HexText.Parse("E5 C0 00 01");
        public static readonly byte[] RevokedId = HexText.Parse("E5 C0 00 02");
        public static readonly byte[] UnknownId = HexText.Parse("E5 C0 00 03");

        /// <summary>The legacy badge's identifier (<see cref="MifareBadge.BadgeIdLength"/> bytes) and its card's NUID.</summary>
        public static readonly byte[] BadgeId = HexText.Parse("B0 00 00 00 00 07");
        public static readonly byte[] BadgeUid = HexText.Parse("C2 5D 11 7E");

        /// <summary>The contactless access card's UID, and the UID of the blank card a badge is copied onto.</summary>
        public static readonly byte[] AccessCardUid = HexText.Parse("08 4A 61 0B");
        public static readonly byte[] BlankCardUid = HexText.Parse("C2 00 BE EF");

        private int _expected;
        private int _asExpected;
        private long _readerMicros;

        public DoorScenario(IClock clock, DoorOutputs outputs, IChallengeSource challenges, IAppendStorage storage)
        {
            Config = DemoConfig();
            Board = new SimulatorBoard(1);
            Pn532 = Board.AddPn532(new SimulatorPn532(new TapScript(), PollPeriodMicros));
            Manager = new SCardManager(Board);
            Log = new AuditLog(storage);
            if (Log.Open() != AuditLogStatus.Ok)
            {
                throw new ArgumentException("the audit log's storage cannot be read");
            }

            Controller = new DoorController(Manager, Config, challenges, Log, outputs, clock);
            int result = Controller.Start();
            if (result != ScardError.Success)
            {
                throw new ArgumentException("the door controller did not start: " + ScardError.GetName(result));
            }
        }

        public DoorConfig Config { get; private set; }

        public SimulatorBoard Board { get; private set; }

        public SimulatorPn532 Pn532 { get; private set; }

        public SCardManager Manager { get; private set; }

        public AuditLog Log { get; private set; }

        public DoorController Controller { get; private set; }

        /// <summary>The demo configuration: the site key, the valid and revoked cards and the badge allowed, the
        /// revoked card also on the revocation list, legacy badges forbidden.</summary>
        public static DoorConfig DemoConfig()
        {
            DoorConfig config = new DoorConfig();
            config.SiteKey = SiteKey;
            config.AllowList.Add(ValidId, 0, ValidId.Length);
            config.AllowList.Add(RevokedId, 0, RevokedId.Length);
            config.AllowList.Add(BadgeId, 0, BadgeId.Length);
            config.RevocationList.Add(RevokedId, 0, RevokedId.Length);
            return config;
        }

        /// <summary>The card key the site gives <paramref name="cardId"/>.</summary>
        public static byte[] CardKey(byte[] siteKey, byte[] cardId)
        {
            byte[] key = new byte[CardKeyDerivation.KeyLength];
            new CardKeyDerivation().Derive(siteKey, 0, siteKey.Length, cardId, 0, cardId.Length, key, 0);
            return key;
        }

        /// <summary>A contact card (T=1) whose access applet is personalised by the demo site for <paramref name="cardId"/>.</summary>
        public static SimulatedCard ContactAccessCard(byte[] cardId)
        {
            CardProfile profile = CardProfile.FastT1();
            profile.AccessCardId = cardId;
            profile.AccessKey = CardKey(SiteKey, cardId);
            return new SimulatedCard(profile);
        }

        /// <summary>A contactless card that copied <paramref name="cardId"/> (and the UID) of a valid card, with a key of its own making.</summary>
        public static Iso14443_4Card ClonedAccessCard(byte[] cardId)
        {
            byte[] guessedSite = new byte[SiteKey.Length];
            return SimulatorPn532Cards.CreateAccessCard(AccessCardUid, cardId, CardKey(guessedSite, cardId));
        }

        /// <summary>Inserts <paramref name="card"/> in the contact slot, waits for the decision, takes it out.</summary>
        public DoorDecision PresentContact(SimulatedCard card)
        {
            SimulatorSlot slot = Board.GetSlot(0);
            slot.Insert(card);
            DoorDecision decision = AwaitDecision(slot.Clock);
            slot.Remove();
            return decision;
        }

        /// <summary>Puts <paramref name="card"/> on the PN532, waits for the decision, takes it away.</summary>
        public DoorDecision PresentContactless(ContactlessCard card)
        {
            Pn532.Chip.PlaceCard(card);
            LetPn532Poll();
            DoorDecision decision = AwaitDecision(Pn532.Clock);
            Pn532.Chip.RemoveCard();
            LetPn532Poll();
            return decision;
        }

        /// <summary>Unplugs the PN532 and waits until the controller has dropped its reader; true when it did.</summary>
        public bool UnplugPn532()
        {
            int before = Controller.ReaderCount;
            Board.UnplugPn532(0);
            return AwaitReaderCount(before - 1);
        }

        /// <summary>Plugs the PN532 back and waits until the controller watches its reader again; true when it does.</summary>
        public bool ReplugPn532()
        {
            int before = Controller.ReaderCount;
            Board.ReplugPn532(0);
            return AwaitReaderCount(before + 1);
        }

        /// <summary>Runs every case; one line per decision and per reader event, then a summary. True when
        /// every case gave the decision it must.</summary>
        public bool Run(ISessionOutput output)
        {
            _expected = 0;
            _asExpected = 0;
            Expect(output, "valid badge", DoorDecisionCode.Granted, PresentContact(ContactAccessCard(ValidId)));
            Expect(output, "revoked badge", DoorDecisionCode.DeniedRevoked, PresentContact(ContactAccessCard(RevokedId)));
            Expect(output, "unknown card", DoorDecisionCode.DeniedUnknownCard, PresentContact(ContactAccessCard(UnknownId)));
            Expect(output, "cloned-UID attack", DoorDecisionCode.DeniedAuthentication, PresentContactless(ClonedAccessCard(ValidId)));
            SimulatedCard pulled = ContactAccessCard(ValidId);
            pulled.Faults.RemoveOnInstruction(AccessApplet.InsInternalAuthenticate);
            Expect(output, "card pulled mid-authentication", DoorDecisionCode.CardRemoved, PresentContact(pulled));
            RunReaderUnplugged(output);
            RunLegacyBadges(output);
            output.WriteLine(_asExpected.ToString() + " of " + _expected.ToString() + " cases decided as expected; audit log: " + Log.Count.ToString() + " records");
            return _asExpected == _expected;
        }

        public void Dispose()
        {
            Controller.Close();
            Manager.Dispose();
            Board.Dispose();
        }

        private void RunReaderUnplugged(ISessionOutput output)
        {
            output.WriteLine("reader unplugged: " + SimulatorPn532.ReaderName + (UnplugPn532() ? " (gone from the controller's list)" : " (still listed!)"));
            output.WriteLine("reader plugged back: " + SimulatorPn532.ReaderName + (ReplugPn532() ? " (watched again)" : " (not listed!)"));
            Iso14443_4Card card = SimulatorPn532Cards.CreateAccessCard(AccessCardUid, ValidId, CardKey(SiteKey, ValidId));
            Expect(output, "valid card on the replugged reader", DoorDecisionCode.Granted, PresentContactless(card));
        }

        private void RunLegacyBadges(ISessionOutput output)
        {
            Config.LegacyMifareAllowed = true;
            Expect(output, "legacy badge, allowed", DoorDecisionCode.Granted, PresentContactless(SimulatorPn532Cards.CreateLegacyBadge(BadgeUid, SiteKey, BadgeId)));
            Expect(output, "legacy badge copied to a blank", DoorDecisionCode.DeniedAuthentication, PresentContactless(SimulatorPn532Cards.CreateCopiedBadge(BlankCardUid, SiteKey, BadgeUid, BadgeId)));
            Config.LegacyMifareAllowed = false;
            Expect(output, "legacy badge, forbidden", DoorDecisionCode.DeniedLegacyForbidden, PresentContactless(SimulatorPn532Cards.CreateLegacyBadge(BadgeUid, SiteKey, BadgeId)));
        }

        private void Expect(ISessionOutput output, string label, DoorDecisionCode expected, DoorDecision decision)
        {
            _expected++;
            if (decision == null)
            {
                output.WriteLine(label + " | no decision within " + (MaxSteps * StepMillis).ToString() + " ms | expected " + DoorDecisionCodes.Name(expected));
                return;
            }

            bool asExpected = decision.Code == expected;
            if (asExpected)
            {
                _asExpected++;
            }

            output.WriteLine(DoorDecisionText.Format(label, decision) + " | reader " + DoorDecisionText.Millis(_readerMicros) + " ms"
                + (asExpected ? "" : " | EXPECTED " + DoorDecisionCodes.Name(expected)));
        }

        /// <summary>Steps the controller until it decides (at most <see cref="MaxSteps"/> steps), noting how much
        /// time passed meanwhile on the simulated reader's own clock: what the card's activation and APDUs
        /// would take on the wire, which the controller's latency (real time) does not see.</summary>
        private DoorDecision AwaitDecision(VirtualClock readerClock)
        {
            long start = readerClock.NowMicros;
            DoorDecision decision = null;
            for (int i = 0; i < MaxSteps && decision == null; i++)
            {
                decision = Controller.Step(StepMillis);
            }

            _readerMicros = readerClock.NowMicros - start;
            return decision;
        }

        private bool AwaitReaderCount(int count)
        {
            for (int i = 0; i < MaxSteps && Controller.ReaderCount != count; i++)
            {
                Controller.Step(StepMillis);
            }

            return Controller.ReaderCount == count;
        }

        /// <summary>One poll period of the PN532's field time: the reader sees a card arrive or leave.</summary>
        private void LetPn532Poll()
        {
            Pn532.RunFor(PollPeriodMicros + SimulatorPn532.StepMicros);
        }
    }
}
