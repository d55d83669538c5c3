using System;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>
    /// Exchanges <see cref="CommandApdu"/>s with the card of a <see cref="CardConnection"/> and, as the
    /// <see cref="AutoResponse"/> mode allows, completes its answers: on 6Cxx the command is sent once more
    /// with Ne = xx (00 meaning 256) and the answer kept to the Ne first asked for, as the T=0 transport
    /// does (ISO/IEC 7816-3 §12.2.3); on 61xx GET RESPONSE (ISO/IEC 7816-4 §11.5.2, the CLA of the command)
    /// fetches min(xx, <see cref="MaxReceiveSize"/>) more bytes while the card keeps answering 61xx, at
    /// most <see cref="MaxGetResponses"/> times. The data of every part is joined; the status word is the
    /// last one. Not for concurrent use from several threads (the connection is).
    /// </summary>
    public sealed class IsoCard
    {
        /// <summary>Ne of a GET RESPONSE at most: a short Le's largest.</summary>
        public const int DefaultMaxReceiveSize = CommandApdu.MaxShortNe;

        /// <summary>Enough GET RESPONSEs of 256 bytes for the largest response (65536 bytes).</summary>
        public const int DefaultMaxGetResponses = CommandApdu.MaxExtendedNe / CommandApdu.MaxShortNe;

        private const byte InsGetResponse = 0xC0;
        private const int TrailerLength = 2;

        private readonly CardConnection connection;
        private byte[] joined = new byte[0];
        private int joinedLength;

        public IsoCard(CardConnection connection)
        {
            if (connection == null)
            {
                throw new ArgumentNullException("connection");
            }

            this.connection = connection;
            AutoResponse = AutoResponseMode.WhenProtocolNeedsIt;
            MaxReceiveSize = DefaultMaxReceiveSize;
            MaxGetResponses = DefaultMaxGetResponses;
        }

        public CardConnection Connection
        {
            get { return connection; }
        }

        public AutoResponseMode AutoResponse { get; set; }

        /// <summary>Largest Ne of a GET RESPONSE (1–256); some readers want less than 256.</summary>
        public int MaxReceiveSize { get; set; }

        /// <summary>Bound on the GET RESPONSEs of one command.</summary>
        public int MaxGetResponses { get; set; }

        /// <summary>True when the mode makes this connection's protocol complete 61xx / 6Cxx answers.</summary>
        public bool CompletesResponses
        {
            get
            {
                return AutoResponse == AutoResponseMode.Always
                    || (AutoResponse == AutoResponseMode.WhenProtocolNeedsIt && connection.Protocol != Protocols.T0);
            }
        }

        /// <summary>Sends <paramref name="command"/>; PcscException when the transmission fails, ArgumentException when it is invalid.</summary>
        public ResponseApdu Transmit(CommandApdu command)
        {
            if (command == null)
            {
                throw new ArgumentNullException("command");
            }

            if (!CompletesResponses)
            {
                return Exchange(command);
            }

            ResponseApdu response = ExchangeWithLengthRetry(command);
            joinedLength = 0;
            for (int round = 0; response.Sw1 == ResponseApdu.Sw1MoreData && round < MaxGetResponses; round++)
            {
                Join(response);
                response = ExchangeWithLengthRetry(GetResponse(command.Cla, response.Sw2));
            }

            if (joinedLength == 0)
            {
                return response;
            }

            Join(response);
            return new ResponseApdu(joined, 0, joinedLength, response.Sw1, response.Sw2);
        }

        private ResponseApdu ExchangeWithLengthRetry(CommandApdu command)
        {
            ResponseApdu response = Exchange(command);
            if (response.Sw1 != ResponseApdu.Sw1WrongLength)
            {
                return response;
            }

            ResponseApdu reissued = Exchange(command.WithNe(LengthOf(response.Sw2)));
            return command.Ne > 0 && reissued.DataLength > command.Ne ? Truncated(reissued, command.Ne) : reissued;
        }

        private static ResponseApdu Truncated(ResponseApdu response, int ne)
        {
            return new ResponseApdu(response.GetData(), 0, ne, response.Sw1, response.Sw2);
        }

        private CommandApdu GetResponse(byte cla, byte available)
        {
            int ne = LengthOf(available);
            return new CommandApdu(cla, InsGetResponse, 0x00, 0x00, null, ne < MaxReceiveSize ? ne : MaxReceiveSize);
        }

        private ResponseApdu Exchange(CommandApdu command)
        {
            byte[] send = command.ToArray();
            int ne = command.Ne > CommandApdu.MaxShortNe ? command.Ne : CommandApdu.MaxShortNe;
            byte[] receive = new byte[ne + TrailerLength];
            int length = connection.Transmit(send, 0, send.Length, receive, 0, receive.Length);
            return new ResponseApdu(receive, 0, length);
        }

        /// <summary>Appends a part's data to the joined response.</summary>
        private void Join(ResponseApdu part)
        {
            int needed = joinedLength + part.DataLength;
            if (needed > joined.Length)
            {
                byte[] larger = new byte[needed * 2];
                Array.Copy(joined, larger, joinedLength);
                joined = larger;
            }

            byte[] data = part.GetData();
            Array.Copy(data, 0, joined, joinedLength, data.Length);
            joinedLength = needed;
        }

        /// <summary>The length a 61xx / 6Cxx status announces: SW2, where 00 means 256 (ISO/IEC 7816-4 §5.6).</summary>
        private static int LengthOf(byte sw2)
        {
            return sw2 == 0 ? CommandApdu.MaxShortNe : sw2;
        }
    }
}
