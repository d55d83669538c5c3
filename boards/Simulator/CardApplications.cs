using System.Collections;
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The applications the simulated card announces, each an AID with a label: its file-system
    /// application (DF 1000, <see cref="CardFileSystem.ApplicationName"/>) and the door-access applet
    /// (<see cref="AccessApplet"/>). They are listed in EF.DIR (ISO 7816-4 §8.2.1.1: one application
    /// template 61 with 4F AID and 50 label per record) on a card with
    /// <see cref="CardProfile.ApplicationDirectory"/>, and in the PPSE of the contactless ISO 14443-4 card
    /// (EMV Book 1 §12.2.1 / Book B §3.3: FCI 6F with 84 the DF name and A5 / BF0C holding one directory
    /// entry 61 per application, with 4F, 50 and 87 the priority).
    /// </summary>
    public static class CardApplications
    {
        public const string FilesLabel = "SIM FILES";
        public const string AccessLabel = "DOOR ACCESS";

        /// <summary>The PPSE, selected by its DF name "2PAY.SYS.DDF01" (EMV Book B §3.3).</summary>
        public const string PaymentDirectoryName = "2PAY.SYS.DDF01";

        /// <summary>A file identifier for the PPSE DF; terminals select it by name only.</summary>
        public const int PaymentDirectoryFileId = 0x1100;

        private const int TagApplicationTemplate = 0x61;
        private const int TagFciTemplate = 0x6F;
        private const int TagApplicationIdentifier = 0x4F;
        private const int TagApplicationLabel = 0x50;
        private const int TagDfName = 0x84;
        private const int TagPriorityIndicator = 0x87;
        private const int TagFciProprietary = 0xA5;
        private const int TagIssuerDiscretionary = 0xBF0C;

        /// <summary>The AID of the door-access applet.</summary>
        public static byte[] AccessAid()
        {
            byte[] aid = new byte[AccessApplet.AidLength];
            AccessApplet.CopyAid(aid, 0);
            return aid;
        }

        /// <summary>EF.DIR's records: one application template per application.</summary>
        public static ArrayList DirectoryRecords()
        {
            ArrayList records = new ArrayList();
            records.Add(Tlv(TagApplicationTemplate, Join(Tlv(TagApplicationIdentifier, CardFileSystem.ApplicationName()), Label(FilesLabel))));
            records.Add(Tlv(TagApplicationTemplate, Join(Tlv(TagApplicationIdentifier, AccessAid()), Label(AccessLabel))));
            return records;
        }

        /// <summary>The PPSE DF, answering SELECT with its FCI.</summary>
        public static CardFile PaymentDirectory()
        {
            byte[] name = Ascii(PaymentDirectoryName);
            byte[] entries = Join(
                DirectoryEntry(CardFileSystem.ApplicationName(), FilesLabel, 1),
                DirectoryEntry(AccessAid(), AccessLabel, 2));
            byte[] proprietary = Tlv(TagFciProprietary, Tlv(TagIssuerDiscretionary, entries));
            byte[] fci = Tlv(TagFciTemplate, Join(Tlv(TagDfName, name), proprietary));
            return CardFile.Dedicated(PaymentDirectoryFileId, name, fci);
        }

        private static byte[] DirectoryEntry(byte[] aid, string label, int priority)
        {
            byte[] body = Join(Join(Tlv(TagApplicationIdentifier, aid), Label(label)), Tlv(TagPriorityIndicator, new byte[] { (byte)priority }));
            return Tlv(TagApplicationTemplate, body);
        }

        private static byte[] Label(string label)
        {
            return Tlv(TagApplicationLabel, Ascii(label));
        }

        /// <summary>Labels and DF names are ASCII (EMV Book 1 §4.3 "an" format).</summary>
        private static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>A BER-TLV data object with a one- or two-byte tag; every value here is shorter than 128 bytes, so one length byte.</summary>
        private static byte[] Tlv(int tag, byte[] value)
        {
            int tagLength = tag > 0xFF ? 2 : 1;
            byte[] tlv = new byte[tagLength + 1 + value.Length];
            if (tagLength == 2)
            {
                tlv[0] = (byte)(tag >> 8);
            }

            tlv[tagLength - 1] = (byte)tag;
            tlv[tagLength] = (byte)value.Length;
            System.Array.Copy(value, 0, tlv, tagLength + 1, value.Length);
            return tlv;
        }

        private static byte[] Join(byte[] first, byte[] second)
        {
            byte[] joined = new byte[first.Length + second.Length];
            System.Array.Copy(first, 0, joined, 0, first.Length);
            System.Array.Copy(second, 0, joined, first.Length, second.Length);
            return joined;
        }
    }
}
