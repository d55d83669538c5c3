using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal.Storage;

namespace EmbeddedSmartCard.Firmware.DoorAccess.Nano
{
    /// <summary>
    /// What this door is: the board profile, where the audit FRAM sits, and the door configuration. A
    /// nanoFramework device has no file system to read them from, so they are built into the image: a site
    /// edits this file before building, and since the image then holds the site key, the ESP32's flash
    /// encryption should be on (README.md).
    /// </summary>
    internal static class NanoDoorSite
    {
        /// <summary>ESP32 DevKitC with the PN532 on SPI (boards/Profiles/esp32-pn532-spi/README.md).</summary>
        public const string ProfileName = "esp32-pn532-spi";

        /// <summary>The profile's I2C1 pins are free when the PN532 is on SPI: the FRAM takes them (GPIO21 SDA, GPIO22 SCL).</summary>
        private const int FramBus = 1;
        private const int FramSdaGpio = 21;
        private const int FramSclGpio = 22;

        /// <summary>I2C fast mode; the MB85RC256V runs up to 1 MHz.</summary>
        private const int FramClockHz = 400000;

        /// <summary>
        /// This door's configuration in the text form <see cref="DoorConfig.Parse"/> reads (keys in
        /// firmware/DoorAccess/README.md). The installer replaces every value before building the image: the
        /// site key the site's cards were personalised with (32 random bytes), the card identifiers allowed and
        /// revoked, whether MIFARE Classic legacy badges may open the door, and the strike, denial and wait
        /// times. The values below are placeholders that only show the form: no real site uses this key.
        /// </summary>
        public const string SiteConfiguration =
            "# The site this door belongs to: replace every value before building.\n" +
            "site.key = 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF\n" +
            "allow = 00 00 00 01, 00 00 00 02\n" +
            "revoke = 00 00 00 02\n" +
            "legacy.mifare = forbid\n" +
            "strike.ms = 3000\n" +
            "denied.ms = 1000\n" +
            "wait.ms = 1000\n";

        /// <summary>The door configuration: <see cref="SiteConfiguration"/> parsed.</summary>
        public static DoorConfig Configuration()
        {
            return DoorConfig.Parse(SiteConfiguration);
        }

        /// <summary>The audit log's chip.</summary>
        public static I2cMemoryChip FramChip()
        {
            return I2cMemoryChip.Mb85rc256v();
        }

        /// <summary>The audit FRAM at 0x50 (A2..A0 low) on I2C1.</summary>
        public static I2cWiring FramWiring()
        {
            I2cWiring wiring = new I2cWiring();
            wiring.Bus = FramBus;
            wiring.Address = I2cMemoryChip.DefaultAddress;
            wiring.ClockHz = FramClockHz;
            wiring.SdaPin = FramSdaGpio;
            wiring.SclPin = FramSclGpio;
            return wiring;
        }
    }
}
