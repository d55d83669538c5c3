using System;
using System.Net.Sockets;

namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// One accepted vpcd client over TCP. No-delay is set, so a frame written in one piece leaves in one
    /// segment at once: vicc reads the body with a single receive, and Nagle with delayed ACK would cost
    /// about 40 ms per message (reference peers.md). Socket errors become the contract's -1 / false.
    /// </summary>
    public sealed class TcpVpcdConnection : IVpcdConnection
    {
        private readonly Socket socket;
        private readonly object closeLock = new object();
        private bool closed;

        /// <param name="writeTimeoutMillis">Bound on one write to a peer that stopped reading (its window full).</param>
        public TcpVpcdConnection(Socket socket, int writeTimeoutMillis)
        {
            this.socket = socket;
            socket.NoDelay = true;
            socket.SendTimeout = writeTimeoutMillis;
        }

        public bool Write(byte[] buffer, int offset, int count)
        {
            try
            {
                return socket.Send(buffer, offset, count, SocketFlags.None) == count;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        public int Read(byte[] buffer, int offset, int count, long timeoutMicros)
        {
            try
            {
                int wait = timeoutMicros > int.MaxValue ? int.MaxValue : (int)timeoutMicros;
                if (!socket.Poll(wait, SelectMode.SelectRead))
                {
                    return 0;
                }

                // Readable with nothing to read is the peer's FIN.
                int received = socket.Receive(buffer, offset, count, SocketFlags.None);
                return received == 0 ? -1 : received;
            }
            catch (SocketException)
            {
                return -1;
            }
            catch (ObjectDisposedException)
            {
                return -1;
            }
        }

        public void Close()
        {
            lock (closeLock)
            {
                if (closed)
                {
                    return;
                }

                closed = true;
            }

            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the peer: closing is all that is left.
            }

            socket.Close();
        }
    }
}
