using System.Collections;
using EmbeddedSmartCard.Firmware.Security;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The applications the simulated card announces, each an AID with a label: its file-system
    /// application (DF 1000, <see cref="CardFileSystem.ApplicationName"/>) and the door-access applet
    /// (<see cref="AccessApplet"/>). A card with <see cref="CardProfile.ApplicationDirectory"/> lists them in
    /// EF.DIR (ISO 7816-4 §8.2.1.1: one application template 61 with 4F AID and 50 label per record) and in
    /// a PSE (EMV Book 1 §12.2.2–12.2.3: FCI 6F with 84 the DF name and A5 holding 88, the SFI of the
    /// directory EF, whose records 70 each hold a directory entry 61 with 4F, 50 and 87 the priority);
    /// the contactless ISO 14443-4 card lists them in its PPSE (EMV Book B §3.3: the entries 61 in the
    /// FCI itself, under A5 / BF0C).
    /// </summary>
    public static class CardApplications
    {
        public const string FilesLabel = "SIM FILES";
        public const string AccessLabel = "DOOR ACCESS";

        /// <summary>The PSE, selected by its DF name "1PAY.SYS.DDF01" (EMV Book 1 §12.2.2).</summary>
        public const string PseName = "1PAY.SYS.DDF01";

        /// <summary>The PPSE, selected by its DF name "2PAY.SYS.DDF01" (EMV Book B §3.3).</summary>
        public const string PpseName = "2PAY.SYS.DDF01";

        /// <summary>File identifiers for the directory DFs (terminals select them by name only) and the PSE's directory EF.</summary>
        public const int PseFileId = 0x1200;
        public const int PseDirectoryFileId = 0x1201;
        public const int PpseFileId = 0x1100;

        /// <summary>The short EF identifier of the PSE's directory EF, which its FCI gives in tag 88.</summary>
        public const int PseDirectoryShortFileId = 1;

        private const int TagApplicationTemplate = 0x61;
        private const int TagDirectoryRecord = 0x70;
        private const int TagShortFileId = 0x88;
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

        /// <summary>The PPSE DF, answering SELECT with its FCI and the entries in it.</summary>
        public static CardFile ProximityPaymentDirectory()
        {
            byte[] entries = Join(FilesEntry(), AccessEntry());
            return DirectoryDf(PpseFileId, PpseName, Tlv(TagIssuerDiscretionary, entries));
        }

        /// <summary>The PSE DF: its FCI names the directory EF by SFI; one entry per record of that EF.</summary>
        public static CardFile PaymentSystemEnvironment()
        {
            CardFile pse = DirectoryDf(PseFileId, PseName, Tlv(TagShortFileId, new byte[] { PseDirectoryShortFileId }));
            ArrayList records = new ArrayList();
            records.Add(Tlv(TagDirectoryRecord, FilesEntry()));
            records.Add(Tlv(TagDirectoryRecord, AccessEntry()));
            pse.Add(CardFile.LinearRecords(PseDirectoryFileId, PseDirectoryShortFileId, records));
            return pse;
        }

        private static CardFile DirectoryDf(int fileId, string dfName, byte[] proprietaryContent)
        {
            byte[] name = Ascii(dfName);
            byte[] fci = Tlv(TagFciTemplate, Join(Tlv(TagDfName, name), Tlv(TagFciProprietary, proprietaryContent)));
            return CardFile.Dedicated(fileId, name, fci);
        }

        private static byte[] FilesEntry()
        {
            return DirectoryEntry(CardFileSystem.ApplicationName(), FilesLabel, 1);
        }

        private static byte[] AccessEntry()
        {
            return DirectoryEntry(AccessAid(), AccessLabel, 2);
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
