using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>
    /// InAutoPoll (UM0701-02 §7.3.13, reference iso7816-pn532.md §3.3): PollNr rounds (FF = until a card comes
    /// or the host aborts with an ACK), each trying the listed target types one after the other, one Period
    /// (× 150 ms) per try, in virtual time. The first try finding a card answers NbTg 1, Type, the length of
    /// the target data and the target data (as InListPassiveTarget lists it, Tg included); when every try
    /// failed the answer is NbTg 0, PollNr × types × Period after the command.
    /// </summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>The unit of the Period parameter (reference §3.3).</summary>
        public const long AutoPollPeriodUnitMicros = 150000;

        private const byte PollForever = 0xFF;
        private const byte PeriodMin = 0x01;
        private const byte PeriodMax = 0x0F;
        private const int PollTypesMax = 15;
        private const int PollTypesOffset = 2;

        // NbTg, Type, NbData precede the target data in the answer.
        private const int TargetDataOffset = 3;

        // Target types of reference §3.3; the ones the virtual cards answer are named.
        private const byte PollGeneric106A = 0x00;
        private const byte PollTypeB = 0x03;
        private const byte PollMifare = 0x10;
        private const byte PollIso14443_4A = 0x20;
        private const byte PollIso14443_4B = 0x23;
        private static readonly byte[] DocumentedPollTypes = new byte[]
        {
            0x00, 0x01, 0x02, 0x03, 0x04, 0x10, 0x11, 0x12, 0x20, 0x23, 0x40, 0x41, 0x42, 0x80, 0x81, 0x82,
        };

        private readonly byte[] _pollTypes = new byte[PollTypesMax];
        private int _pollTypeCount;
        private int _pollTries;
        private int _pollTry;
        private long _pollStart;
        private long _pollPeriodMicros;
        private VirtualTimer _pollTimer;

        /// <summary>PollNr, Period, Type1..TypeN (1 to 15 documented types).</summary>
        private void InAutoPoll(byte[] parameters, int count)
        {
            int types = count - PollTypesOffset;
            if (types < 1 || types > PollTypesMax || parameters[0] == 0 || parameters[1] < PeriodMin || parameters[1] > PeriodMax
                || !DocumentedTypes(parameters, PollTypesOffset, types))
            {
                RespondSyntaxError();
                return;
            }

            ReleaseTargets();
            _fieldOn = true;
            for (int i = 0; i < types; i++)
            {
                _pollTypes[i] = parameters[PollTypesOffset + i];
            }

            _pollTypeCount = types;
            _pollTries = parameters[0] == PollForever ? 0 : parameters[0] * types;
            _pollPeriodMicros = parameters[1] * AutoPollPeriodUnitMicros;
            _pollStart = _ackReadyAt;
            _pollTry = 0;
            PollOnce();
        }

        /// <summary>One try with the type due now: the answer when the card in the field fits it, else the next try or NbTg 0.</summary>
        private void PollOnce()
        {
            byte type = _pollTypes[_pollTry % _pollTypeCount];
            long tryStart = _pollStart + _pollTry * _pollPeriodMicros;
            if (_fieldCard != null && PollFinds(type, _fieldCard))
            {
                RespondPolledTarget(type, tryStart - _ackReadyAt + ActivationMicros);
                return;
            }

            _pollTry++;
            long nextTry = tryStart + _pollPeriodMicros;
            if (_pollTries != 0 && _pollTry >= _pollTries)
            {
                _answer[0] = 0;
                Respond(_answer, 1, nextTry - _ackReadyAt);
                return;
            }

            _pollTimer = _clock.Schedule(nextTry, OnPollDue, null);
        }

        private void OnPollDue(VirtualTimer timer, long dueMicros)
        {
            lock (_sync)
            {
                if (timer != _pollTimer)
                {
                    return;
                }

                _pollTimer = null;
                PollOnce();
                UpdateIrq();
                RaiseFrameScheduled();
            }
        }

        /// <summary>A host ACK, a new command or a power cycle ends the polling.</summary>
        private void StopAutoPoll()
        {
            _clock.Cancel(_pollTimer);
            _pollTimer = null;
        }

        /// <summary>
        /// 00 generic and 10 MIFARE find any type A card (10 without RATS), 20 only an ISO 14443-4 one (with its
        /// ATS), 03 and 23 a type B card (AFI 00: all families).
        /// </summary>
        private static bool PollFinds(byte type, ContactlessCard card)
        {
            Iso14443BCard typeB = card as Iso14443BCard;
            switch (type)
            {
                case PollGeneric106A:
                case PollMifare:
                    return typeB == null;
                case PollIso14443_4A:
                    return typeB == null && card.Ats != null;
                case PollTypeB:
                case PollIso14443_4B:
                    return typeB != null && typeB.AnswersAfi(Iso14443BCard.AllFamilies);
                default:
                    return false;
            }
        }

        /// <summary>NbTg 1, Type, length of the target data, target data; the card becomes target 1.</summary>
        private void RespondPolledTarget(byte type, long processingMicros)
        {
            SelectFieldCard();
            _answer[0] = 1;
            _answer[1] = type;
            Iso14443BCard typeB = _target as Iso14443BCard;
            bool rats = type == PollIso14443_4A || (type == PollGeneric106A && (_parametersFlags & AutomaticRats) != 0);
            int end = typeB != null ? WriteTypeBTarget(typeB, TargetDataOffset) : WriteTypeATarget(TargetDataOffset, rats);
            _answer[2] = (byte)(end - TargetDataOffset);
            Respond(_answer, end, processingMicros);
        }

        private static bool DocumentedTypes(byte[] parameters, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (!Contains(DocumentedPollTypes, parameters[offset + i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Contains(byte[] values, byte value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
