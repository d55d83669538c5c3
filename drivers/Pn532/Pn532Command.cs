namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>PN532 command codes (PD0 of a host frame; UM0701-02 §7, reference §3.3). The response code is the command + 1.</summary>
    public static class Pn532Command
    {
        public const byte Diagnose = 0x00;
        public const byte GetFirmwareVersion = 0x02;
        public const byte GetGeneralStatus = 0x04;
        public const byte ReadRegister = 0x06;
        public const byte WriteRegister = 0x08;
        public const byte ReadGpio = 0x0C;
        public const byte WriteGpio = 0x0E;
        public const byte SetSerialBaudRate = 0x10;
        public const byte SetParameters = 0x12;
        public const byte SamConfiguration = 0x14;
        public const byte PowerDown = 0x16;
        public const byte RfConfiguration = 0x32;
        public const byte InDataExchange = 0x40;
        public const byte InCommunicateThru = 0x42;
        public const byte InDeselect = 0x44;
        public const byte InJumpForPsl = 0x46;
        public const byte InListPassiveTarget = 0x4A;
        public const byte InPsl = 0x4E;
        public const byte InAtr = 0x50;
        public const byte InRelease = 0x52;
        public const byte InSelect = 0x54;
        public const byte InJumpForDep = 0x56;
        public const byte InAutoPoll = 0x60;
        public const byte TgGetData = 0x86;
        public const byte TgInitAsTarget = 0x8C;
        public const byte TgSetData = 0x8E;
    }
}
