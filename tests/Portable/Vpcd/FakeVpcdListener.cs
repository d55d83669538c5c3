using System.Collections;
using EmbeddedSmartCard.Drivers.Vpcd;

namespace EmbeddedSmartCard.Tests.Vpcd
{
    /// <summary>A listener whose clients are queued by the test; Accept hands out the next one at once.</summary>
    internal sealed class FakeVpcdListener : IVpcdListener
    {
        readonly ArrayList clients = new ArrayList();

        /// <summary>What Start answers (false: the port is taken).</summary>
        public bool CanStart = true;

        public bool Listening { get; private set; }

        public string Endpoint
        {
            get { return "127.0.0.1:35963"; }
        }

        public void Connect(IVpcdConnection client)
        {
            clients.Add(client);
        }

        public bool Start()
        {
            Listening = CanStart;
            return CanStart;
        }

        public IVpcdConnection Accept(long timeoutMicros)
        {
            if (!Listening || clients.Count == 0)
            {
                return null;
            }

            IVpcdConnection client = (IVpcdConnection)clients[0];
            clients.RemoveAt(0);
            return client;
        }

        public void Stop()
        {
            Listening = false;
        }
    }
}
