namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Protocol and parameters selection, ISO 7816-3 §9: the request PPSS PPS0 [PPS1] PCK sent at
    /// Fd/Dd, and the check of the card's response (§9.3). PPS2 and PPS3 are never requested.
    /// </summary>
    public static class Pps
    {
        /// <summary>PPSS, the initial character of a request and a response (§9.2).</summary>
        public const byte Ppss = 0xFF;

        /// <summary>PPS0 b5: PPS1 (FI|DI) follows (§9.2).</summary>
        public const int Pps1Present = 0x10;

        /// <summary>PPS0 b6: PPS2 follows.</summary>
        public const int Pps2Present = 0x20;

        /// <summary>PPS0 b7: PPS3 follows.</summary>
        public const int Pps3Present = 0x40;

        /// <summary>PPS0 b4..b1: the protocol type T.</summary>
        public const int ProtocolTypeMask = 0x0F;

        /// <summary>Longest PPS message: PPSS, PPS0, PPS1, PPS2, PPS3, PCK.</summary>
        public const int MaxLength = 6;

        /// <summary>Value reported in agreedFiDi when the card did not echo PPS1: Fd and Dd apply (§9.3).</summary>
        public const int DefaultFiDi = AtrTables.DefaultFiDi;

        private const int HeaderLength = 2;

        /// <summary>
        /// Writes PPSS, PPS0 (protocol <paramref name="protocolType"/>), PPS1 when <paramref name="pps1"/> ≥ 0,
        /// and PCK into <paramref name="buffer"/>; returns the length (3 or 4).
        /// </summary>
        public static int BuildRequest(int protocolType, int pps1, byte[] buffer, int offset)
        {
            int length = 0;
            buffer[offset + length++] = Ppss;
            buffer[offset + length++] = (byte)((protocolType & ProtocolTypeMask) | (pps1 >= 0 ? Pps1Present : 0));
            if (pps1 >= 0)
            {
                buffer[offset + length++] = (byte)pps1;
            }

            buffer[offset + length] = (byte)CheckCharacter(buffer, offset, length);
            return length + 1;
        }

        /// <summary>
        /// Checks a response against the request (§9.3): PPSS and PCK right, the protocol echoed, PPS1
        /// either echoed identically or absent (then Fd/Dd apply), no PPS2/PPS3 that were not asked for.
        /// Success with the agreed FI|DI byte, or DeviceProtocolError.
        /// </summary>
        public static SmartcardStatus CheckResponse(byte[] request, int requestOffset, byte[] response, int responseOffset, int responseLength, out int agreedFiDi)
        {
            agreedFiDi = DefaultFiDi;
            if (responseLength < HeaderLength + 1 || response[responseOffset] != Ppss
                || responseLength != HeaderLength + OptionalCount(response[responseOffset + 1]) + 1
                || CheckCharacter(response, responseOffset, responseLength) != 0)
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            int requested = request[requestOffset + 1];
            int answered = response[responseOffset + 1];
            int mustMatch = ~Pps1Present & 0xFF;
            if ((answered & mustMatch) != (requested & mustMatch))
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            if ((answered & Pps1Present) == 0)
            {
                return SmartcardStatus.Success;
            }

            if ((requested & Pps1Present) == 0 || response[responseOffset + 2] != request[requestOffset + 2])
            {
                return SmartcardStatus.DeviceProtocolError;
            }

            agreedFiDi = request[requestOffset + 2];
            return SmartcardStatus.Success;
        }

        /// <summary>
        /// Runs one PPS exchange over <paramref name="channel"/> with the timing in force (Fd/Dd, WT of
        /// <paramref name="timing"/> for the response, §9.1). Success with the agreed FI|DI byte;
        /// IoTimeout when the card stays silent or stops mid-response; DeviceProtocolError when the
        /// response is not acceptable; NoMedia when the card is gone. On failure the caller deactivates.
        /// </summary>
        public static SmartcardStatus Exchange(ICardChannel channel, CardTiming timing, int protocolType, int pps1, out int agreedFiDi)
        {
            agreedFiDi = DefaultFiDi;
            byte[] request = new byte[MaxLength];
            byte[] response = new byte[MaxLength];
            int requestLength = BuildRequest(protocolType, pps1, request, 0);
            channel.DiscardInput();
            SmartcardStatus status = channel.Send(request, 0, requestLength);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            int responseLength;
            status = ReceiveResponse(channel, timing.WaitingTimeMicros, response, out responseLength);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            return CheckResponse(request, 0, response, 0, responseLength, out agreedFiDi);
        }

        /// <summary>Reads PPSS and PPS0, then as many characters as PPS0 announces plus PCK.</summary>
        private static SmartcardStatus ReceiveResponse(ICardChannel channel, int waitingTimeMicros, byte[] response, out int length)
        {
            int received;
            length = 0;
            SmartcardStatus status = channel.Receive(response, 0, HeaderLength, waitingTimeMicros, waitingTimeMicros, out received);
            length = received;
            if (status != SmartcardStatus.Success)
            {
                return ReceiveFailure(status);
            }

            if (response[0] != Ppss)
            {
                channel.DiscardInput();
                return SmartcardStatus.DeviceProtocolError;
            }

            int rest = OptionalCount(response[1]) + 1;
            status = channel.Receive(response, HeaderLength, rest, waitingTimeMicros, waitingTimeMicros, out received);
            length += received;
            return ReceiveFailure(status);
        }

        /// <summary>A parity error in PPS cannot be repaired by retrying: the exchange failed (§9.3).</summary>
        private static SmartcardStatus ReceiveFailure(SmartcardStatus status)
        {
            return status == SmartcardStatus.ParityError ? SmartcardStatus.DeviceProtocolError : status;
        }

        private static int OptionalCount(int pps0)
        {
            int count = 0;
            count += (pps0 & Pps1Present) != 0 ? 1 : 0;
            count += (pps0 & Pps2Present) != 0 ? 1 : 0;
            count += (pps0 & Pps3Present) != 0 ? 1 : 0;
            return count;
        }

        /// <summary>Exclusive-or of <paramref name="count"/> characters: PCK makes PPSS..PCK XOR to 00 (§9.2).</summary>
        private static int CheckCharacter(byte[] buffer, int offset, int count)
        {
            int check = 0;
            for (int i = 0; i < count; i++)
            {
                check ^= buffer[offset + i];
            }

            return check;
        }
    }
}
