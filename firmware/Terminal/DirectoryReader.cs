using System.Collections;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Reads the applications an ISO 7816-4 card announces: EF.DIR (ISO 7816-4 §8.2.1.1, FID 2F00 under
    /// the MF, a linear EF with one or more application templates per record, read with READ RECORD until
    /// an error) and the payment directory of EMV Book 1 §12.2 — PSE "1PAY.SYS.DDF01" on contact cards,
    /// PPSE "2PAY.SYS.DDF01" on contactless ones (Book B §3.3). A directory's FCI (6F, A5) either names its
    /// directory EF by SFI in 88, whose records 70 hold the entries 61 (§12.2.3), or holds the entries in
    /// BF0C. A card without either just announces nothing; card errors propagate as PcscException.
    /// </summary>
    public static class DirectoryReader
    {
        public const string PseName = "1PAY.SYS.DDF01";
        public const string PpseName = "2PAY.SYS.DDF01";

        private const byte ClaInterindustry = 0x00;
        private const byte InsSelect = 0xA4;
        private const byte InsReadRecord = 0xB2;
        private const byte SelectByFileId = 0x00;
        private const byte SelectByDfName = 0x04;
        private const byte SelectFirstReturnFci = 0x00;
        private const byte SelectReturnNothing = 0x0C;

        // READ RECORD P2 b3..b1 = 100: P1 is a record number; b8..b4 the SFI, 0 for the current EF (ISO 7816-4 §11.4.2).
        private const byte ReadRecordNumberInP1 = 0x04;
        private const int ShortFileIdShift = 3;
        private const int CurrentEf = 0;

        private const int TagFci = 0x6F;
        private const int TagDirectoryRecord = 0x70;
        private const int TagShortFileId = 0x88;
        private const int TagFciProprietary = 0xA5;
        private const int TagIssuerDiscretionary = 0xBF0C;

        /// <summary>EF.DIR's file identifier (ISO 7816-4 §8.2.1.1).</summary>
        private static readonly byte[] EfDirFileId = { 0x2F, 0x00 };

        /// <summary>Bound on the records read from EF.DIR (record numbers are 1..254; real directories hold a few).</summary>
        public const int MaxRecords = 32;

        /// <summary>Ne = 256: the whole record or FCI, whatever its length (short Le 00).</summary>
        private const int AnyLength = CommandApdu.MaxShortNe;

        /// <summary>Adds EF.DIR's applications to <paramref name="found"/>; none when the card has no EF.DIR.</summary>
        public static void ReadEfDir(IsoCard card, ArrayList found)
        {
            ResponseApdu selected = card.Transmit(new CommandApdu(ClaInterindustry, InsSelect, SelectByFileId, SelectReturnNothing, EfDirFileId, 0));
            if (!selected.IsSuccess)
            {
                return;
            }

            for (int number = 1; number <= MaxRecords; number++)
            {
                byte[] data = ReadRecord(card, CurrentEf, number);
                if (data == null)
                {
                    return;
                }

                ApplicationTemplate.AddAll(data, 0, data.Length, CardApplication.FromEfDir, found);
            }
        }

        /// <summary>Selects the directory named <paramref name="name"/> (PSE or PPSE) and adds the entries of its FCI.</summary>
        public static void ReadPaymentDirectory(IsoCard card, string name, string source, ArrayList found)
        {
            ResponseApdu fci = card.Transmit(new CommandApdu(ClaInterindustry, InsSelect, SelectByDfName, SelectFirstReturnFci, Ascii(name), AnyLength));
            if (!fci.IsSuccess)
            {
                return;
            }

            byte[] data = fci.GetData();
            int offset;
            int length;
            if (!BerTlv.Find(data, 0, data.Length, TagFci, out offset, out length)
                || !BerTlv.Find(data, offset, length, TagFciProprietary, out offset, out length))
            {
                return;
            }

            int valueOffset;
            int valueLength;
            if (BerTlv.Find(data, offset, length, TagIssuerDiscretionary, out valueOffset, out valueLength))
            {
                ApplicationTemplate.AddAll(data, valueOffset, valueLength, source, found);
            }

            if (BerTlv.Find(data, offset, length, TagShortFileId, out valueOffset, out valueLength) && valueLength == 1)
            {
                ReadDirectoryRecords(card, data[valueOffset], source, found);
            }
        }

        /// <summary>The records 70 of the directory EF with short identifier <paramref name="shortFileId"/>, each holding entries 61.</summary>
        private static void ReadDirectoryRecords(IsoCard card, int shortFileId, string source, ArrayList found)
        {
            for (int number = 1; number <= MaxRecords; number++)
            {
                byte[] data = ReadRecord(card, shortFileId, number);
                int offset;
                int length;
                if (data == null || !BerTlv.Find(data, 0, data.Length, TagDirectoryRecord, out offset, out length))
                {
                    return;
                }

                ApplicationTemplate.AddAll(data, offset, length, source, found);
            }
        }

        /// <summary>READ RECORD <paramref name="number"/> of the EF <paramref name="shortFileId"/> names (0: the current EF); null when the card refuses.</summary>
        private static byte[] ReadRecord(IsoCard card, int shortFileId, int number)
        {
            byte p2 = (byte)((shortFileId << ShortFileIdShift) | ReadRecordNumberInP1);
            ResponseApdu record = card.Transmit(new CommandApdu(ClaInterindustry, InsReadRecord, (byte)number, p2, null, AnyLength));
            return record.IsSuccess ? record.GetData() : null;
        }

        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }
    }
}
