using System;
using System.Net;
using System.Net.Sockets;

namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// Listens for vpcd clients on one TCP endpoint (127.0.0.1:35963 by default). Port 0 lets the system
    /// choose a free port, read back from <see cref="LocalPort"/> once started.
    /// </summary>
    public sealed class TcpVpcdListener : IVpcdListener
    {
        /// <summary>Clients waiting behind the current one; the reader serves one at a time.</summary>
        private const int Backlog = 4;

        private readonly IPAddress address;
        private readonly int port;
        private readonly int writeTimeoutMillis;
        private readonly object socketLock = new object();
        private Socket socket;
        private int boundPort;

        public TcpVpcdListener(IPAddress address, int port, int writeTimeoutMillis)
        {
            this.address = address;
            this.port = port;
            this.writeTimeoutMillis = writeTimeoutMillis;
            boundPort = port;
        }

        /// <summary>The port listened on (the system's choice after a start on port 0).</summary>
        public int LocalPort
        {
            get { return boundPort; }
        }

        public string Endpoint
        {
            get { return new IPEndPoint(address, boundPort).ToString(); }
        }

        public bool Start()
        {
            lock (socketLock)
            {
                if (socket != null)
                {
                    return true;
                }

                Socket listening = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT too, and a second reader on the same
                    // port would then share it silently. (.NET already rebinds over TIME_WAIT without it.)
                    listening.Bind(new IPEndPoint(address, port));
                    listening.Listen(Backlog);
                }
                catch (SocketException)
                {
                    listening.Close();
                    return false;
                }

                boundPort = ((IPEndPoint)listening.LocalEndPoint).Port;
                socket = listening;
                return true;
            }
        }

        public IVpcdConnection Accept(long timeoutMicros)
        {
            Socket listening;
            lock (socketLock)
            {
                listening = socket;
            }

            if (listening == null)
            {
                return null;
            }

            try
            {
                int wait = timeoutMicros > int.MaxValue ? int.MaxValue : (int)timeoutMicros;
                if (!listening.Poll(wait, SelectMode.SelectRead))
                {
                    return null;
                }

                return new TcpVpcdConnection(listening.Accept(), writeTimeoutMillis);
            }
            catch (SocketException)
            {
                return null;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }

        public void Stop()
        {
            lock (socketLock)
            {
                if (socket != null)
                {
                    socket.Close();
                    socket = null;
                }
            }
        }
    }
}
