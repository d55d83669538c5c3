using System.Collections;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>Reading the characters of an ATR in order: TS, T0, the TDi chain, historical bytes, TCK (ISO 7816-3 §8.2).</summary>
    public sealed partial class Atr
    {
        private const int PresenceTA = 0x10;
        private const int PresenceTB = 0x20;
        private const int PresenceTC = 0x40;
        private const int PresenceTD = 0x80;
        private const int Type1 = 1;
        private const int ClassAOnly = 0x01;

        /// <summary>
        /// Parses <paramref name="length"/> bytes (logical values, TS first). Never throws: a null
        /// buffer, a bad range or malformed bytes give an Atr whose <see cref="Errors"/> say why.
        /// </summary>
        public static Atr Parse(byte[] buffer, int offset, int length)
        {
            Atr atr = new Atr();
            atr.SetDefaults();
            ArrayList errors = new ArrayList();
            if (buffer == null || offset < 0 || length < 0 || offset > buffer.Length || length > buffer.Length - offset)
            {
                atr._bytes = new byte[0];
                errors.Add(new AtrError(AtrErrorCode.NoData, 0, "no ATR bytes (null buffer or range outside it)"));
            }
            else
            {
                atr._bytes = new byte[length];
                System.Array.Copy(buffer, offset, atr._bytes, 0, length);
                atr.Read(errors);
            }

            atr._errors = new AtrError[errors.Count];
            errors.CopyTo(atr._errors);
            return atr;
        }

        private void Read(ArrayList errors)
        {
            if (!ReadTs(errors))
            {
                return;
            }

            if (_bytes.Length < 2)
            {
                errors.Add(new AtrError(AtrErrorCode.TooShort, _bytes.Length, "ATR ends after TS: T0 is missing"));
                return;
            }

            int position = ReadInterfaceBytes(errors);
            Interpret(errors);
            if (position < 0)
            {
                return;
            }

            position = ReadHistoricalBytes(position, errors);
            if (position < 0)
            {
                return;
            }

            position = ReadTck(position, errors);
            CheckEnd(position, errors);
        }

        private void SetDefaults()
        {
            Ta1 = AtrTables.DefaultFiDi;
            WI = DefaultWi;
            Ifsc = DefaultIfsc;
            Cwi = DefaultCwi;
            Bwi = DefaultBwi;
            Classes = ClassAOnly;
            OfferedProtocols = Protocols.T0;
            OfferedTypes = 1;
        }

        private bool ReadTs(ArrayList errors)
        {
            if (_bytes.Length == 0)
            {
                errors.Add(new AtrError(AtrErrorCode.TooShort, 0, "empty ATR"));
                return false;
            }

            if (_bytes[0] == TsDirect)
            {
                Convention = AtrConvention.Direct;
            }
            else if (_bytes[0] == TsInverse)
            {
                Convention = AtrConvention.Inverse;
            }
            else
            {
                errors.Add(new AtrError(AtrErrorCode.BadTs, 0, "TS = " + _bytes[0].ToString("X2") + " is neither 3B (direct) nor 3F (inverse)"));
                return false;
            }

            return true;
        }

        /// <summary>Reads T0 and the TAi/TBi/TCi/TDi chain; returns the position after it, or -1 when the bytes ran out.</summary>
        private int ReadInterfaceBytes(ArrayList errors)
        {
            int indicator = _bytes[1];
            HistoricalDeclared = indicator & 0x0F;
            int position = 2;
            int group = 1;
            bool firstTd = true;
            while (true)
            {
                if ((indicator & 0xF0) != 0)
                {
                    GroupCount = group;
                }

                if (!ReadOne(_ta, group, indicator & PresenceTA, ref position, "TA", errors)
                    || !ReadOne(_tb, group, indicator & PresenceTB, ref position, "TB", errors)
                    || !ReadOne(_tc, group, indicator & PresenceTC, ref position, "TC", errors)
                    || !ReadOne(_td, group, indicator & PresenceTD, ref position, "TD", errors))
                {
                    return -1;
                }

                if ((indicator & PresenceTD) == 0)
                {
                    return position;
                }

                OfferType(_td[group] & 0x0F, firstTd);
                firstTd = false;
                indicator = _td[group];
                group++;
                if (group > MaxGroups)
                {
                    errors.Add(new AtrError(AtrErrorCode.TooLong, position, "more TDi than fit in " + MaxLength.ToString() + " characters"));
                    return -1;
                }
            }
        }

        private bool ReadOne(int[] store, int group, int present, ref int position, string name, ArrayList errors)
        {
            if (present == 0)
            {
                return true;
            }

            if (position >= _bytes.Length)
            {
                errors.Add(new AtrError(AtrErrorCode.TruncatedInterfaceBytes, position, "ATR ends before " + name + group.ToString() + " (announced, missing)"));
                return false;
            }

            store[group] = _bytes[position];
            position++;
            return true;
        }

        private void OfferType(int type, bool firstTd)
        {
            if (firstTd)
            {
                DefaultProtocolType = type;
                OfferedProtocols = Protocols.Undefined;
                OfferedTypes = 0;
            }

            OfferedTypes |= 1 << type;
            OfferedProtocols |= ProtocolBit(type);
            if (type != 0)
            {
                TckRequired = true;
            }
        }

        private int ReadHistoricalBytes(int position, ArrayList errors)
        {
            HistoricalOffset = position;
            int available = _bytes.Length - position;
            if (available < HistoricalDeclared)
            {
                HistoricalLength = available;
                errors.Add(new AtrError(AtrErrorCode.TruncatedHistoricalBytes, _bytes.Length,
                    "ATR ends after " + available.ToString() + " of the " + HistoricalDeclared.ToString() + " historical bytes T0 announces"));
                return -1;
            }

            HistoricalLength = HistoricalDeclared;
            return position + HistoricalDeclared;
        }

        private int ReadTck(int position, ArrayList errors)
        {
            if (!TckRequired)
            {
                return position;
            }

            if (position >= _bytes.Length)
            {
                errors.Add(new AtrError(AtrErrorCode.MissingTck, position, "TCK missing (a protocol other than T=0 is offered)"));
                return position;
            }

            TckPresent = true;
            int check = 0;
            for (int i = 1; i <= position; i++)
            {
                check ^= _bytes[i];
            }

            TckValid = check == 0;
            if (!TckValid)
            {
                int expected = check ^ _bytes[position];
                errors.Add(new AtrError(AtrErrorCode.BadTck, position,
                    "TCK = " + _bytes[position].ToString("X2") + " but T0..TCK must XOR to 00 (expected " + expected.ToString("X2") + ")"));
            }

            return position + 1;
        }

        private void CheckEnd(int position, ArrayList errors)
        {
            if (position < _bytes.Length)
            {
                errors.Add(new AtrError(AtrErrorCode.ExtraBytes, position,
                    (_bytes.Length - position).ToString() + " byte(s) after the end of the ATR" + (TckRequired ? "" : " (no TCK: only T=0 is offered)")));
            }

            if (_bytes.Length > MaxLength)
            {
                errors.Add(new AtrError(AtrErrorCode.TooLong, MaxLength, "ATR of " + _bytes.Length.ToString() + " characters, at most " + MaxLength.ToString() + " allowed"));
            }
        }
    }
}
