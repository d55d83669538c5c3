using System;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>
    /// A command APDU (ISO/IEC 7816-4 §5.1): header CLA INS P1 P2, command data (Nc bytes) and the
    /// maximum response length Ne. The case follows from Nc and Ne: short length fields while
    /// Nc ≤ 255 and Ne ≤ 256, extended ones beyond (or when <see cref="Extended"/> is forced).
    /// </summary>
    public sealed class CommandApdu
    {
        /// <summary>Largest Nc of a short Lc (one byte).</summary>
        public const int MaxShortNc = 255;

        /// <summary>Largest Nc of an extended Lc (two bytes after 00).</summary>
        public const int MaxExtendedNc = 65535;

        /// <summary>Largest Ne of a short Le: Le = 00 means 256 (§5.1).</summary>
        public const int MaxShortNe = ApduClassifier.MaxShortNe;

        /// <summary>Largest Ne of an extended Le: Le = 0000 means 65536 (§5.1).</summary>
        public const int MaxExtendedNe = ApduClassifier.MaxExtendedNe;

        private const int HeaderLength = ApduClassifier.HeaderLength;

        // Length fields (§5.1): one byte when short; two bytes when extended, the first field of the
        // APDU preceded by a 00 marker.
        private const int ShortField = 1;
        private const int ExtendedField = 2;
        private const int ExtendedMarker = 1;

        private byte[] data;

        /// <summary>Case 1: the header alone.</summary>
        public CommandApdu(byte cla, byte ins, byte p1, byte p2)
            : this(cla, ins, p1, p2, null, 0)
        {
        }

        /// <summary>Any case: <paramref name="commandData"/> null or empty for none, <paramref name="ne"/> 0 for no Le field.</summary>
        public CommandApdu(byte cla, byte ins, byte p1, byte p2, byte[] commandData, int ne)
        {
            Cla = cla;
            Ins = ins;
            P1 = p1;
            P2 = p2;
            Data = commandData;
            Ne = ne;
        }

        public byte Cla { get; set; }

        public byte Ins { get; set; }

        public byte P1 { get; set; }

        public byte P2 { get; set; }

        /// <summary>The command data (kept by reference); null when there is none.</summary>
        public byte[] Data
        {
            get { return data; }
            set { data = value != null && value.Length == 0 ? null : value; }
        }

        /// <summary>Nc, the number of command data bytes.</summary>
        public int Nc
        {
            get { return data == null ? 0 : data.Length; }
        }

        /// <summary>Ne, the maximum number of response data bytes; 0 when no response data is expected.</summary>
        public int Ne { get; set; }

        /// <summary>Forces extended length fields even when short ones would do (some cards want them).</summary>
        public bool Extended { get; set; }

        /// <summary>The case of ISO/IEC 7816-3 §12.1.2; <see cref="ApduCase.Invalid"/> when Nc or Ne is out of range.</summary>
        public ApduCase Case
        {
            get
            {
                if (Nc > MaxExtendedNc || Ne < 0 || Ne > MaxExtendedNe)
                {
                    return ApduCase.Invalid;
                }

                bool extended = Extended || Nc > MaxShortNc || Ne > MaxShortNe;
                if (Nc == 0)
                {
                    return Ne == 0 ? ApduCase.Case1 : (extended ? ApduCase.Case2Extended : ApduCase.Case2Short);
                }

                if (Ne == 0)
                {
                    return extended ? ApduCase.Case3Extended : ApduCase.Case3Short;
                }

                return extended ? ApduCase.Case4Extended : ApduCase.Case4Short;
            }
        }

        public bool IsValid
        {
            get { return Case != ApduCase.Invalid; }
        }

        /// <summary>Bytes <see cref="Encode"/> writes; 0 for an invalid APDU.</summary>
        public int EncodedLength
        {
            get
            {
                ApduCase apduCase = Case;
                if (apduCase == ApduCase.Invalid)
                {
                    return 0;
                }

                bool extended = ApduClassifier.IsExtended(apduCase);
                int lcField = Nc == 0 ? 0 : FieldLength(extended, true);
                int leField = Ne == 0 ? 0 : FieldLength(extended, Nc == 0);
                return HeaderLength + lcField + Nc + leField;
            }
        }

        /// <summary>Writes the APDU at <paramref name="offset"/>; returns its length. ArgumentException when invalid or it does not fit.</summary>
        public int Encode(byte[] buffer, int offset)
        {
            int length = EncodedLength;
            if (length == 0)
            {
                throw new ArgumentException("Nc or Ne out of range for a command APDU");
            }

            if (buffer == null || offset < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentException("buffer too small for the command APDU");
            }

            bool extended = ApduClassifier.IsExtended(Case);
            int at = offset;
            buffer[at++] = Cla;
            buffer[at++] = Ins;
            buffer[at++] = P1;
            buffer[at++] = P2;
            if (Nc > 0)
            {
                at = WriteLengthField(buffer, at, Nc, extended, true);
                Array.Copy(data, 0, buffer, at, Nc);
                at += Nc;
            }

            if (Ne > 0)
            {
                WriteLengthField(buffer, at, Ne, extended, Nc == 0);
            }

            return length;
        }

        public byte[] ToArray()
        {
            byte[] encoded = new byte[EncodedLength];
            Encode(encoded, 0);
            return encoded;
        }

        /// <summary>The same command with another Ne (a 6Cxx re-issue, ISO/IEC 7816-3 §12.2.3).</summary>
        public CommandApdu WithNe(int ne)
        {
            CommandApdu copy = new CommandApdu(Cla, Ins, P1, P2, data, ne);
            copy.Extended = Extended;
            return copy;
        }

        /// <summary>Decodes an encoded APDU (ISO/IEC 7816-4 §5.1); null when its lengths match no case.</summary>
        public static CommandApdu Parse(byte[] apdu, int offset, int length)
        {
            int nc;
            int ne;
            ApduCase apduCase = ApduClassifier.Classify(apdu, offset, length, out nc, out ne);
            if (apduCase == ApduCase.Invalid)
            {
                return null;
            }

            byte[] commandData = null;
            if (nc > 0)
            {
                commandData = new byte[nc];
                Array.Copy(apdu, offset + HeaderLength + FieldLength(ApduClassifier.IsExtended(apduCase), true), commandData, 0, nc);
            }

            CommandApdu parsed = new CommandApdu(apdu[offset], apdu[offset + 1], apdu[offset + 2], apdu[offset + 3], commandData, ne);
            parsed.Extended = ApduClassifier.IsExtended(apduCase);
            return parsed;
        }

        private static int FieldLength(bool extended, bool first)
        {
            if (!extended)
            {
                return ShortField;
            }

            return first ? ExtendedMarker + ExtendedField : ExtendedField;
        }

        // Short fields are one byte (256 → 00 for Le). Extended fields are two bytes (65536 → 0000 for Le),
        // preceded by 00 when they are the first length field of the APDU (§5.1).
        private static int WriteLengthField(byte[] buffer, int at, int value, bool extended, bool first)
        {
            if (!extended)
            {
                buffer[at++] = (byte)value;
                return at;
            }

            if (first)
            {
                buffer[at++] = 0x00;
            }

            buffer[at++] = (byte)(value >> 8);
            buffer[at++] = (byte)value;
            return at;
        }
    }
}
