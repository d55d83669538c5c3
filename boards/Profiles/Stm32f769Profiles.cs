namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// STM32F769I-DISCO profile: the contact socket on the Arduino connector (USART6 on D1/D0 = PC6/PC7,
    /// nanoFramework's COM6), pins numbered port*16+n as nanoFramework's STM32 targets do (PJ1 = 9*16+1).
    /// The green and red door LEDs are the board's own LD2 (PJ5) and LD1 (PJ13).
    /// </summary>
    internal static class Stm32f769Profiles
    {
        public const string Contact = "stm32f769i-disco-contact";

        private const int PortC = 2;
        private const int PortF = 5;
        private const int PortH = 7;
        private const int PortJ = 9;
        private const int PinsPerPort = 16;

        private const string Usart6Port = "COM6";

        public static BoardProfile Find(string name)
        {
            if (name != Contact)
            {
                return null;
            }

            BoardProfile profile = ProfileParts.New(name, "STM32F769I-DISCO + contact socket on USART6 (Arduino D1/D0), RST D2, VCC D4, detect D7, CLK D3 (TIM10_CH1)", BoardProfile.NanoFrameworkPlatform);
            profile.Contact = ProfileParts.ContactSocket(Usart6Port, Pin(PortJ, 1), Pin(PortJ, 0), Pin(PortJ, 3), Pin(PortF, 6));
            profile.Contact.Uart.TxPin = Pin(PortC, 6);
            profile.Contact.Uart.RxPin = Pin(PortC, 7);
            ProfileParts.WireDoor(profile, Pin(PortJ, 4), Pin(PortJ, 5), Pin(PortJ, 13), Pin(PortH, 6));
            return profile;
        }

        /// <summary>nanoFramework's STM32 pin number of P&lt;port&gt;&lt;n&gt;.</summary>
        private static int Pin(int port, int n)
        {
            return port * PinsPerPort + n;
        }
    }
}
