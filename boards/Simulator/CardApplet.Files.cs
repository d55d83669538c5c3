namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>SELECT, READ BINARY and UPDATE BINARY over the card's file tree (ISO 7816-4 §7, §11.2, §11.3).</summary>
    public sealed partial class CardApplet
    {
        private const int SelectByFileId = 0x00;
        private const int SelectChildDf = 0x01;
        private const int SelectEf = 0x02;
        private const int SelectParent = 0x03;
        private const int SelectByName = 0x04;
        private const int ReturnFci = 0x00;
        private const int ReturnFcp = 0x04;
        private const int ReturnNothing = 0x0C;
        private const int ShortFileIdFlag = 0x80;

        /// <summary>SELECT (ISO 7816-4 §11.2.2).</summary>
        private int Select(CardCommand command, CardResponse output)
        {
            if (command.P2 != ReturnFci && command.P2 != ReturnFcp && command.P2 != ReturnNothing)
            {
                return SwWrongP1P2;
            }

            CardFile file = FindForSelect(command);
            if (file == null)
            {
                return command.P1 > SelectByName ? SwWrongP1P2 : SwFileNotFound;
            }

            if (file.IsDedicated)
            {
                _currentDf = file;
                _currentEf = null;
            }
            else
            {
                _currentDf = file.Parent;
                _currentEf = file;
            }

            if (command.P2 != ReturnNothing)
            {
                if (command.Ne == 0)
                {
                    return SwOk;
                }

                CardFci.Write(file, output);
            }

            return SwOk;
        }

        private CardFile FindForSelect(CardCommand command)
        {
            int fileId = command.Nc == 2 ? (command.Buffer[command.DataOffset] << 8) | command.Buffer[command.DataOffset + 1] : -1;
            switch (command.P1)
            {
                case SelectByFileId:
                    if (command.Nc == 0 || fileId == CardFileSystem.MasterFileId)
                    {
                        return MasterFile;
                    }

                    return FindNear(fileId);
                case SelectChildDf:
                    return OnlyIf(_currentDf.FindChild(fileId), true);
                case SelectEf:
                    return OnlyIf(_currentDf.FindChild(fileId), false);
                case SelectParent:
                    return _currentDf.Parent != null ? _currentDf.Parent : MasterFile;
                case SelectByName:
                    return MasterFile.FindByName(command.Buffer, command.DataOffset, command.Nc);
                default:
                    return null;
            }
        }

        /// <summary>A file by FID among the current DF's children, then its parent's (ISO 7816-4 §7.1.1 search order, simplified).</summary>
        private CardFile FindNear(int fileId)
        {
            CardFile file = _currentDf.FindChild(fileId);
            if (file == null && _currentDf.Parent != null)
            {
                file = _currentDf.Parent.FindChild(fileId);
            }

            return file;
        }

        private static CardFile OnlyIf(CardFile file, bool dedicated)
        {
            return file != null && file.IsDedicated == dedicated ? file : null;
        }

        /// <summary>READ BINARY with a 15-bit offset in P1P2 (ISO 7816-4 §11.3.3).</summary>
        private int ReadBinary(CardCommand command, CardResponse output)
        {
            int status = CheckBinaryAccess(command);
            if (status != SwOk)
            {
                return status;
            }

            if (command.Ne == 0)
            {
                return SwWrongLength;
            }

            byte[] content = _currentEf.Content;
            for (int i = command.P1P2; i < content.Length && output.Length < output.Capacity; i++)
            {
                output.Append(content[i]);
            }

            return SwOk;
        }

        /// <summary>UPDATE BINARY (ISO 7816-4 §11.3.5).</summary>
        private int UpdateBinary(CardCommand command)
        {
            int status = CheckBinaryAccess(command);
            if (status != SwOk)
            {
                return status;
            }

            if (_currentEf.UpdateNeedsPin && !PinVerified)
            {
                return SwSecurityNotSatisfied;
            }

            byte[] content = _currentEf.Content;
            if (command.P1P2 + command.Nc > content.Length)
            {
                return SwNotEnoughMemory;
            }

            System.Array.Copy(command.Buffer, command.DataOffset, content, command.P1P2, command.Nc);
            return SwOk;
        }

        private int CheckBinaryAccess(CardCommand command)
        {
            if ((command.P1 & ShortFileIdFlag) != 0)
            {
                return SwFunctionNotSupported;
            }

            if (_currentEf == null)
            {
                return SwNoCurrentEf;
            }

            if (_currentEf.IsRecordFile)
            {
                return SwIncompatibleFileStructure;
            }

            return command.P1P2 > _currentEf.Content.Length ? SwOffsetOutside : SwOk;
        }
    }
}
