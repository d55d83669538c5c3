namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// READ RECORD of one record of a linear EF (ISO 7816-4 §11.4.3): the current EF, or the EF of the
    /// current DF that P2's short EF identifier names, which then becomes the current EF (§7.2.2).
    /// </summary>
    public sealed partial class CardApplet
    {
        public const byte InsReadRecord = 0xB2;
        public const int SwIncompatibleFileStructure = 0x6981;
        public const int SwRecordNotFound = 0x6A83;

        // P2 b3..b1 = 100: P1 is the number of the record to read (§11.4.2 Table 80).
        private const int P2RecordNumberInP1 = 0x04;
        private const int P2ReferenceMask = 0x07;

        // P2 b8..b4: the short EF identifier, 00000 for the current EF (§11.4.2).
        private const int P2ShortFileIdShift = 3;

        private int ReadRecord(CardCommand command, CardResponse output)
        {
            if ((command.P2 & P2ReferenceMask) != P2RecordNumberInP1)
            {
                return SwWrongP1P2;
            }

            int shortFileId = command.P2 >> P2ShortFileIdShift;
            if (shortFileId != 0)
            {
                CardFile named = _currentDf.FindShortFileId(shortFileId);
                if (named == null)
                {
                    return SwFileNotFound;
                }

                _currentEf = named;
            }

            if (_currentEf == null)
            {
                return SwNoCurrentEf;
            }

            if (!_currentEf.IsRecordFile)
            {
                return SwIncompatibleFileStructure;
            }

            byte[] record = _currentEf.GetRecord(command.P1);
            if (record == null)
            {
                return SwRecordNotFound;
            }

            if (record.Length > command.Ne || record.Length > output.Capacity)
            {
                return SwWrongLe | record.Length;
            }

            for (int i = 0; i < record.Length; i++)
            {
                output.Append(record[i]);
            }

            return SwOk;
        }
    }
}
