using System;

namespace EmbeddedSmartCard.Hal.Storage
{
    /// <summary>
    /// What the storage needs to know of a 24-series I2C memory: its size and its write page. Both chip
    /// families take a two-byte word address, most significant byte first, after the device address, and
    /// read sequentially from the address last set (Microchip 24LC256 datasheet DS21203, "Byte Write" and
    /// "Random Read"; Fujitsu MB85RC256V datasheet, "Byte Write" and "Random Read").
    /// </summary>
    public sealed class I2cMemoryChip
    {
        /// <summary>The 24-series base address with A2..A0 tied low (24LC256 "Device Addressing", MB85RC256V "Device Address Word").</summary>
        public const int DefaultAddress = 0x50;

        /// <summary>The largest memory a two-byte word address reaches.</summary>
        public const int MaxCapacityBytes = 65536;

        /// <param name="name">Part name, for messages.</param>
        /// <param name="capacityBytes">Memory size in bytes (at most 65 536).</param>
        /// <param name="pageBytes">
        /// Write page: one write transaction never crosses a multiple of it (an EEPROM wraps inside its page,
        /// 24LC256 "Page Write"). A power of two that divides <paramref name="capacityBytes"/>.
        /// </param>
        public I2cMemoryChip(string name, int capacityBytes, int pageBytes)
        {
            if (capacityBytes <= 0 || capacityBytes > MaxCapacityBytes || pageBytes <= 0
                || (pageBytes & (pageBytes - 1)) != 0 || capacityBytes % pageBytes != 0 || capacityBytes < 4 * pageBytes)
            {
                throw new ArgumentException("an I2C memory needs 4 pages or more of a power-of-two page size, up to 65536 bytes");
            }

            Name = name;
            CapacityBytes = capacityBytes;
            PageBytes = pageBytes;
        }

        public string Name { get; private set; }

        public int CapacityBytes { get; private set; }

        public int PageBytes { get; private set; }

        /// <summary>
        /// Fujitsu MB85RC256V, 32 KB FRAM: writes are immediate and endure 10^12 cycles; it has no page, so the
        /// 64-byte page only keeps transactions short.
        /// </summary>
        public static I2cMemoryChip Mb85rc256v()
        {
            return new I2cMemoryChip("MB85RC256V", 32768, 64);
        }

        /// <summary>Microchip 24LC256, 32 KB EEPROM: 64-byte pages, up to 5 ms of write cycle after each (24LC256 AC characteristics, TWC).</summary>
        public static I2cMemoryChip Eeprom24lc256()
        {
            return new I2cMemoryChip("24LC256", 32768, 64);
        }
    }
}
