using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Session
{
    /// <summary>
    /// The scripted session on the simulator board, through the PC/SC calls an application makes: a
    /// dual T=0/T=1 card is inserted, its ATR read and summarised, PPS negotiated on Connect, then
    /// SELECT MF, GET CHALLENGE, READ BINARY and VERIFY with a wrong and the right PIN; the card is
    /// pulled in the middle of an APDU (a yank fault) and the PC/SC code is shown; an inverse-convention
    /// T=0 card goes in next and answers. Every step is one line with the reader's virtual time.
    /// </summary>
    public sealed class ScriptedSession
    {
        private const int SlotCount = 1;
        private const int Slot = 0;

        // The yank lands on the 4th character the card receives: inside the T=0 command header.
        private const int YankAtReceivedCharacter = 3;

        private readonly SessionLog log;
        private readonly byte[] response = new byte[ScardConstants.MaxBufferSize];
        private SimulatorBoard board;
        private SCardManager manager;
        private ManagedReader reader;
        private int context;
        private int handle;
        private int protocol;

        public ScriptedSession(ISessionOutput output)
        {
            log = new SessionLog(output);
        }

        /// <summary>Runs the script; true when every step gave the result the script expects.</summary>
        public bool Run()
        {
            board = new SimulatorBoard(SlotCount);
            manager = new SCardManager(board);
            try
            {
                return RunSteps();
            }
            finally
            {
                manager.Dispose();
                board.Dispose();
            }
        }

        private bool RunSteps()
        {
            log.Note("EmbeddedSmartCard scripted session on the simulator board");
            manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            reader = manager.Readers.Get(Slot);
            if (reader == null)
            {
                log.Note("the simulator board has no reader");
                return false;
            }

            bool ok = FirstCard();
            ok = PullMidApdu() && ok;
            ok = NextCard() && ok;
            manager.ReleaseContext(context);
            log.Note(ok ? "session complete" : "session ended with unexpected results");
            return ok;
        }

        private bool FirstCard()
        {
            SimulatedCard card = Insert(CardProfile.DualT0T1(), "dual T=0/T=1 card");
            bool ok = ConnectAndReport(card);
            ok = Exchange("SELECT MF", SessionApdus.SelectMasterFile, 0x9000) && ok;
            ok = Exchange("GET CHALLENGE", SessionApdus.GetChallenge, 0x9000) && ok;
            ok = Exchange("SELECT EF 2F00", SessionApdus.SelectDirectoryFile, 0x9000) && ok;
            ok = Exchange("READ BINARY", SessionApdus.ReadBinary, 0x9000) && ok;
            ok = Exchange("VERIFY wrong PIN", SessionApdus.VerifyWrongPin, 0x63C2) && ok;
            return Exchange("VERIFY right PIN", SessionApdus.VerifyRightPin, 0x9000) && ok;
        }

        private bool PullMidApdu()
        {
            SimulatedCard card = board.GetSlot(Slot).Card;
            card.Faults.Arm(CardFaultScope.ReceivedCharacter, YankAtReceivedCharacter, CardFaultKind.Yank);
            Step("card will be pulled during the next command");
            bool ok = ExchangeFails("READ BINARY", SessionApdus.ReadBinary, ScardError.RemovedCard);
            int result = manager.Disconnect(handle, ScardConstants.LeaveCard);
            Step("Disconnect: " + ScardError.GetName(result));
            board.GetSlot(Slot).Remove();
            return ok && result == ScardError.Success;
        }

        private bool NextCard()
        {
            SimulatedCard card = Insert(CardProfile.InverseT0(), "inverse-convention T=0 card");
            bool ok = ConnectAndReport(card);
            ok = Exchange("SELECT MF", SessionApdus.SelectMasterFile, 0x9000) && ok;
            ok = Exchange("SELECT EF 2F00", SessionApdus.SelectDirectoryFile, 0x9000) && ok;
            ok = Exchange("READ BINARY", SessionApdus.ReadBinary, 0x9000) && ok;
            int result = manager.Disconnect(handle, ScardConstants.UnpowerCard);
            Step("Disconnect, unpower: " + ScardError.GetName(result));
            return ok && result == ScardError.Success;
        }

        private SimulatedCard Insert(CardProfile profile, string description)
        {
            SimulatedCard card = new SimulatedCard(profile);
            board.GetSlot(Slot).Insert(card);
            Step("card inserted: " + description);
            return card;
        }

        /// <summary>Connect (which reads the ATR and runs PPS), then the ATR line at the time the card sent it and the PPS outcome.</summary>
        private bool ConnectAndReport(SimulatedCard card)
        {
            int result = manager.Connect(context, reader.Name, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
            SmartcardDevice device = reader.Device;
            byte[] atr = new byte[ScardConstants.MaxAtrSize];
            int atrLength = device.CopyAtr(atr, 0);
            log.Step(card.LastAtrStartMicros, reader.Name, "ATR " + HexText.Format(atr, 0, atrLength) + " : " + AtrSummary.Describe(device.Atr));
            if (result != ScardError.Success)
            {
                Step("Connect: " + ScardError.GetName(result));
                return false;
            }

            CardTiming timing = device.Timing;
            Step("Connect SHARED: " + AtrSummary.Protocols(protocol) + ", " + RatesText(timing));
            return true;
        }

        private static string RatesText(CardTiming timing)
        {
            bool negotiated = timing.F != 372 || timing.D != 1;
            return (negotiated ? "PPS agreed F " : "default rates F ") + timing.F.ToString() + " D " + timing.D.ToString() +
                   ", " + timing.BaudRate.ToString() + " bd";
        }

        private bool Exchange(string name, byte[] command, int expectedStatusWord)
        {
            int length;
            int result = manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
            if (result != ScardError.Success)
            {
                Step(name + "  " + HexText.Format(command, 0, command.Length) + " -> " + ScardError.GetName(result));
                return false;
            }

            Step(name + "  " + HexText.Format(command, 0, command.Length) + " -> " + HexText.Format(response, 0, length) +
                 "  SW " + HexText.StatusWord(response, 0, length));
            return length >= 2 && ((response[length - 2] << 8) | response[length - 1]) == expectedStatusWord;
        }

        private bool ExchangeFails(string name, byte[] command, int expectedError)
        {
            int length;
            int result = manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
            Step(name + "  " + HexText.Format(command, 0, command.Length) + " -> " +
                 (result == ScardError.Success ? HexText.Format(response, 0, length) : ScardError.GetName(result)));
            return result == expectedError;
        }

        private void Step(string text)
        {
            log.Step(NowMicros(), reader.Name, text);
        }

        private long NowMicros()
        {
            return board.GetSlot(Slot).Clock.NowMicros;
        }
    }
}
