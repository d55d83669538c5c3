using System.Collections;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Application templates 61 (ISO 7816-4 §8.2.1.1 in EF.DIR, EMV Book 1 §12.2.3 in a PSE/PPSE directory
    /// entry): 4F the AID (5 to 16 bytes), 50 the application label. A template without an AID is skipped.
    /// </summary>
    public static class ApplicationTemplate
    {
        public const int TagTemplate = 0x61;
        public const int TagAid = 0x4F;
        public const int TagLabel = 0x50;

        /// <summary>Adds a <see cref="CardApplication"/> to <paramref name="found"/> for every template 61 among the data objects of data[offset, offset + length).</summary>
        public static void AddAll(byte[] data, int offset, int length, string source, ArrayList found)
        {
            int end = offset + length;
            int position = offset;
            int tag;
            int valueOffset;
            int valueLength;
            while ((position = BerTlv.Next(data, position, end, out tag, out valueOffset, out valueLength)) >= 0)
            {
                if (tag == TagTemplate)
                {
                    Add(data, valueOffset, valueLength, source, found);
                }
            }
        }

        private static void Add(byte[] data, int offset, int length, string source, ArrayList found)
        {
            int aidOffset;
            int aidLength;
            if (!BerTlv.Find(data, offset, length, TagAid, out aidOffset, out aidLength) || aidLength == 0)
            {
                return;
            }

            byte[] aid = new byte[aidLength];
            System.Array.Copy(data, aidOffset, aid, 0, aidLength);
            int labelOffset;
            int labelLength;
            string label = BerTlv.Find(data, offset, length, TagLabel, out labelOffset, out labelLength) ? Text(data, labelOffset, labelLength) : null;
            found.Add(new CardApplication(aid, label, source));
        }

        /// <summary>A label is ASCII (EMV Book 1 §4.3 format "ans"); anything outside printable ASCII shows as '?'.</summary>
        private static string Text(byte[] data, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                int b = data[offset + i];
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }

            return new string(chars);
        }
    }
}
