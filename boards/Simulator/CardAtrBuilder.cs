using EmbeddedSmartCard.Drivers;
namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// Builds the ATR of a <see cref="CardProfile"/> (ISO 7816-3 §8.2, reference §1.3–§1.5):
    /// TS, T0, the global bytes TA1/TC1, TA2 (specific mode) and TC2 (WI) in the group after a T=0
    /// TD1, the T=1 bytes TA3 (IFSC), TB3 (BWI/CWI), TC3 (EDC) after a TD announcing T=1, the
    /// historical bytes and TCK when a protocol other than T=0 is announced.
    /// </summary>
    internal static class CardAtrBuilder
    {
        private const byte TsDirect = 0x3B;
        private const byte TsInverse = 0x3F;
        private const int TaPresent = 0x10;
        private const int TbPresent = 0x20;
        private const int TcPresent = 0x40;
        private const int TdPresent = 0x80;
        private const int DefaultWaitingInteger = 10;
        private const int MaxAtrLength = 33;
        private const int MaxHistoricalBytes = 15;

        /// <summary>TA2 b5 = 0: the rates come from TA1 (ISO 7816-3 §8.3).</summary>
        private const int SpecificModeUsesTa1 = 0x00;

        public static byte[] Build(CardProfile profile)
        {
            byte[] atr = new byte[MaxAtrLength];
            int historicalCount = profile.HistoricalBytes == null ? 0 : profile.HistoricalBytes.Length;
            if (historicalCount > MaxHistoricalBytes)
            {
                // K is one nibble of T0 (ISO 7816-3 §8.2.2): only the first 15 bytes fit.
                historicalCount = MaxHistoricalBytes;
            }

            bool hasTa1 = profile.Ta1 != CardRates.DefaultFiDi;
            bool hasTc1 = profile.ExtraGuardTime != 0;
            bool hasTc2 = profile.OffersT0 && profile.WaitingTimeInteger != DefaultWaitingInteger;
            bool hasTa2 = profile.SpecificMode;
            bool needsT0Group = profile.OffersT0 && (hasTc2 || hasTa2 || profile.OffersT1);

            int length = 0;
            atr[length++] = profile.InverseConvention ? TsInverse : TsDirect;
            int formatIndex = length++;
            int y1 = (hasTa1 ? TaPresent : 0) | (hasTc1 ? TcPresent : 0);
            if (hasTa1)
            {
                atr[length++] = profile.Ta1;
            }

            if (hasTc1)
            {
                atr[length++] = (byte)profile.ExtraGuardTime;
            }

            if (needsT0Group || profile.OffersT1)
            {
                y1 |= TdPresent;
                length = AppendProtocolGroups(profile, atr, length, needsT0Group, hasTa2, hasTc2);
            }

            atr[formatIndex] = (byte)(y1 | historicalCount);
            for (int i = 0; i < historicalCount; i++)
            {
                atr[length++] = profile.HistoricalBytes[i];
            }

            if (profile.OffersT1)
            {
                atr[length] = Edc.ComputeLrc(atr, 1, length - 1);
                length++;
            }

            byte[] result = new byte[length];
            System.Array.Copy(atr, 0, result, 0, length);
            return result;
        }

        /// <summary>Appends TD1 and the groups after it; returns the new length.</summary>
        private static int AppendProtocolGroups(CardProfile profile, byte[] atr, int length, bool t0Group, bool hasTa2, bool hasTc2)
        {
            int td1Index = length++;
            if (!t0Group)
            {
                // T=1 only: TD1 announces T=1; group 2 holds TA2 and TD2 (T=1 again) introduces the T=1 bytes.
                atr[td1Index] = (byte)(TdPresent | (hasTa2 ? TaPresent : 0) | 1);
                if (hasTa2)
                {
                    atr[length++] = SpecificModeByte(profile);
                }

                return AppendT1Group(profile, atr, length);
            }

            bool t1Follows = profile.OffersT1;
            atr[td1Index] = (byte)((hasTa2 ? TaPresent : 0) | (hasTc2 ? TcPresent : 0) | (t1Follows ? TdPresent : 0));
            if (hasTa2)
            {
                atr[length++] = SpecificModeByte(profile);
            }

            if (hasTc2)
            {
                atr[length++] = (byte)profile.WaitingTimeInteger;
            }

            return t1Follows ? AppendT1Group(profile, atr, length) : length;
        }

        /// <summary>Appends a TD announcing T=1 followed by TA (IFSC), TB (BWI/CWI) and, for CRC, TC.</summary>
        private static int AppendT1Group(CardProfile profile, byte[] atr, int length)
        {
            atr[length++] = (byte)(TaPresent | TbPresent | (profile.UseCrc ? TcPresent : 0) | 1);
            atr[length++] = (byte)profile.Ifsc;
            atr[length++] = (byte)((profile.BlockWaitingInteger << 4) | (profile.CharacterWaitingInteger & 0x0F));
            if (profile.UseCrc)
            {
                atr[length++] = 0x01;
            }

            return length;
        }

        private static byte SpecificModeByte(CardProfile profile)
        {
            return (byte)(SpecificModeUsesTa1 | (profile.SpecificProtocol & 0x0F));
        }
    }
}
