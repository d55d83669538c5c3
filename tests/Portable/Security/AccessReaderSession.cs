#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Security;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Security
{
    /// <summary>A card connected through <see cref="SCardManager"/> on a one-slot simulator board, and the access APDUs.</summary>
    internal sealed class AccessReaderSession
    {
        private const int StatusWordLength = 2;
        private const int CardIdLe = 0x00;
        private const int MaxResponseLength = 258;

        private readonly SCardManager _manager;
        private readonly int _handle;
        private readonly byte[] _response = new byte[MaxResponseLength];

        private AccessReaderSession(SCardManager manager, int handle, int protocol)
        {
            _manager = manager;
            _handle = handle;
            Protocol = protocol;
        }

        public int Protocol { get; private set; }

        /// <summary>The last response APDU (data then SW1 SW2).</summary>
        public byte[] Response
        {
            get { return _response; }
        }

        /// <summary>Data bytes of the last response (without SW1 SW2).</summary>
        public int ResponseDataLength { get; private set; }

        public static AccessReaderSession Start(CardProfile profile)
        {
            SimulatorBoard board = new SimulatorBoard(1);
            SCardManager manager = new SCardManager(board);
            int context;
            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeSystem, out context));
            board.GetSlot(0).Insert(new SimulatedCard(profile));
            int handle;
            int protocol;
            string reader = manager.Readers.Get(0).Name;
            Assert.AreEqual(ScardError.Success, manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol));
            return new AccessReaderSession(manager, handle, protocol);
        }

        /// <summary>SELECT by DF name (P1 = 04) of the access AID, no FCI (P2 = 0C).</summary>
        public int SelectAccessApplet()
        {
            byte[] select = new byte[5 + AccessApplet.AidLength];
            select[1] = 0xA4;
            select[2] = 0x04;
            select[3] = 0x0C;
            select[4] = (byte)AccessApplet.AidLength;
            AccessApplet.CopyAid(select, 5);
            return Send(select);
        }

        /// <summary>GET DATA of the card identifier; the identifier, asserting 9000.</summary>
        public byte[] GetCardId()
        {
            byte[] getData = new byte[] { 0x00, AccessApplet.InsGetData, (byte)(AccessApplet.CardIdentifierTag >> 8), (byte)(AccessApplet.CardIdentifierTag & 0xFF), CardIdLe };
            Assert.AreEqual(0x9000, Send(getData), "GET DATA");
            byte[] cardId = new byte[ResponseDataLength];
            for (int i = 0; i < cardId.Length; i++)
            {
                cardId[i] = Response[i];
            }

            return cardId;
        }

        /// <summary>INTERNAL AUTHENTICATE (00 88 00 00 Lc challenge 00); the status word.</summary>
        public int InternalAuthenticate(byte[] challenge)
        {
            byte[] command = new byte[6 + challenge.Length];
            command[1] = AccessApplet.InsInternalAuthenticate;
            command[4] = (byte)challenge.Length;
            for (int i = 0; i < challenge.Length; i++)
            {
                command[5 + i] = challenge[i];
            }

            return Send(command);
        }

        /// <summary>Transmits a command APDU; the status word.</summary>
        public int Send(byte[] command)
        {
            int length;
            Assert.AreEqual(ScardError.Success, _manager.Transmit(_handle, Protocol, command, 0, command.Length, Response, 0, Response.Length, out length), "Transmit");
            ResponseDataLength = length - StatusWordLength;
            return (Response[length - 2] << 8) | Response[length - 1];
        }

        /// <summary>A warm reset through SCardReconnect.</summary>
        public int ResetCard()
        {
            int protocol;
            int result = _manager.Reconnect(_handle, ScardConstants.ShareShared, ScardConstants.ProtocolAny, ScardConstants.ResetCard, out protocol);
            Protocol = protocol;
            return result;
        }
    }
}
