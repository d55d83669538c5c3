using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>A scripted target: fixed identifiers, one canned answer, and the last command it was sent.</summary>
    public sealed class FakePseudoApduTarget : IPseudoApduTarget
    {
        public byte[] Uid = TestSupport.Hex("04 F6 8E 2A");
        /// <summary>Null for a target without an ATS.</summary>
        public byte[] Historical;
        public byte[] Answer = new byte[0];
        public int ChipStatus;
        public SmartcardStatus LinkStatus = SmartcardStatus.Success;
        public string LastCommand = "";
        public int Exchanges;

        public int CopyUid(byte[] buffer, int offset)
        {
            return Copy(Uid, buffer, offset);
        }

        public int CopyHistoricalBytes(byte[] buffer, int offset)
        {
            return Historical == null ? -1 : Copy(Historical, buffer, offset);
        }

        public SmartcardStatus Exchange(byte[] data, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength, out int chipStatus)
        {
            Exchanges++;
            LastCommand = TestSupport.ToHex(data, offset, length);
            chipStatus = ChipStatus;
            responseLength = 0;
            if (LinkStatus != SmartcardStatus.Success)
            {
                return LinkStatus;
            }

            responseLength = Copy(Answer, response, responseOffset);
            return SmartcardStatus.Success;
        }

        static int Copy(byte[] source, byte[] buffer, int offset)
        {
            for (int i = 0; i < source.Length; i++)
            {
                buffer[offset + i] = source[i];
            }

            return source.Length;
        }
    }
}
