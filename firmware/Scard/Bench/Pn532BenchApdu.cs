namespace EmbeddedSmartCard.Scard
{
    /// <summary>An APDU the PN532 benchmark sends to the applet of the virtual ISO 14443-4 card, and the length of its answer.</summary>
    public sealed class Pn532BenchApdu
    {
        /// <summary>CLA 80 (the applet's test commands): PATTERN returns P1P2 bytes, ECHO returns its data.</summary>
        private const byte ClaTest = 0x80;
        private const byte InsPattern = 0x10;
        private const byte InsEcho = 0x12;
        private const int StatusWordLength = 2;

        private Pn532BenchApdu(string name, byte[] command, int responseLength)
        {
            Name = name;
            Command = command;
            ResponseLength = responseLength;
        }

        public string Name { get; private set; }

        public byte[] Command { get; private set; }

        /// <summary>Answer length including SW1 SW2.</summary>
        public int ResponseLength { get; private set; }

        /// <summary>The APDUs of the benchmark: a short case 3, a short case 2, one filling a DataOut, one answer longer than a DataIn (MI).</summary>
        public static Pn532BenchApdu[] All()
        {
            return new Pn532BenchApdu[]
            {
                new Pn532BenchApdu("SELECT MF", new byte[] { 0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00 }, StatusWordLength),
                new Pn532BenchApdu("GET CHALLENGE 8", new byte[] { 0x00, 0x84, 0x00, 0x00, 0x08 }, 8 + StatusWordLength),
                Echo(250),
                Pattern(300),
            };
        }

        /// <summary>ECHO of <paramref name="count"/> bytes, short case 4 with Le 00.</summary>
        private static Pn532BenchApdu Echo(int count)
        {
            byte[] command = new byte[5 + count + 1];
            command[0] = ClaTest;
            command[1] = InsEcho;
            command[4] = (byte)count;
            for (int i = 0; i < count; i++)
            {
                command[5 + i] = (byte)i;
            }

            return new Pn532BenchApdu("ECHO " + count, command, count + StatusWordLength);
        }

        /// <summary>PATTERN of <paramref name="count"/> bytes, extended case 2 (Le 00 hi lo).</summary>
        private static Pn532BenchApdu Pattern(int count)
        {
            byte[] command = { ClaTest, InsPattern, (byte)(count >> 8), (byte)count, 0x00, (byte)(count >> 8), (byte)count };
            return new Pn532BenchApdu("PATTERN " + count, command, count + StatusWordLength);
        }
    }
}
