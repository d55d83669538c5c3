namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Protocol and parameter selection after the ATR (ISO 7816-3 §6.3.1, §9): specific mode uses
    /// TA2's protocol and TA1 at once; negotiable mode runs PPS when a faster Fi/Di or a protocol
    /// other than the default is wanted, and otherwise keeps the default protocol at Fd/Dd.
    /// </summary>
    public static class ProtocolSelection
    {
        private const int ContactProtocols = Protocols.T0 | Protocols.T1;

        /// <summary>Timing right after the ATR: Fd/Dd, the reader's clock, TC1, convention, WT = 9600 etu (§8.1).</summary>
        public static void ApplyAtrDefaults(Atr atr, int clockHz, CardTiming timing)
        {
            timing.SetAtrDefaults(clockHz, atr.N, atr.InverseConvention);
            ApplyGuardTime(atr, timing, false);
        }

        /// <summary>
        /// Chooses the protocol among <paramref name="requestedProtocols"/> and what the card offers (T=1
        /// preferred), runs PPS when useful, fills <paramref name="timing"/> and applies it to the channel.
        /// Expects <paramref name="timing"/> as <see cref="ApplyAtrDefaults"/> left it (PPS runs at Fd/Dd).
        /// Protocols.Default in the request keeps the card's defaults (no PPS). UnrecognizedMedia for an
        /// unusable ATR; NotSupported when no requested protocol is possible (or specific mode cannot be
        /// met); DeviceProtocolError or IoTimeout when PPS failed (the caller deactivates the card).
        /// </summary>
        public static SmartcardStatus Select(ICardChannel channel, Atr atr, int requestedProtocols, ReaderCapabilities reader, CardTiming timing, out int selectedProtocol)
        {
            selectedProtocol = Protocols.Undefined;
            if (atr == null || !atr.IsUsable)
            {
                return SmartcardStatus.UnrecognizedMedia;
            }

            int protocol;
            int fiDi;
            SmartcardStatus status = atr.SpecificMode
                ? ChooseSpecific(atr, requestedProtocols, reader, timing.ClockHz, out protocol, out fiDi)
                : Negotiate(channel, atr, requestedProtocols, reader, timing, out protocol, out fiDi);
            if (status != SmartcardStatus.Success)
            {
                return status;
            }

            ApplyProtocol(atr, protocol, fiDi, timing);
            status = channel.ApplyTiming(timing);
            if (status == SmartcardStatus.Success)
            {
                selectedProtocol = protocol;
            }

            return status;
        }

        /// <summary>
        /// Specific mode (§6.3.1): the protocol is TA2's, Fi/Di are TA1's at once, no PPS. An
        /// implicit etu (TA2 b5 = 1) or a speed the reader cannot make is refused, as libccid does.
        /// </summary>
        private static SmartcardStatus ChooseSpecific(Atr atr, int requestedProtocols, ReaderCapabilities reader, int clockHz, out int protocol, out int fiDi)
        {
            protocol = Atr.ProtocolBit(atr.SpecificProtocolType);
            fiDi = atr.Ta1;
            if (atr.SpecificModeImplicit || (protocol & requestedProtocols & reader.SupportedProtocols & ContactProtocols) == 0)
            {
                return SmartcardStatus.NotSupported;
            }

            if (atr.Fi == 0 || atr.Di == 0 || BaudRate(clockHz, atr.Fi, atr.Di) > reader.MaxDataRate)
            {
                return SmartcardStatus.NotSupported;
            }

            return SmartcardStatus.Success;
        }

        /// <summary>
        /// Negotiable mode: T=1 when allowed, else T=0; PPS when that is not the default protocol or a
        /// faster Fi/Di is possible (§9). Without PPS the default protocol at Fd/Dd applies (§6.3.1).
        /// </summary>
        private static SmartcardStatus Negotiate(ICardChannel channel, Atr atr, int requestedProtocols, ReaderCapabilities reader, CardTiming timing, out int protocol, out int fiDi)
        {
            bool keepDefaults = (requestedProtocols & Protocols.Default) != 0;
            int offered = keepDefaults ? atr.DefaultProtocol : atr.OfferedProtocols;
            int allowed = ContactProtocols & reader.SupportedProtocols & offered & RequestedOrDefault(requestedProtocols, atr);
            protocol = (allowed & Protocols.T1) != 0 ? Protocols.T1 : allowed & Protocols.T0;
            fiDi = AtrTables.DefaultFiDi;
            if (protocol == Protocols.Undefined)
            {
                return SmartcardStatus.NotSupported;
            }

            int proposed = keepDefaults ? AtrTables.DefaultFiDi : FastestFiDi(atr, reader, timing.ClockHz);
            if (protocol == atr.DefaultProtocol && proposed == AtrTables.DefaultFiDi)
            {
                return SmartcardStatus.Success;
            }

            int pps1 = proposed == AtrTables.DefaultFiDi ? -1 : proposed;
            return Pps.Exchange(channel, timing, ProtocolType(protocol), pps1, out fiDi);
        }

        /// <summary>Protocols.Default alone means "whatever the card defaults to".</summary>
        private static int RequestedOrDefault(int requestedProtocols, Atr atr)
        {
            int requested = requestedProtocols & ContactProtocols;
            return requested == Protocols.Undefined && (requestedProtocols & Protocols.Default) != 0 ? atr.DefaultProtocol : requested;
        }

        /// <summary>
        /// The fastest FI|DI both sides support: TA1's Fi with the largest Di not above TA1's whose
        /// baud rate f·D/F the reader's UART can make, or Fd/Dd when that is no faster, when TA1 is
        /// absent or reserved, or when the reader's clock exceeds the card's f(max) (§8.3).
        /// </summary>
        public static int FastestFiDi(Atr atr, ReaderCapabilities reader, int clockHz)
        {
            int best = AtrTables.DefaultFiDi;
            if (!atr.Ta1Present || atr.Fi == 0 || atr.Di == 0 || clockHz > atr.FMaxHz)
            {
                return best;
            }

            int bestBaud = BaudRate(clockHz, AtrTables.DefaultF, AtrTables.DefaultD);
            for (int diIndex = 1; diIndex <= 0x0F; diIndex++)
            {
                int di = AtrTables.Di(diIndex);
                int baud = BaudRate(clockHz, atr.Fi, di);
                if (di != 0 && di <= atr.Di && baud <= reader.MaxDataRate && baud > bestBaud)
                {
                    best = (atr.FiIndex << 4) | diIndex;
                    bestBaud = baud;
                }
            }

            return best;
        }

        /// <summary>F, D, guard time and the waiting times of the selected protocol (§10.2, §11.4).</summary>
        private static void ApplyProtocol(Atr atr, int protocol, int fiDi, CardTiming timing)
        {
            timing.F = AtrTables.Fi(fiDi >> 4);
            timing.D = AtrTables.Di(fiDi & 0x0F);
            bool t1 = protocol == Protocols.T1;
            ApplyGuardTime(atr, timing, t1);
            if (t1)
            {
                timing.SetT1(atr.Cwi, atr.Bwi, atr.Ifsc);
            }
            else
            {
                timing.SetT0(atr.WI, atr.Fi != 0 ? atr.Fi : AtrTables.DefaultF);
            }
        }

        /// <summary>R in the guard time is F/D in force, or Fi/Di when the ATR carries T=15 (§8.3).</summary>
        private static void ApplyGuardTime(Atr atr, CardTiming timing, bool underT1)
        {
            bool useFiDi = (atr.OfferedProtocols & Protocols.T15) != 0 && atr.Fi != 0 && atr.Di != 0;
            timing.SetGuardTime(useFiDi ? atr.Fi : timing.F, useFiDi ? atr.Di : timing.D, underT1);
        }

        private static int BaudRate(int clockHz, int f, int d)
        {
            return (int)((long)clockHz * d / f);
        }

        private static int ProtocolType(int protocol)
        {
            return protocol == Protocols.T1 ? 1 : 0;
        }
    }
}
