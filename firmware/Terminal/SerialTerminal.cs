using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// Serves a <see cref="TerminalSession"/> on a serial line (the kiosk application on the other end):
    /// ASCII command lines ending with LF (a CR before it is ignored), reply lines ending with CR LF.
    /// A line longer than <see cref="MaxLineLength"/> is answered with an error once its LF arrives.
    /// The caller configures the line (baud rate, parity) and calls <see cref="Poll"/> in its loop.
    /// </summary>
    public sealed class SerialTerminal : ISessionOutput
    {
        public const int MaxLineLength = 512;

        /// <summary>Bound on one <see cref="Poll"/>: a kiosk that never pauses still gets its replies.</summary>
        public const int MaxBytesPerPoll = 4 * MaxLineLength;

        private const byte LineFeed = 0x0A;
        private const byte CarriageReturn = 0x0D;
        private const int FirstPrintable = 0x20;
        private const int LastPrintable = 0x7E;

        private readonly IUartLine line;
        private readonly TerminalSession session;
        private readonly byte[] received = new byte[64];
        private readonly char[] pending = new char[MaxLineLength];
        private int pendingLength;
        private bool overlong;

        public SerialTerminal(IUartLine line, TerminalSession session)
        {
            this.line = line;
            this.session = session;
        }

        /// <summary>
        /// Reads until the line stays silent for <paramref name="timeoutMicros"/> (or <see cref="MaxBytesPerPoll"/>
        /// bytes came) and runs every complete line; false once <c>quit</c> ran.
        /// </summary>
        public bool Poll(int timeoutMicros)
        {
            int total = 0;
            int count;
            while (total < MaxBytesPerPoll && (count = line.Read(received, 0, received.Length, timeoutMicros)) > 0)
            {
                total += count;
                for (int i = 0; i < count; i++)
                {
                    if (!Take(received[i]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        public void WriteLine(string text)
        {
            byte[] bytes = new byte[text.Length + 2];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bytes[i] = c >= FirstPrintable && c <= LastPrintable ? (byte)c : (byte)'?';
            }

            bytes[text.Length] = CarriageReturn;
            bytes[text.Length + 1] = LineFeed;
            line.Write(bytes, 0, bytes.Length);
            line.Drain();
        }

        private bool Take(byte b)
        {
            if (b == CarriageReturn)
            {
                return true;
            }

            if (b != LineFeed)
            {
                Append(b);
                return true;
            }

            string command = new string(pending, 0, pendingLength);
            bool tooLong = overlong;
            pendingLength = 0;
            overlong = false;
            if (tooLong)
            {
                TerminalReply.Error(this, ScardError.InvalidParameter, "line longer than " + MaxLineLength.ToString() + " characters");
                return true;
            }

            return session.Execute(command, this);
        }

        private void Append(byte b)
        {
            if (pendingLength == MaxLineLength)
            {
                overlong = true;
                return;
            }

            pending[pendingLength++] = b >= FirstPrintable && b <= LastPrintable ? (char)b : '?';
        }
    }
}
