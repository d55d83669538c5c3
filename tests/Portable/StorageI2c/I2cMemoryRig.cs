using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Hal.Storage;

namespace EmbeddedSmartCard.Tests.StorageI2c
{
    /// <summary>A simulated 24-series chip on a 400 kHz bus and the append storage over it.</summary>
    internal sealed class I2cMemoryRig
    {
        /// <summary>I2C fast mode.</summary>
        public const int BusHz = 400000;

        /// <summary>24LC256 write cycle time, worst case (datasheet TWC).</summary>
        public const long EepromWriteCycleMicros = 5000;

        public I2cMemoryRig(I2cMemoryChip chip, long writeCycleMicros, int garbageSeed)
        {
            Chip = chip;
            Clock = new VirtualClock();
            Memory = new SimI2cMemory(chip.CapacityBytes, chip.PageBytes, writeCycleMicros, garbageSeed);
            Device = Memory.Attach(Clock, I2cMemoryChip.DefaultAddress, BusHz);
            Storage = new I2cMemoryAppendStorage(Device, chip);
        }

        public I2cMemoryChip Chip { get; private set; }

        public VirtualClock Clock { get; private set; }

        public SimI2cMemory Memory { get; private set; }

        public SimI2cDevice Device { get; private set; }

        public I2cMemoryAppendStorage Storage { get; private set; }

        /// <summary>An FRAM (no write cycle).</summary>
        public static I2cMemoryRig Fram(int garbageSeed)
        {
            return new I2cMemoryRig(I2cMemoryChip.Mb85rc256v(), 0, garbageSeed);
        }

        /// <summary>An EEPROM that stays busy 5 ms after each write.</summary>
        public static I2cMemoryRig Eeprom(int garbageSeed)
        {
            return new I2cMemoryRig(I2cMemoryChip.Eeprom24lc256(), EepromWriteCycleMicros, garbageSeed);
        }

        /// <summary>A new storage object over the same chip, opened: what a reboot sees.</summary>
        public I2cMemoryAppendStorage Reopen()
        {
            Storage = new I2cMemoryAppendStorage(Device, Chip);
            Storage.Open();
            return Storage;
        }

        /// <summary><paramref name="count"/> bytes counting from <paramref name="first"/>.</summary>
        public static byte[] Counting(int first, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)(first + i);
            }

            return bytes;
        }
    }
}
