using System.Collections;

namespace EmbeddedSmartCard.Tests.Simulator
{
    /// <summary>
    /// The least host-side T=1 the card tests need: chains a command at a given size, acknowledges the
    /// card's chained answer, no error recovery (the tests that inject faults drive blocks by hand).
    /// </summary>
    internal sealed class T1TestHost
    {
        private readonly CardTestRig _rig;
        private int _sequence;

        public T1TestHost(CardTestRig rig)
        {
            _rig = rig;
        }

        /// <summary>R-blocks the card sent to acknowledge chained command blocks.</summary>
        public int CardAcknowledgements { get; private set; }

        public byte[] Transmit(byte[] apdu, int blockSize)
        {
            string answer = "";
            for (int offset = 0; offset < apdu.Length; offset += blockSize)
            {
                int size = apdu.Length - offset < blockSize ? apdu.Length - offset : blockSize;
                bool more = offset + size < apdu.Length;
                int pcb = (_sequence << 6) | (more ? 0x20 : 0);
                _sequence ^= 1;
                answer = CardT1Tests.Exchange(_rig, pcb, TestSupport.ToHex(apdu, offset, size));
                if (more)
                {
                    CardAcknowledgements++;
                }
            }

            ArrayList response = new ArrayList();
            while (true)
            {
                byte[] block = TestSupport.Hex(answer);
                for (int i = 3; i < block.Length - 1; i++)
                {
                    response.Add(block[i]);
                }

                if ((block[1] & 0x20) == 0)
                {
                    break;
                }

                int next = ((block[1] >> 6) & 1) ^ 1;
                answer = CardT1Tests.Exchange(_rig, 0x80 | (next << 4), "");
            }

            byte[] result = new byte[response.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (byte)response[i];
            }

            return result;
        }
    }
}
