namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// Changes the HSU rate with SetSerialBaudRate (0x10; reference §3.2 "HSU"): the chip answers at the old
    /// rate, the host acknowledges that answer with an ACK frame, and only then do both switch.
    /// </summary>
    public static class Pn532SerialBaudRate
    {
        /// <summary>The rates SetSerialBaudRate knows, indexed by their BR code 0x00..0x08.</summary>
        private static readonly int[] Rates = { 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1288000 };

        /// <summary>Response time-out of the command: the chip answers at once, so the 350 ms default of libnfc (reference §3.5) is ample.</summary>
        private const long ResponseTimeoutMicros = 350000;

        private static readonly byte[] NoResponse = new byte[0];

        /// <summary>The BR code of <paramref name="baudRate"/>, or -1 when the PN532 cannot run at it.</summary>
        public static int Code(int baudRate)
        {
            for (int code = 0; code < Rates.Length; code++)
            {
                if (Rates[code] == baudRate)
                {
                    return code;
                }
            }

            return -1;
        }

        /// <summary>
        /// Switches chip and host to <paramref name="baudRate"/>. InvalidParameter for a rate the chip does
        /// not have (nothing is sent); when the command fails both sides stay at the old rate.
        /// </summary>
        public static SmartcardStatus Change(Pn532Link link, Pn532HsuTransport transport, int baudRate)
        {
            int code = Code(baudRate);
            if (code < 0)
            {
                return SmartcardStatus.InvalidParameter;
            }

            // Once at start-up, off the APDU path: the one-byte parameter block may be allocated here.
            byte[] parameters = { (byte)code };
            int length;
            SmartcardStatus status = link.Transceive(Pn532Command.SetSerialBaudRate, parameters, 0, 1, NoResponse, 0, 0, ResponseTimeoutMicros, out length);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            status = link.Abort();
            if (status == SmartcardStatus.Success)
            {
                transport.SetBaudRate(baudRate);
            }

            return status;
        }
    }
}
