namespace EmbeddedSmartCard.Drivers.Pn532
{
    public sealed partial class PseudoApdu
    {
        /// <summary>GET DATA P1: the UID (NFCID1 for type A, PUPI for type B).</summary>
        public const byte GetDataUid = 0x00;

        /// <summary>GET DATA P1: the historical bytes of the ATS (ISO 14443-4 type A) or the ATTRIB answer (type B), reference §4.5.2.</summary>
        public const byte GetDataHistoricalBytes = 0x01;

        /// <summary>
        /// <c>FF CA P1 00 Le</c> (PC/SC Part 3 §3.2.2.1.3): Le 00 returns everything; a smaller Le gets
        /// 6C xx with the exact length, a larger one the data and 62 82.
        /// </summary>
        SmartcardStatus GetData(IPseudoApduTarget target, byte[] command, int offset, int length, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            if (length != Case2Length)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongLength, out responseLength);
            }

            if (command[offset + 3] != 0)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongP1P2, out responseLength);
            }

            int count;
            switch (command[offset + 2])
            {
                case GetDataUid:
                    count = target.CopyUid(scratch, 0);
                    break;
                case GetDataHistoricalBytes:
                    count = target.CopyHistoricalBytes(scratch, 0);
                    break;
                default:
                    count = -1;
                    break;
            }

            if (count < 0)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwFunctionNotSupported, out responseLength);
            }

            int le = Le(command, offset);
            if (le == 0 || le == count)
            {
                return ReplyWithScratch(count, SwSuccess, response, responseOffset, responseCapacity, out responseLength);
            }

            if (le < count)
            {
                return Reply(response, responseOffset, responseCapacity, 0, SwWrongLe | count, out responseLength);
            }

            return ReplyWithScratch(count, SwEndOfData, response, responseOffset, responseCapacity, out responseLength);
        }
    }
}
