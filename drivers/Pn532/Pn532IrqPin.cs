using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Drivers.Pn532
{
    /// <summary>
    /// The PN532's P70_IRQ output, used instead of status polling when it is wired: it goes low while a
    /// frame is ready to be read (reference §3.2 "IRQ"). Waiting samples the level (no bus traffic), so it
    /// also works on a virtual clock.
    /// </summary>
    internal static class Pn532IrqPin
    {
        /// <summary>Sampling period of the IRQ level: short against the few milliseconds an ACK takes.</summary>
        internal const long SampleMicros = 100;

        /// <summary>True once <paramref name="irq"/> is low; false when <paramref name="deadlineMicros"/> passes first.</summary>
        internal static bool WaitAsserted(IInputPin irq, IClock clock, long deadlineMicros)
        {
            while (irq.Read())
            {
                long left = deadlineMicros - clock.NowMicros;
                if (left <= 0)
                {
                    return false;
                }

                clock.Delay(left < SampleMicros ? left : SampleMicros);
            }

            return true;
        }
    }
}
