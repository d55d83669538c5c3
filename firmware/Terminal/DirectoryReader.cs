using System.Collections;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Reads the applications an ISO 7816-4 card announces: EF.DIR (ISO 7816-4 §8.2.1.1, FID 2F00 under
    /// the MF, a linear EF with one or more application templates per record, read with READ RECORD until
    /// 6A83) and the payment directory of EMV Book 1 §12.2 — PSE "1PAY.SYS.DDF01" on contact cards, PPSE
    /// "2PAY.SYS.DDF01" on contactless ones (Book B §3.3) — whose FCI (6F, A5, BF0C) lists one entry 61
    /// per application. A card without either just announces nothing; card errors propagate as PcscException.
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

        // READ RECORD P2 b3..b1 = 100: P1 is a record number in the current EF (ISO 7816-4 §11.4.2).
        private const byte ReadRecordNumberInP1 = 0x04;

        private const int TagFci = 0x6F;
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
                ResponseApdu record = card.Transmit(new CommandApdu(ClaInterindustry, InsReadRecord, (byte)number, ReadRecordNumberInP1, null, AnyLength));
                if (!record.IsSuccess)
                {
                    return;
                }

                byte[] data = record.GetData();
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
            if (BerTlv.Find(data, 0, data.Length, TagFci, out offset, out length)
                && BerTlv.Find(data, offset, length, TagFciProprietary, out offset, out length)
                && BerTlv.Find(data, offset, length, TagIssuerDiscretionary, out offset, out length))
            {
                ApplicationTemplate.AddAll(data, offset, length, source, found);
            }
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
