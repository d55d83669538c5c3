using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// The initiator commands with the card in the field: InListPassiveTarget (106 kbps type A and B), InDataExchange
    /// with MI chaining both ways, InSelect, InDeselect, InRelease (reference iso7816-pn532.md §3.3, §3.4).
    /// One card at a time is in the field and it is listed as target 1.
    /// </summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>The most DataIn bytes one InDataExchange response carries (reference §3.1: 0 up to 262).</summary>
        public const int MaxDataIn = 262;

        /// <summary>SetParameters fAutomaticRATS (reference §3.3).</summary>
        public const byte AutomaticRats = 0x10;

        /// <summary>One activation attempt (REQA, anticollision, SELECT, RATS) in virtual time.</summary>
        public const long ActivationMicros = 5000;

        /// <summary>One byte over the air at 106 kbit/s: 8 bits and parity at 9.44 µs a bit (ISO/IEC 14443-2 §8.1.1, 14443-3 §6.1).</summary>
        public const long RfByteMicros = 85;

        // Status byte (reference §3.4): error code in bits 5..0, MI in bit 6.
        private const byte StatusOk = 0x00;
        private const byte StatusTimeout = 0x01;
        private const byte StatusInternalBufferOverflow = 0x0E;
        private const byte StatusMifareError = 0x14;
        private const byte StatusWrongContext = 0x27;
        private const byte StatusMoreInformation = 0x40;
        private const byte TargetNumberMask = 0x3F;

        private const byte TargetNumber = 1;
        private const byte BaudRate106TypeA = 0x00;
        private const int InitiatorDataOffset = 2;
        private const int CardAnswerCapacity = 4096;
        private const int CommandCapacity = 4096;

        private readonly byte[] _cardAnswer = new byte[CardAnswerCapacity];
        private readonly byte[] _chainedCommand = new byte[CommandCapacity];
        private ContactlessCard _fieldCard;
        private ContactlessCard _target;
        private bool _targetSelected;
        private bool _targetIso14443_4;
        private bool _waitingForCard;
        private byte _listingBaudRate;
        private int _initiatorDataLength;
        private int _chainedLength;
        private int _cardAnswerLength;
        private int _cardAnswerSent;

        /// <summary>The card in the field, or null.</summary>
        public ContactlessCard CardInField
        {
            get { return _fieldCard; }
        }

        /// <summary>
        /// A card enters the field. An InListPassiveTarget that is waiting for one (MxRtyPassiveActivation FF)
        /// activates it and answers one activation time later.
        /// </summary>
        public void PlaceCard(ContactlessCard card)
        {
            lock (_sync)
            {
                _fieldCard = card;
                if (_waitingForCard && card != null && IsWanted(card))
                {
                    _waitingForCard = false;
                    RespondTargetList(_clock.NowMicros - _ackReadyAt + ActivationMicros);
                    UpdateIrq();
                    RaiseFrameScheduled();
                }
            }
        }

        /// <summary>The card leaves the field: a later exchange with it times out.</summary>
        public void RemoveCard()
        {
            lock (_sync)
            {
                _fieldCard = null;
            }
        }

        private void ExecuteInitiator(byte command, byte[] parameters, int count)
        {
            switch (command)
            {
                case Pn532Command.InListPassiveTarget:
                    InListPassiveTarget(parameters, count);
                    return;
                case Pn532Command.InDataExchange:
                    InDataExchange(parameters, count);
                    return;
                case Pn532Command.InAutoPoll:
                    InAutoPoll(parameters, count);
                    return;
                case Pn532Command.InCommunicateThru:
                    InCommunicateThru(parameters, count);
                    return;
                case Pn532Command.InSelect:
                case Pn532Command.InDeselect:
                case Pn532Command.InRelease:
                    TargetState(command, parameters, count);
                    return;
                default:
                    RespondSyntaxError();
                    return;
            }
        }

        /// <summary>
        /// MaxTg (1 or 2), BrTy, InitiatorData: for type A optionally the UID of the card wanted, for type B the
        /// AFI. Other baud rates and types find no card (none is modelled).
        /// </summary>
        private void InListPassiveTarget(byte[] parameters, int count)
        {
            if (count < 2 || parameters[0] < 1 || parameters[0] > 2 || !InitiatorDataValid(parameters[1], count - 2))
            {
                RespondSyntaxError();
                return;
            }

            ReleaseTargets();
            _fieldOn = true;
            _listingBaudRate = parameters[1];
            _initiatorDataLength = count - 2;
            bool modelled = _listingBaudRate == BaudRate106TypeA || _listingBaudRate == BaudRate106TypeB;
            if (modelled && _fieldCard != null && IsWanted(_fieldCard))
            {
                RespondTargetList(ActivationMicros);
                return;
            }

            if (_passiveActivationRetries == RetryForever)
            {
                // The chip keeps polling until a card comes or the host aborts (reference §3.3).
                _waitingForCard = modelled;
                return;
            }

            _answer[0] = 0;
            Respond(_answer, 1, ActivationMicros * (_passiveActivationRetries + 1));
        }

        /// <summary>NbTg 1, then the target data of the card in the field, which becomes target 1.</summary>
        private void RespondTargetList(long processingMicros)
        {
            SelectFieldCard();
            _answer[0] = 1;
            Iso14443BCard typeB = _target as Iso14443BCard;
            int length = typeB != null ? WriteTypeBTarget(typeB, 1) : WriteTypeATarget(1, (_parametersFlags & AutomaticRats) != 0);
            Respond(_answer, length, processingMicros);
        }

        /// <summary>The card in the field becomes target 1, selected: a new session for it.</summary>
        private void SelectFieldCard()
        {
            _target = _fieldCard;
            _targetSelected = true;
            _target.OnSelected();
            StartBlockNumbering();
        }

        /// <summary>
        /// Tg, SENS_RES, SEL_RES, NFCIDLength, NFCID1, and the ATS (TL counts itself) when <paramref name="rats"/>
        /// and the card has one; returns the end.
        /// </summary>
        private int WriteTypeATarget(int at, bool rats)
        {
            byte[] ats = _target.Ats;
            _targetIso14443_4 = ats != null && rats;
            int i = at;
            _answer[i++] = TargetNumber;
            _answer[i++] = _target.SensRes[0];
            _answer[i++] = _target.SensRes[1];
            _answer[i++] = _target.SelRes;
            _answer[i++] = (byte)_target.Uid.Length;
            i = Append(_target.Uid, 0, _target.Uid.Length, i);
            if (_targetIso14443_4)
            {
                i = Append(ats, 0, ats.Length, i);
            }

            return i;
        }

        /// <summary>Tg (bit 6 = MI: more command data follows), DataOut; answers Status, DataIn (MI set while more of the answer waits).</summary>
        private void InDataExchange(byte[] parameters, int count)
        {
            if (count < 1)
            {
                RespondSyntaxError();
                return;
            }

            bool moreToCome = (parameters[0] & StatusMoreInformation) != 0;
            if ((parameters[0] & TargetNumberMask) != TargetNumber || _target == null || !_targetSelected)
            {
                RespondStatus(StatusWrongContext, 0);
                return;
            }

            if (count == 1 && !moreToCome && _cardAnswerSent < _cardAnswerLength)
            {
                RespondAnswerPart(RfByteMicros);
                return;
            }

            if (_chainedLength + count - 1 > _chainedCommand.Length)
            {
                _chainedLength = 0;
                RespondStatus(StatusInternalBufferOverflow, 0);
                return;
            }

            _chainedLength = AppendCommand(parameters, 1, count - 1);
            if (moreToCome)
            {
                RespondStatus(StatusOk, (count - 1) * RfByteMicros);
                return;
            }

            ExchangeWithCard();
        }

        private void ExchangeWithCard()
        {
            int commandLength = _chainedLength;
            _chainedLength = 0;
            _cardAnswerLength = 0;
            _cardAnswerSent = 0;
            long airMicros = commandLength * RfByteMicros;
            if (_target != _fieldCard)
            {
                RespondTargetSilent(airMicros);
                return;
            }

            if (_targetIso14443_4)
            {
                ToggleBlockNumber();
            }

            RfAnswer answer = TransceiveTarget(_chainedCommand, 0, commandLength, 0, out _cardAnswerLength);
            switch (answer)
            {
                case RfAnswer.Data:
                    RespondAnswerPart(airMicros);
                    return;
                case RfAnswer.Ack:
                    RespondStatus(StatusOk, airMicros);
                    return;
                case RfAnswer.Nak:
                    RespondStatus(StatusMifareError, airMicros);
                    return;
                default:
                    // A card that falls silent after a MIFARE AUTH refused the key (reference §3.4, 0x14).
                    bool auth = commandLength > 0
                        && (_chainedCommand[0] == MifareClassicCard.CommandAuthKeyA || _chainedCommand[0] == MifareClassicCard.CommandAuthKeyB);
                    if (auth)
                    {
                        RespondStatus(StatusMifareError, airMicros);
                        return;
                    }

                    RespondTargetSilent(airMicros);
                    return;
            }
        }

        /// <summary>
        /// The target answers one command into <see cref="_cardAnswer"/> from <paramref name="answerOffset"/>. A card
        /// that left the field while the command was on its way (<see cref="RfAnswer.Left"/>) is out of the field
        /// from then on, and to the chip it was silent.
        /// </summary>
        private RfAnswer TransceiveTarget(byte[] command, int offset, int count, int answerOffset, out int answerLength)
        {
            RfAnswer answer = _target.Transceive(command, offset, count, _cardAnswer, answerOffset, _cardAnswer.Length - answerOffset, out answerLength);
            if (answer != RfAnswer.Left)
            {
                return answer;
            }

            _fieldCard = null;
            return RfAnswer.Silent;
        }

        /// <summary>
        /// Status 01 once the chip gave up waiting: one FWT for an ISO 14443-4 target (the chip runs its block
        /// protocol, reference §5.1), the communication time-out of RFConfiguration item 02 for MIFARE (reference §3.3).
        /// </summary>
        private void RespondTargetSilent(long airMicros)
        {
            if (_targetIso14443_4)
            {
                RespondStatus(StatusTimeout, airMicros + FrameWaitingMicros(_target.FrameWaitingIndex));
                return;
            }

            RespondSilence(airMicros);
        }

        /// <summary>The next at most <see cref="MaxDataIn"/> bytes of the card's answer, MI set while more remain.</summary>
        private void RespondAnswerPart(long processingMicros)
        {
            int left = _cardAnswerLength - _cardAnswerSent;
            int part = left > MaxDataIn ? MaxDataIn : left;
            _answer[0] = left > part ? StatusMoreInformation : StatusOk;
            Append(_cardAnswer, _cardAnswerSent, part, 1);
            _cardAnswerSent += part;
            Respond(_answer, 1 + part, processingMicros + part * RfByteMicros);
        }

        /// <summary>Tg (0 = all): InSelect selects the listed target again, InDeselect parks it, InRelease forgets it.</summary>
        private void TargetState(byte command, byte[] parameters, int count)
        {
            if (count != 1)
            {
                RespondSyntaxError();
                return;
            }

            bool all = parameters[0] == 0;
            if (_target == null || (!all && parameters[0] != TargetNumber))
            {
                RespondStatus(StatusWrongContext, 0);
                return;
            }

            if (command == Pn532Command.InRelease)
            {
                ReleaseTargets();
            }
            else if (command == Pn532Command.InSelect)
            {
                SelectAgain();
                return;
            }
            else
            {
                _targetSelected = false;
            }

            RespondStatus(StatusOk, 0);
        }

        private void SelectAgain()
        {
            if (_target != _fieldCard)
            {
                RespondStatus(StatusTimeout, ActivationMicros);
                return;
            }

            SelectFieldCard();
            RespondStatus(StatusOk, ActivationMicros);
        }

        private void RespondStatus(byte status, long processingMicros)
        {
            _answer[0] = status;
            Respond(_answer, 1, CommandMicros + processingMicros);
        }

        private void ReleaseTargets()
        {
            _target = null;
            _targetSelected = false;
            _targetIso14443_4 = false;
            _chainedLength = 0;
            _cardAnswerLength = 0;
            _cardAnswerSent = 0;
        }

        private int AppendCommand(byte[] parameters, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _chainedCommand[_chainedLength + i] = parameters[offset + i];
            }

            return _chainedLength + count;
        }

        private int Append(byte[] source, int offset, int count, int at)
        {
            for (int i = 0; i < count; i++)
            {
                _answer[at + i] = source[offset + i];
            }

            return at + count;
        }

        /// <summary>
        /// True when the card answers the running InListPassiveTarget (its InitiatorData is still in the
        /// command's parameters): for type A a type A card when no UID is named or it is this card's, for type B
        /// a type B card that answers the AFI.
        /// </summary>
        private bool IsWanted(ContactlessCard card)
        {
            Iso14443BCard typeB = card as Iso14443BCard;
            if (_listingBaudRate == BaudRate106TypeB)
            {
                return typeB != null && typeB.AnswersAfi(_parameters[InitiatorDataOffset]);
            }

            return typeB == null
                && (_initiatorDataLength == 0 || UidEquals(card.Uid, _parameters, InitiatorDataOffset, _initiatorDataLength));
        }

        private static bool UidEquals(byte[] uid, byte[] buffer, int offset, int count)
        {
            if (uid.Length != count)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (uid[i] != buffer[offset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
