namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>A UART as a board wires it: the port name and, where the controller routes pins, its TX/RX GPIOs.</summary>
    public sealed class UartWiring
    {
        /// <summary>The port: a device path on Linux ("/dev/ttyAMA0"), a COM name on nanoFramework ("COM3").</summary>
        public string Port;

        /// <summary>TX GPIO where the pin function is routed in software (ESP32), -1 when fixed by the board.</summary>
        public int TxPin = -1;

        /// <summary>RX GPIO where the pin function is routed in software (ESP32), -1 when fixed by the board.</summary>
        public int RxPin = -1;

        /// <summary>
        /// TX and RX tied on the card's I/O contact (ISO 7816-3 §7.1: I/O is one half-duplex line), so every
        /// written byte echoes back.
        /// </summary>
        public bool SingleWire;
    }
}
