namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// The file control information SELECT returns (ISO 7816-4 §5.3.3, §7.4): template 6F with the
    /// file descriptor (82), the file identifier (83), the DF name (84) and, for a transparent EF, its size
    /// (80). A DF given an FCI of its own (<see cref="CardFile.Fci"/>) answers with that instead.
    /// </summary>
    internal static class CardFci
    {
        private const byte FciTemplate = 0x6F;
        private const byte TagFileSize = 0x80;
        private const byte TagDescriptor = 0x82;
        private const byte TagFileId = 0x83;
        private const byte TagDfName = 0x84;
        private const byte DescriptorDf = 0x38;
        private const byte DescriptorTransparentEf = 0x01;

        // ISO 7816-4 §7.4.5 Table 12: working EF, linear structure, variable size.
        private const byte DescriptorLinearVariableEf = 0x04;

        public static void Write(CardFile file, CardResponse output)
        {
            if (file.Fci != null)
            {
                AppendAll(file.Fci, output);
                return;
            }

            bool hasSize = !file.IsDedicated && !file.IsRecordFile;
            int nameLength = file.Name != null ? file.Name.Length : 0;
            int bodyLength = 3 + 4 + (nameLength > 0 ? 2 + nameLength : 0) + (hasSize ? 4 : 0);
            output.Append(FciTemplate);
            output.Append((byte)bodyLength);
            output.Append(TagDescriptor);
            output.Append(1);
            output.Append(Descriptor(file));
            AppendTwoBytes(output, TagFileId, file.FileId);
            if (nameLength > 0)
            {
                output.Append(TagDfName);
                output.Append((byte)nameLength);
                AppendAll(file.Name, output);
            }

            if (hasSize)
            {
                AppendTwoBytes(output, TagFileSize, file.Content.Length);
            }
        }

        private static byte Descriptor(CardFile file)
        {
            if (file.IsDedicated)
            {
                return DescriptorDf;
            }

            return file.IsRecordFile ? DescriptorLinearVariableEf : DescriptorTransparentEf;
        }

        private static void AppendAll(byte[] bytes, CardResponse output)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                output.Append(bytes[i]);
            }
        }

        private static void AppendTwoBytes(CardResponse output, byte tag, int value)
        {
            output.Append(tag);
            output.Append(2);
            output.Append((byte)(value >> 8));
            output.Append((byte)value);
        }
    }
}
