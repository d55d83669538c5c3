namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Protocol and parameter selection after the ATR (ISO 7816-3 §6.3.1, §9): specific mode uses
    /// TA2's protocol and TA1 at once; negotiable mode runs PPS when a faster Fi/Di or a protocol
    /// other than the default is wanted.
    /// </summary>
    public static class ProtocolSelection
    {
        /// <summary>Timing right after the ATR: Fd/Dd, the reader's clock, TC1, convention, WT = 9600 etu (§8.1).</summary>
        public static void ApplyAtrDefaults(Atr atr, int clockHz, CardTiming timing)
        {
            timing.SetAtrDefaults(clockHz, atr.N, atr.InverseConvention);
            ApplyGuardTime(atr, timing, false);
        }

        /// <summary>R in the guard time is F/D in force, or Fi/Di when the ATR carries T=15 (§8.3).</summary>
        private static void ApplyGuardTime(Atr atr, CardTiming timing, bool underT1)
        {
            bool useFiDi = (atr.OfferedProtocols & Protocols.T15) != 0 && atr.Fi != 0 && atr.Di != 0;
            timing.SetGuardTime(useFiDi ? atr.Fi : timing.F, useFiDi ? atr.Di : timing.D, underT1);
        }

        /// <summary>
        /// Chooses the protocol among <paramref name="requestedProtocols"/> and what the card offers (T=1
        /// preferred), runs PPS when useful, fills <paramref name="timing"/> and applies it to the channel.
        /// NotSupported when no requested protocol is possible; DeviceProtocolError or IoTimeout when PPS
        /// failed (the caller deactivates the card).
        /// </summary>
        public static SmartcardStatus Select(ICardChannel channel, Atr atr, int requestedProtocols, ReaderCapabilities reader, CardTiming timing, out int selectedProtocol)
        {
            selectedProtocol = Protocols.Undefined;
            return SmartcardStatus.NotSupported;
        }
    }
}
