using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A misbehaving vpcd client over real TCP, on its own thread: it answers GET ATR like vicc and, for every
    /// command APDU, either stays silent (a stall) or sends bytes that are no frame (garbage). Ends when the
    /// reader closes the connection or on Dispose.
    /// </summary>
    public sealed class VpcdScriptedClient : IDisposable
    {
        private static readonly byte[] ViccAtr = Convert.FromHexString("3B951381018073FF01000B");

        private readonly Socket socket;
        private readonly Thread thread;
        private readonly bool garbage;

        private VpcdScriptedClient(Socket socket, bool garbage)
        {
            this.socket = socket;
            this.garbage = garbage;
            thread = new Thread(Serve) { IsBackground = true };
            thread.Start();
        }

        /// <summary>Set once the reader ended the connection (EOF seen by the client).</summary>
        public readonly ManualResetEvent CutOff = new ManualResetEvent(false);

        /// <summary>A client that never answers an APDU.</summary>
        public static VpcdScriptedClient Stalling(int port)
        {
            return new VpcdScriptedClient(Connect(port), false);
        }

        /// <summary>A client that answers an APDU with a length of 0xFFFF and then nothing sensible.</summary>
        public static VpcdScriptedClient Garbling(int port)
        {
            return new VpcdScriptedClient(Connect(port), true);
        }

        public void Dispose()
        {
            socket.Close();
            thread.Join(5000);
        }

        private static Socket Connect(int port)
        {
            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.NoDelay = true;
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }

        private void Serve()
        {
            byte[] buffer = new byte[65537];
            try
            {
                while (ReadExactly(buffer, 2))
                {
                    int length = (buffer[0] << 8) | buffer[1];
                    if (!ReadExactly(buffer, length))
                    {
                        break;
                    }
                    if (length == 1 && buffer[0] == 0x04)
                    {
                        socket.Send(Frame(ViccAtr));
                    }
                    else if (length > 1 && garbage)
                    {
                        socket.Send(new byte[] { 0xFF, 0xFF, 0x13, 0x37 });
                    }
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            CutOff.Set();
        }

        private bool ReadExactly(byte[] buffer, int count)
        {
            int received = 0;
            while (received < count)
            {
                int got = socket.Receive(buffer, received, count - received, SocketFlags.None);
                if (got == 0)
                {
                    return false;
                }
                received += got;
            }
            return true;
        }

        private static byte[] Frame(byte[] payload)
        {
            byte[] frame = new byte[2 + payload.Length];
            frame[0] = (byte)(payload.Length >> 8);
            frame[1] = (byte)payload.Length;
            Array.Copy(payload, 0, frame, 2, payload.Length);
            return frame;
        }
    }
}
