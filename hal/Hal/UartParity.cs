namespace EmbeddedSmartCard.Hal
{
    /// <summary>Parity of a UART character. ISO 7816-3 uses Even; Odd is what a plain UART sees from an inverse-convention card.</summary>
    public enum UartParity
    {
        None = 0,
        Even = 1,
        Odd = 2,
    }

    /// <summary>Number of stop bits. Two give the 12 etu character time of ISO 7816-3.</summary>
    public enum UartStopBits
    {
        One = 1,
        Two = 2,
    }
}
