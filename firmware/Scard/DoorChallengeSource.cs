using System;
using System.IO;
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>The door's challenges on Linux: bytes of the kernel's CSPRNG, read from /dev/urandom
    /// (random(4): never blocks once the pool is initialised at boot).</summary>
    public sealed class DoorChallengeSource : IChallengeSource, IDisposable
    {
        public const string Device = "/dev/urandom";

        private readonly FileStream _random;

        /// <summary>Opens <see cref="Device"/>; an IOException naming it when it cannot.</summary>
        public DoorChallengeSource()
        {
            try
            {
                _random = new FileStream(Device, FileMode.Open, FileAccess.Read);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException("cannot open " + Device + ": " + e.Message, e);
            }
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            int filled = 0;
            while (filled < count)
            {
                int read = _random.Read(buffer, offset + filled, count - filled);
                if (read <= 0)
                {
                    throw new IOException(Device + " gave no bytes");
                }

                filled += read;
            }
        }

        public void Dispose()
        {
            _random.Dispose();
        }
    }
}
