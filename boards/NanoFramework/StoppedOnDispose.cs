using System;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.NanoFramework
{
    /// <summary>Releases a card clock with the board: the CLK stops, held low (ISO 7816-3 §6.4 deactivation leaves CLK low).</summary>
    internal sealed class StoppedOnDispose : IDisposable
    {
        private readonly IClockOutput output;

        public StoppedOnDispose(IClockOutput output)
        {
            this.output = output;
        }

        public void Dispose()
        {
            output.Stop();
        }
    }
}
