using System;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// The T=0 transmission protocol (ISO/IEC 7816-3 §10) and the transport of short APDUs over it (§12.2):
    /// every APDU becomes one or more TPDUs (CLA INS P1 P2 P3, procedure bytes, data, SW1 SW2).
    /// Turnaround (16 etu, §10.2) and guard time are the channel's job (CardTiming.TurnaroundEtu and
    /// CharacterGuardEtu); this class waits WT for every character it receives. Buffers are
    /// preallocated: a transmit allocates nothing. One instance serves one card at a time.
    /// </summary>
    public sealed class T0Protocol
    {
        /// <summary>NULL procedure byte: the card asks for more time; WT restarts (§10.3.3).</summary>
        private const byte NullProcedureByte = 0x60;

        /// <summary>XORed with INS, the procedure byte that asks for one data byte (§10.3.3).</summary>
        private const byte SingleByteAckMask = 0xFF;

        /// <summary>GET RESPONSE (ISO/IEC 7816-4 §11.5.2): fetches the data a card announced with 61xx.</summary>
        private const byte GetResponseIns = 0xC0;

        /// <summary>SW1 of "xx more bytes available" (§12.2.2, §12.2.5 case 2S.4 / 4S.3).</summary>
        private const byte MoreDataSw1 = 0x61;

        /// <summary>SW1 of "wrong Le, Na = xx: re-issue with P3 = xx" (§12.2.2 case 2S.3).</summary>
        private const byte WrongLengthSw1 = 0x6C;

        private const byte SuccessSw1 = 0x90;
        private const byte SuccessSw2 = 0x00;

        private const int TpduHeaderLength = 5;
        private const int StatusWordLength = 2;

        /// <summary>
        /// How long a card may keep an exchange alive with NULL procedure bytes. ISO 7816-3 sets no limit (a card
        /// sends NULLs during long operations such as key generation); five minutes outlasts any such operation
        /// and still ends a card that streams NULLs forever.
        /// </summary>
        private const long NullStreamLimitMicros = 300L * 1000 * 1000;

        private readonly byte[] _header = new byte[TpduHeaderLength];
        private readonly byte[] _byte = new byte[1];

        // Response data of one APDU. Before every GET RESPONSE fewer than Ne (≤ 256) bytes are held, and a
        // 6Cxx re-issue may bring up to 256 more, so twice the short maximum always fits.
        private readonly byte[] _data = new byte[2 * ApduClassifier.MaxShortNe];
        private int _dataLength;
        private byte _sw1;
        private byte _sw2;

        /// <summary>
        /// Sends a short command APDU and returns the response APDU (data + SW1 SW2). InvalidParameter for a
        /// malformed APDU or an INS that T=0 cannot carry; NotSupported for extended APDUs (T=0 carries them
        /// only through ENVELOPE, which few cards implement: they go over T=1); BufferTooSmall with the needed
        /// <paramref name="responseLength"/> when the response does not fit; IoTimeout when the card stays
        /// silent for WT; DeviceProtocolError for a procedure byte §10.3.3 does not define; the channel's
        /// ParityError or NoMedia as they come.
        /// </summary>
        public SmartcardStatus Transmit(ICardChannel channel, CardTiming timing, byte[] command, int commandOffset, int commandLength,
                                        byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            if (channel == null || timing == null || !BufferRange.IsValid(response, responseOffset, responseCapacity))
            {
                return SmartcardStatus.InvalidParameter;
            }

            int nc;
            int ne;
            ApduCase apduCase = ApduClassifier.Classify(command, commandOffset, commandLength, out nc, out ne);
            if (apduCase == ApduCase.Invalid || !IsValidInstruction(command[commandOffset + 1]))
            {
                return SmartcardStatus.InvalidParameter;
            }

            if (ApduClassifier.IsExtended(apduCase))
            {
                // T=0 would need ENVELOPE chains (§12.2.7, §12.2.8) that few cards implement: extended
                // APDUs are carried by T=1, so under T=0 they are refused before anything is sent.
                return SmartcardStatus.NotSupported;
            }

            if (responseCapacity < StatusWordLength)
            {
                responseLength = StatusWordLength;
                return SmartcardStatus.BufferTooSmall;
            }

            _dataLength = 0;
            SmartcardStatus status = RunCase(channel, timing, apduCase, command, commandOffset, nc, ne);
            if (status != SmartcardStatus.Success)
            {
                // Whatever the card still sends belongs to the failed exchange.
                channel.DiscardInput();
                return status;
            }

            return CopyResponse(ne, response, responseOffset, responseCapacity, out responseLength);
        }

        /// <summary>
        /// INS values 6X and 9X cannot be sent under T=0: the card's ACK (= INS) would read as SW1
        /// (§10.3.2); odd INS values are valid again since the 2006 edition.
        /// </summary>
        private static bool IsValidInstruction(byte ins)
        {
            int high = ins & 0xF0;
            return high != 0x60 && high != 0x90;
        }

        /// <summary>SW1 is 6X (except the NULL byte 60) or 9X (§10.3.3).</summary>
        private static bool IsStatusByte(byte value)
        {
            int high = value & 0xF0;
            return (high == 0x60 && value != NullProcedureByte) || high == 0x90;
        }

        /// <summary>The APDU → TPDU mapping of §12.2.2 to §12.2.5.</summary>
        private SmartcardStatus RunCase(ICardChannel channel, CardTiming timing, ApduCase apduCase, byte[] command, int offset, int nc, int ne)
        {
            byte cla = command[offset];
            byte ins = command[offset + 1];
            byte p1 = command[offset + 2];
            byte p2 = command[offset + 3];
            switch (apduCase)
            {
                case ApduCase.Case1:
                    // Case 1: P3 = 00, no data either way (§12.2.2).
                    SetHeader(cla, ins, p1, p2, 0);
                    return ExchangeTpdu(channel, timing, command, 0, 0, 0);
                case ApduCase.Case2Short:
                    return RunCase2(channel, timing, cla, ins, p1, p2, ne);
                case ApduCase.Case3Short:
                    SetHeader(cla, ins, p1, p2, (byte)nc);
                    return ExchangeTpdu(channel, timing, command, offset + TpduHeaderLength, nc, 0);
                default:
                    return RunCase4(channel, timing, command, offset, nc, ne);
            }
        }

        /// <summary>Case 2S: P3 = Le, re-issued with P3 = xx on 6Cxx, then GET RESPONSE while 61xx (§12.2.3).</summary>
        private SmartcardStatus RunCase2(ICardChannel channel, CardTiming timing, byte cla, byte ins, byte p1, byte p2, int ne)
        {
            SmartcardStatus status = ReceiveWithLengthRetry(channel, timing, cla, ins, p1, p2, ne);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            return CollectMoreData(channel, timing, cla, ne);
        }

        /// <summary>
        /// Case 4S: sent as case 3 (no Le byte on the wire). 61xx → GET RESPONSE with min(xx, Ne); 9000 →
        /// GET RESPONSE with Ne (§12.2.5 cases 4S.2 and 4S.3); any other status is the answer.
        /// </summary>
        private SmartcardStatus RunCase4(ICardChannel channel, CardTiming timing, byte[] command, int offset, int nc, int ne)
        {
            byte cla = command[offset];
            SetHeader(cla, command[offset + 1], command[offset + 2], command[offset + 3], (byte)nc);
            SmartcardStatus status = ExchangeTpdu(channel, timing, command, offset + TpduHeaderLength, nc, 0);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            if (_sw1 == SuccessSw1 && _sw2 == SuccessSw2)
            {
                status = ReceiveWithLengthRetry(channel, timing, cla, GetResponseIns, 0, 0, ne);
                if (status != SmartcardStatus.Success)
                {
                    return status;
                }

                if (_dataLength == 0 && _sw1 != MoreDataSw1 && _sw1 != SuccessSw1)
                {
                    // A card that had nothing to return rejects the GET RESPONSE (6985, 6D00 …); the
                    // command itself succeeded, so its 9000 is the answer.
                    _sw1 = SuccessSw1;
                    _sw2 = SuccessSw2;
                }
            }

            return CollectMoreData(channel, timing, cla, ne);
        }

        /// <summary>
        /// GET RESPONSE with P3 = min(xx, Ne − received) while the card answers 61xx and fewer than Ne bytes
        /// arrived. Bounded: a round that brings no data ends the loop, so there are at most Ne rounds.
        /// </summary>
        private SmartcardStatus CollectMoreData(ICardChannel channel, CardTiming timing, byte cla, int ne)
        {
            while (_sw1 == MoreDataSw1 && _dataLength < ne)
            {
                int before = _dataLength;
                int available = _sw2 == 0 ? ApduClassifier.MaxShortNe : _sw2;
                SmartcardStatus status = ReceiveWithLengthRetry(channel, timing, cla, GetResponseIns, 0, 0, Min(available, ne - _dataLength));
                if (status != SmartcardStatus.Success || _dataLength == before)
                {
                    return status;
                }
            }

            return SmartcardStatus.Success;
        }

        /// <summary>
        /// An outgoing TPDU (data from the card) with P3 = <paramref name="le"/> (256 sent as 00); when the card
        /// answers 6Cxx without data, the same header once more with P3 = xx (§12.2.3 case 2S.3).
        /// </summary>
        private SmartcardStatus ReceiveWithLengthRetry(ICardChannel channel, CardTiming timing, byte cla, byte ins, byte p1, byte p2, int le)
        {
            SetHeader(cla, ins, p1, p2, (byte)le);
            int before = _dataLength;
            SmartcardStatus status = ExchangeTpdu(channel, timing, null, 0, 0, le);
            if (status != SmartcardStatus.Success || _sw1 != WrongLengthSw1 || _dataLength != before)
            {
                return status;
            }

            byte na = _sw2;
            SetHeader(cla, ins, p1, p2, na);
            return ExchangeTpdu(channel, timing, null, 0, 0, na == 0 ? ApduClassifier.MaxShortNe : na);
        }

        /// <summary>
        /// One TPDU: sends the header in <see cref="_header"/>, then follows the procedure bytes until SW1 SW2,
        /// sending <paramref name="outgoing"/> bytes from <paramref name="data"/> or receiving
        /// <paramref name="incoming"/> bytes into <see cref="_data"/>. Every byte is awaited for WT.
        /// <code>
        /// procedure byte (ISO 7816-3 §10.3.3)   action
        /// 60                                  NULL: wait again, WT restarts
        /// INS                                 ACK: transfer all remaining data bytes
        /// INS ⊕ FF                            ACK: transfer one data byte
        /// 6X (X ≠ 0), 9X                      SW1: read SW2, the TPDU ends
        /// anything else                       DeviceProtocolError (never a hang)
        /// </code>
        /// Bounded: every procedure byte either ends the TPDU, moves at least one data byte, or is a NULL
        /// (bounded by <see cref="NullStreamLimitMicros"/>).
        /// </summary>
        private SmartcardStatus ExchangeTpdu(ICardChannel channel, CardTiming timing, byte[] data, int dataOffset, int outgoing, int incoming)
        {
            SmartcardStatus status = channel.Send(_header, 0, TpduHeaderLength);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            int waitingTime = WaitingTimeMicros(timing);
            long nullDeadline = channel.Clock.NowMicros + NullStreamLimitMicros;
            byte ins = _header[1];
            int remaining = outgoing > 0 ? outgoing : incoming;
            while (true)
            {
                byte procedure;
                status = ReceiveByte(channel, waitingTime, out procedure);
                if (status != SmartcardStatus.Success)
                {
                    return status;
                }

                if (procedure == NullProcedureByte)
                {
                    if (channel.Clock.NowMicros > nullDeadline)
                    {
                        return SmartcardStatus.IoTimeout;
                    }

                    continue;
                }

                if (IsStatusByte(procedure))
                {
                    _sw1 = procedure;
                    return ReceiveByte(channel, waitingTime, out _sw2);
                }

                int chunk = DataChunkFor(procedure, ins, remaining);
                if (chunk == 0)
                {
                    return SmartcardStatus.DeviceProtocolError;
                }

                status = outgoing > 0
                    ? channel.Send(data, dataOffset + outgoing - remaining, chunk)
                    : ReceiveData(channel, waitingTime, chunk);
                if (status != SmartcardStatus.Success)
                {
                    return status;
                }

                remaining -= chunk;
            }
        }

        /// <summary>
        /// How many data bytes a procedure byte asks for (§10.3.3): INS → all remaining; INS ⊕ FF → one.
        /// 0 for anything else, and for an ACK when no data is left: both are protocol errors.
        /// </summary>
        private static int DataChunkFor(byte procedure, byte ins, int remaining)
        {
            if (procedure == ins)
            {
                return remaining;
            }

            if (procedure == (byte)(ins ^ SingleByteAckMask))
            {
                return Min(1, remaining);
            }

            return 0;
        }

        private SmartcardStatus ReceiveData(ICardChannel channel, int waitingTime, int count)
        {
            int received;
            SmartcardStatus status = channel.Receive(_data, _dataLength, count, waitingTime, waitingTime, out received);
            _dataLength += received;
            return status;
        }

        private SmartcardStatus ReceiveByte(ICardChannel channel, int waitingTime, out byte value)
        {
            int received;
            SmartcardStatus status = channel.Receive(_byte, 0, 1, waitingTime, waitingTime, out received);
            value = _byte[0];
            return status;
        }

        /// <summary>Copies min(received, Ne) data bytes and SW1 SW2 to the caller (case 2S.3 returns at most Ne).</summary>
        private SmartcardStatus CopyResponse(int ne, byte[] response, int offset, int capacity, out int responseLength)
        {
            int dataLength = Min(_dataLength, ne);
            responseLength = dataLength + StatusWordLength;
            if (responseLength > capacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            Array.Copy(_data, 0, response, offset, dataLength);
            response[offset + dataLength] = _sw1;
            response[offset + dataLength + 1] = _sw2;
            return SmartcardStatus.Success;
        }

        private void SetHeader(byte cla, byte ins, byte p1, byte p2, byte p3)
        {
            _header[0] = cla;
            _header[1] = ins;
            _header[2] = p1;
            _header[3] = p2;
            _header[4] = p3;
        }

        /// <summary>WT from the timing, or the initial 9600 etu before ProtocolSelection filled it in.</summary>
        private static int WaitingTimeMicros(CardTiming timing)
        {
            return timing.WaitingTimeMicros > 0 ? timing.WaitingTimeMicros : (int)timing.EtuToMicros(CardTiming.InitialWaitingTimeEtu);
        }

        private static int Min(int a, int b)
        {
            return a < b ? a : b;
        }
    }
}
