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
            profile.Contact = ContactSocket();
            ProfileParts.WireDoor(profile, Pin(PortJ, 4), Pin(PortJ, 5), Pin(PortJ, 13), Pin(PortH, 6));
            return profile;
        }

        private static ContactWiring ContactSocket()
        {
            ContactWiring contact = new ContactWiring();
            contact.Uart.Port = Usart6Port;
            contact.Uart.TxPin = Pin(PortC, 6);
            contact.Uart.RxPin = Pin(PortC, 7);
            contact.Uart.SingleWire = true;
            contact.Reset = new PinWiring(Pin(PortJ, 1), false);
            contact.Vcc = ProfileParts.VccSwitch(Pin(PortJ, 0));
            contact.CardDetect = ProfileParts.DetectSwitch(Pin(PortJ, 3));
            contact.Clock = new PinWiring(Pin(PortF, 6), false);
            return contact;
        }

        /// <summary>nanoFramework's STM32 pin number of P&lt;port&gt;&lt;n&gt;.</summary>
        private static int Pin(int port, int n)
        {
            return port * PinsPerPort + n;
        }
    }
}
