using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// The door: waits on every reader and <c>\\?PnP?\Notification</c> with a bounded GetStatusChange, takes
    /// one decision per card presentation (identify by ATR, authenticate, check the revocation list and the
    /// allow-list), writes it to the audit log, then shows it on the outputs. A grant whose record the log
    /// refuses is turned into a denial: the door never opens without a record. Only the SCard API is used.
    /// </summary>
    public sealed class DoorController
    {
        private const long MicrosPerMilli = 1000;

        private readonly SCardManager _manager;
        private readonly DoorConfig _config;
        private readonly AuditLog _log;
        private readonly DoorOutputs _outputs;
        private readonly IClock _clock;
        private readonly CardSession _session;
        private readonly AccessAppletAuthenticator _applet;
        private readonly MifareBadgeAuthenticator _badge;
        private CardPresentationWatch _watch;
        private readonly AuditRecord _record = new AuditRecord();
        private readonly object _stopLock = new object();
        private int _context;
        private bool _stopping;

        public DoorController(SCardManager manager, DoorConfig config, IChallengeSource challenges, AuditLog log, DoorOutputs outputs, IClock clock)
        {
            _manager = manager;
            _config = config;
            _log = log;
            _outputs = outputs;
            _clock = clock;
            _session = new CardSession(manager);
            _applet = new AccessAppletAuthenticator(config, challenges);
            _badge = new MifareBadgeAuthenticator(config);
        }

        /// <summary>Raised after each decision is logged and shown, on the controller's thread.</summary>
        public event DoorDecisionHandler DecisionMade;

        /// <summary>The readers the controller watches now (it follows PnP at each step).</summary>
        public int ReaderCount
        {
            get { return _watch == null ? 0 : _watch.ReaderCount; }
        }

        /// <summary>Establishes the controller's context and lists the readers; the SCard code.</summary>
        public int Start()
        {
            int result = _manager.EstablishContext(ScardConstants.ScopeSystem, out _context);
            if (result != ScardError.Success)
            {
                return result;
            }

            // A card counts once it is powered or mute: the decision needs its ATR, or that it had none.
            _watch = new CardPresentationWatch(_manager, _context);
            _watch.PoweredOrMuteOnly = true;
            return _watch.Refresh();
        }

        /// <summary>
        /// One wait, at most <paramref name="timeoutMillis"/> and never past the next output change, then the
        /// readers' news: the reader list follows PnP, and the first new card presentation is decided. Returns
        /// that decision, or null when nothing was decided (other presentations wait for the next step).
        /// </summary>
        public DoorDecision Step(int timeoutMillis)
        {
            _outputs.Update();
            int result = _watch == null ? ScardError.InvalidHandle : _watch.Wait(WaitBound(timeoutMillis));
            _outputs.Update();
            if (result != ScardError.Success && result != ScardError.Timeout)
            {
                // Cancelled by Stop, not started, or the manager refused the wait: pause for the wait's time so that Run
                // does not spin on an error that repeats.
                Thread.Sleep(result == ScardError.Cancelled ? 0 : timeoutMillis);
                return null;
            }

            ScardReaderState presentation = result == ScardError.Success ? _watch.NextPresentation() : null;
            if (presentation == null)
            {
                return null;
            }

            _watch.MarkReported(presentation);
            return Decide(presentation);
        }

        /// <summary>Steps with the configured wait until <see cref="Stop"/>.</summary>
        public void Run()
        {
            while (!IsStopping())
            {
                Step(_config.WaitMillis);
            }
        }

        /// <summary>Ends <see cref="Run"/> from any thread: its wait is cancelled at once.</summary>
        public void Stop()
        {
            lock (_stopLock)
            {
                _stopping = true;
            }

            _manager.Cancel(_context);
        }

        /// <summary>Releases the controller's context.</summary>
        public void Close()
        {
            _manager.ReleaseContext(_context);
        }

        private DoorDecision Decide(ScardReaderState state)
        {
            DoorDecision decision = new DoorDecision();
            decision.SeenMicros = _clock.NowMicros;
            decision.Reader = state.Reader;
            decision.Type = CardClassifier.Classify(state.Atr, 0, state.AtrLength, Protocols.Undefined);
            if ((state.EventState & ScardConstants.StateMute) != 0)
            {
                decision.Conclude(DoorDecisionCode.ReaderError, "the card did not answer to reset");
            }
            else
            {
                DecideOnCard(decision);
            }

            decision.LatencyMicros = _clock.NowMicros - decision.SeenMicros;
            Record(decision);
            Show(decision);
            DoorDecisionHandler handler = DecisionMade;
            if (handler != null)
            {
                handler(decision);
            }

            return decision;
        }

        private void DecideOnCard(DoorDecision decision)
        {
            int result = _session.Connect(_context, decision.Reader);
            if (result != ScardError.Success)
            {
                CardStep.Failed(decision, "SCardConnect", result);
                return;
            }

            if (Authenticate(decision))
            {
                CheckLists(decision);
            }

            _session.Disconnect();
        }

        /// <summary>True when the card proved its identifier; otherwise the decision is concluded.</summary>
        private bool Authenticate(DoorDecision decision)
        {
            bool mifareClassic = CardClassifier.IsMifareClassic(decision.Type);
            if (CardClassifier.IsStorageCard(decision.Type) && !mifareClassic)
            {
                decision.Conclude(DoorDecisionCode.DeniedUnknownCard, "storage card without a door credential");
                return false;
            }

            if (!mifareClassic)
            {
                return _applet.Authenticate(_session, decision);
            }

            if (!_config.LegacyMifareAllowed)
            {
                if (_badge.ReadUid(_session, decision))
                {
                    decision.Conclude(DoorDecisionCode.DeniedLegacyForbidden, "MIFARE Classic badges are forbidden");
                }

                return false;
            }

            return _badge.Authenticate(_session, decision);
        }

        private void CheckLists(DoorDecision decision)
        {
            if (_config.RevocationList.Contains(decision.CardId, 0, decision.CardIdLength))
            {
                decision.Conclude(DoorDecisionCode.DeniedRevoked, "card id on the revocation list");
            }
            else if (!_config.AllowList.Contains(decision.CardId, 0, decision.CardIdLength))
            {
                decision.Conclude(DoorDecisionCode.DeniedUnknownCard, "card id not on the allow-list");
            }
            else
            {
                decision.Conclude(DoorDecisionCode.Granted, CardClassifier.IsMifareClassic(decision.Type) ? "badge MAC verified" : "challenge answered");
            }
        }

        private void Record(DoorDecision decision)
        {
            decision.CopyTo(_record);
            if (_log.Append(_record) != AuditLogStatus.Ok && decision.IsGranted)
            {
                decision.Conclude(DoorDecisionCode.ReaderError, "the audit log refused the record: door kept shut");
            }
        }

        private void Show(DoorDecision decision)
        {
            if (decision.IsGranted)
            {
                _outputs.Grant(_config.StrikeMillis);
            }
            else
            {
                _outputs.Deny(_config.DeniedMillis);
            }
        }

        /// <summary>The wait in ms: <paramref name="timeoutMillis"/>, cut to reach the next output change on time.</summary>
        private int WaitBound(int timeoutMillis)
        {
            long next = _outputs.NextChangeMicros;
            if (next == PinPattern.Never)
            {
                return timeoutMillis;
            }

            long untilChange = (next - _clock.NowMicros + MicrosPerMilli - 1) / MicrosPerMilli;
            if (untilChange < 0)
            {
                return 0;
            }

            return untilChange < timeoutMillis ? (int)untilChange : timeoutMillis;
        }

        private bool IsStopping()
        {
            lock (_stopLock)
            {
                return _stopping;
            }
        }
    }
}
