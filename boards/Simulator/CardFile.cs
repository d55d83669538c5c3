using System.Collections;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// A file of the simulated card (ISO 7816-4 §7.1): a DF (with children, maybe a name and maybe an FCI
    /// of its own), a transparent EF or a linear EF of variable-size records (§7.3.1).
    /// </summary>
    public sealed class CardFile
    {
        private readonly ArrayList _children = new ArrayList();
        private ArrayList _records;

        private CardFile(int fileId, bool isDedicated, byte[] name, byte[] content, bool updateNeedsPin)
        {
            FileId = fileId;
            IsDedicated = isDedicated;
            Name = name;
            Content = content;
            UpdateNeedsPin = updateNeedsPin;
        }

        /// <summary>The 2-byte file identifier.</summary>
        public int FileId { get; private set; }

        /// <summary>True for a DF (the MF included).</summary>
        public bool IsDedicated { get; private set; }

        /// <summary>The DF name (application identifier), or null.</summary>
        public byte[] Name { get; private set; }

        /// <summary>A transparent EF's bytes (null for a DF or a record EF); UPDATE BINARY writes here.</summary>
        public byte[] Content { get; private set; }

        /// <summary>UPDATE BINARY needs a verified PIN first.</summary>
        public bool UpdateNeedsPin { get; private set; }

        public CardFile Parent { get; private set; }

        /// <summary>For a DF: the whole FCI SELECT answers (e.g. an EMV directory's), or null for the one built from the file.</summary>
        public byte[] Fci { get; private set; }

        /// <summary>The short EF identifier (1..30) commands may name the EF by in its DF (ISO 7816-4 §7.2.2), 0 when it has none.</summary>
        public int ShortFileId { get; private set; }

        /// <summary>True for a linear EF of records (READ RECORD), false for a DF or a transparent EF.</summary>
        public bool IsRecordFile
        {
            get { return _records != null; }
        }

        /// <summary>How many records a record EF holds (0 for other files).</summary>
        public int RecordCount
        {
            get { return _records != null ? _records.Count : 0; }
        }

        public int ChildCount
        {
            get { return _children.Count; }
        }

        public static CardFile Dedicated(int fileId, byte[] name)
        {
            return new CardFile(fileId, true, name, null, false);
        }

        /// <summary>A DF that answers SELECT with <paramref name="fci"/> as it is.</summary>
        public static CardFile Dedicated(int fileId, byte[] name, byte[] fci)
        {
            CardFile file = new CardFile(fileId, true, name, null, false);
            file.Fci = fci;
            return file;
        }

        public static CardFile Elementary(int fileId, byte[] content, bool updateNeedsPin)
        {
            return new CardFile(fileId, false, null, content, updateNeedsPin);
        }

        /// <summary>A linear EF whose records (byte[] each, numbered from 1) are <paramref name="records"/>.</summary>
        public static CardFile LinearRecords(int fileId, ArrayList records)
        {
            return LinearRecords(fileId, 0, records);
        }

        /// <summary>A linear EF of records that commands may also name by its short EF identifier <paramref name="shortFileId"/>.</summary>
        public static CardFile LinearRecords(int fileId, int shortFileId, ArrayList records)
        {
            CardFile file = new CardFile(fileId, false, null, null, false);
            file._records = records;
            file.ShortFileId = shortFileId;
            return file;
        }

        /// <summary>Record number <paramref name="number"/> (1 = the first), or null when there is no such record.</summary>
        public byte[] GetRecord(int number)
        {
            return number >= 1 && number <= RecordCount ? (byte[])_records[number - 1] : null;
        }

        public CardFile GetChild(int index)
        {
            return (CardFile)_children[index];
        }

        /// <summary>Adds a child to this DF and returns it.</summary>
        public CardFile Add(CardFile child)
        {
            child.Parent = this;
            _children.Add(child);
            return child;
        }

        /// <summary>The direct child with <paramref name="fileId"/>, or null.</summary>
        public CardFile FindChild(int fileId)
        {
            for (int i = 0; i < _children.Count; i++)
            {
                CardFile child = (CardFile)_children[i];
                if (child.FileId == fileId)
                {
                    return child;
                }
            }

            return null;
        }

        /// <summary>The direct child EF with short EF identifier <paramref name="shortFileId"/>, or null.</summary>
        public CardFile FindShortFileId(int shortFileId)
        {
            for (int i = 0; i < _children.Count; i++)
            {
                CardFile child = (CardFile)_children[i];
                if (!child.IsDedicated && child.ShortFileId == shortFileId)
                {
                    return child;
                }
            }

            return null;
        }

        /// <summary>This DF or a DF below it whose name starts with the given bytes, or null.</summary>
        public CardFile FindByName(byte[] buffer, int offset, int count)
        {
            if (IsDedicated && Name != null && count > 0 && count <= Name.Length && StartsWith(Name, buffer, offset, count))
            {
                return this;
            }

            for (int i = 0; i < _children.Count; i++)
            {
                CardFile found = ((CardFile)_children[i]).FindByName(buffer, offset, count);
                if (found != null)
                {
                    return found;
                }
            }

            return null;
        }

        private static bool StartsWith(byte[] name, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (name[i] != buffer[offset + i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
