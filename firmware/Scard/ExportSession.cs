using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Hal.Linux;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// The vpcd client side — the role vicc plays (reference peers.md, "The vpcd protocol") — towards pcscd's
    /// vpcd driver, serving the card of one of our readers. Frames travel through the vpcd reader's own codec
    /// (<see cref="VpcdLink"/> over a no-delay <see cref="TcpVpcdConnection"/>: one write per frame, exact reads).
    /// A connection is one card: the session connects while our reader holds a card and ends the connection
    /// when it leaves. pcscd's vpcd is the server and may not be there yet, or restart: the session connects
    /// again. Each <see cref="Step"/> is bounded.
    /// </summary>
    public sealed class ExportSession
    {
        /// <summary>
        /// pcscd's vpcd polls GET ATR about every 0.44 s (peers.md): ten seconds of silence is a dead peer, cut off.
        /// Also the bound on a write to a peer that stopped reading.
        /// </summary>
        public const int IdleBoundMillis = 10000;

        /// <summary>Bound on one connection attempt, and the pause after a failed one.</summary>
        private const int ConnectBoundMillis = 1000;
        private const long MicrosPerMilli = 1000;

        private readonly ExportedCard card;
        private readonly string host;
        private readonly int port;
        private readonly TextWriter output;
        private readonly VpcdLink link = new VpcdLink(MonotonicClock.Instance, VpcdMessage.MaxPayloadLength);
        private readonly byte[] message = new byte[VpcdMessage.MaxPayloadLength];
        private readonly byte[] reply = new byte[VpcdMessage.MaxPayloadLength];
        private bool announcedWaiting;

        public ExportSession(ExportedCard card, string host, int port, TextWriter output)
        {
            this.card = card;
            this.host = host;
            this.port = port;
            this.output = output;
        }

        public string Endpoint
        {
            get { return host + ":" + port; }
        }

        /// <summary>
        /// One bounded step. Unconnected: waits a while for a card in our reader and, with one in, connects (a
        /// new connection is a new card to pcscd's vpcd). Connected: serves one message.
        /// </summary>
        public void Step()
        {
            if (!link.IsConnected)
            {
                if (card.WaitForCard(ConnectBoundMillis))
                {
                    TryConnect();
                }

                return;
            }

            int length;
            VpcdReceiveResult result = link.Receive(message, 0, message.Length, IdleBoundMillis * MicrosPerMilli, out length);
            if (result != VpcdReceiveResult.Frame || !Serve(length))
            {
                Disconnect("vpcd at " + Endpoint + " closed the connection");
            }
        }

        /// <summary>Ends the connection (pcscd sees the card leave) and our use of the card.</summary>
        public void Stop()
        {
            Disconnect(null);
        }

        /// <summary>
        /// A control message (1 byte) or a command APDU; false when the reply could not be written. A card that
        /// left our reader (no ATR, no response) ends the connection: to pcscd's vpcd EOF is the removal, while
        /// an empty reply would hold it in its own time-out (10 s seen with Debian 12's vpcd).
        /// </summary>
        private bool Serve(int length)
        {
            if (length != VpcdMessage.ControlLength)
            {
                return Reply(length == 0 ? 0 : card.Transmit(message, length, reply));
            }

            switch (message[0])
            {
                case VpcdMessage.PowerOff:
                    card.PowerOff();
                    return true;
                case VpcdMessage.PowerOn:
                    card.PowerOn();
                    return true;
                case VpcdMessage.Reset:
                    card.Reset();
                    return true;
                case VpcdMessage.GetAtr:
                    return Reply(card.ReadAtr(reply));
                default:
                    // Unknown control codes get no reply, as vicc does: the protocol defines none for them.
                    return true;
            }
        }

        private bool Reply(int length)
        {
            if (length > 0)
            {
                return link.Send(reply, 0, length);
            }

            Disconnect("card left " + card.Reader + ": connection to vpcd at " + Endpoint + " ended");
            return true;
        }

        private void TryConnect()
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                IAsyncResult pending = socket.BeginConnect(host, port, null, null);
                if (pending.AsyncWaitHandle.WaitOne(ConnectBoundMillis))
                {
                    socket.EndConnect(pending);
                    link.Attach(new TcpVpcdConnection(socket, IdleBoundMillis));
                    announcedWaiting = false;
                    SimulationLoop.Report(output, "connected to vpcd at " + Endpoint + ", exporting " + card.Reader);
                    return;
                }
            }
            catch (SocketException)
            {
                // Refused or unreachable: pcscd (or its vpcd) is not there yet.
            }

            socket.Close();
            if (!announcedWaiting)
            {
                SimulationLoop.Report(output, "waiting for vpcd at " + Endpoint);
                announcedWaiting = true;
            }

            System.Threading.Thread.Sleep(ConnectBoundMillis);
        }

        private void Disconnect(string why)
        {
            link.Detach();
            card.Release();
            if (why != null)
            {
                SimulationLoop.Report(output, why);
            }
        }
    }
}
