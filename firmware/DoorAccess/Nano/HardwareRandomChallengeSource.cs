using System;
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Firmware.DoorAccess.Nano
{
    /// <summary>
    /// Challenge bytes from the device's hardware random number generator. On nanoFramework,
    /// <see cref="Random"/> is the firmware's CLR_RT_Random, and on ESP32 targets that is esp_random(), the chip's
    /// RNG (nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp; a seed is ignored): not the .NET
    /// pseudo-random sequence, which is why this class is nano-only. The ESP32 RNG mixes in physical noise while
    /// Wi-Fi or Bluetooth is on (ESP-IDF "Random Number Generation"); see README.md for what that means here.
    /// </summary>
    public sealed class HardwareRandomChallengeSource : IChallengeSource
    {
        private readonly Random _random = new Random();
        private byte[] _block = new byte[AccessChallenge.ChallengeLength];

        public void Fill(byte[] buffer, int offset, int count)
        {
            if (_block.Length < count)
            {
                _block = new byte[count];
            }

            // NextBytes fills a whole array; the preallocated block keeps steady-state challenges allocation-free.
            _random.NextBytes(_block);
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _block[i];
            }
        }
    }
}
