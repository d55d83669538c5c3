using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Uart
{
    /// <summary>
    /// The card-detect switch: debounced by the pin, a removal deactivates the card at once (every
    /// implementation does, reference §1.1) and makes any ongoing Send or Receive return NoMedia.
    /// </summary>
    public sealed partial class UartCardReader
    {
        private readonly object pinLock = new object();

        /// <summary>Debounced presence, followed from the pin's edges (always true without a switch).</summary>
        private bool cardPresent;

        private bool listeningToCardDetect;

        public event CardPresenceHandler PresenceChanged;

        public bool IsCardPresent()
        {
            lock (pinLock)
            {
                return cardPresent;
            }
        }

        private void StartCardDetect()
        {
            if (cardDetect == null || listeningToCardDetect)
            {
                return;
            }

            cardDetect.DebounceMicros = options.CardDetectDebounceMicros;
            lock (pinLock)
            {
                cardPresent = cardDetect.Read() == options.CardDetectActiveHigh;
            }

            cardDetect.Edge += OnCardDetectEdge;
            listeningToCardDetect = true;
        }

        private void StopCardDetect()
        {
            if (!listeningToCardDetect)
            {
                return;
            }

            cardDetect.Edge -= OnCardDetectEdge;
            listeningToCardDetect = false;
        }

        private void OnCardDetectEdge(IInputPin pin, bool high, long timeMicros)
        {
            bool present = high == options.CardDetectActiveHigh;
            lock (pinLock)
            {
                if (present == cardPresent)
                {
                    return;
                }

                cardPresent = present;
            }

            if (!present)
            {
                Deactivate();
            }

            CardPresenceHandler handler = PresenceChanged;
            if (handler != null)
            {
                handler(this, present);
            }
        }
    }
}
