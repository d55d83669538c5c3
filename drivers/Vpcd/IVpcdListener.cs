namespace EmbeddedSmartCard.Drivers.Vpcd
{
    /// <summary>
    /// The server side of one vpcd reader: the reader listens, the card (vicc) connects (reference peers.md:
    /// vpcd is the server, vicc the client). One listener per reader, so one port per reader.
    /// </summary>
    public interface IVpcdListener
    {
        /// <summary>Where it listens, e.g. "127.0.0.1:35963" (after Start: the endpoint actually bound).</summary>
        string Endpoint { get; }

        /// <summary>Starts listening. False when the endpoint cannot be used (address missing, port taken).</summary>
        bool Start();

        /// <summary>Waits at most <paramref name="timeoutMicros"/> for a client; null on time-out or when stopped.</summary>
        IVpcdConnection Accept(long timeoutMicros);

        /// <summary>Stops listening; clients not yet accepted are refused. Safe to call twice.</summary>
        void Stop();
    }
}
