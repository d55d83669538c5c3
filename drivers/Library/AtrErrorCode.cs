namespace EmbeddedSmartCard.Drivers
{
    /// <summary>
    /// Stable codes for what is wrong with an ATR. Structural codes (the bytes do not add up to an
    /// ATR of the announced shape) make <see cref="Atr.IsStructurallyValid"/> false; the others name
    /// values the standard reserves (RFU) in an otherwise well-formed ATR.
    /// </summary>
    public enum AtrErrorCode
    {
        /// <summary>No buffer, or offset/length outside it.</summary>
        NoData = 1,
        /// <summary>Fewer than the two mandatory characters TS and T0.</summary>
        TooShort = 2,
        /// <summary>More than 33 characters (ISO 7816-3 §8.2.1: at most 32 after TS).</summary>
        TooLong = 3,
        /// <summary>TS is neither 3B (direct) nor 3F (inverse) (§8.1).</summary>
        BadTs = 4,
        /// <summary>The bytes end before every interface byte announced by T0/TDi arrived.</summary>
        TruncatedInterfaceBytes = 5,
        /// <summary>The bytes end before the K historical bytes announced by T0 arrived.</summary>
        TruncatedHistoricalBytes = 6,
        /// <summary>A protocol other than T=0 is offered but the check byte TCK is missing (§8.2.5).</summary>
        MissingTck = 7,
        /// <summary>Bytes follow the last character the ATR announced (or a TCK that no TDi calls for).</summary>
        ExtraBytes = 8,
        /// <summary>The exclusive-or of T0 to TCK is not zero (§8.2.5).</summary>
        BadTck = 9,
        /// <summary>TA1 holds an FI value the Fi table reserves (§8.3, Table 7).</summary>
        RfuFi = 10,
        /// <summary>TA1 holds a DI value the Di table reserves (§8.3, Table 8).</summary>
        RfuDi = 11,
        /// <summary>TC2 = 00: WI is reserved (§10.2).</summary>
        RfuWi = 12,
        /// <summary>The T=1 IFSC is 00 or FF (§11.4.2: valid 01..FE).</summary>
        RfuIfsc = 13,
    }
}
