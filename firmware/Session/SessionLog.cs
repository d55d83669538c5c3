using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Session
{
    /// <summary>
    /// One readable line per step: the virtual time in seconds, the reader, then what happened, e.g.
    /// "[  0.052181 s] Simulated Card Reader 00 00 | SELECT MF  00 A4 00 0C 02 3F 00 -> 90 00  SW 9000".
    /// </summary>
    public sealed class SessionLog
    {
        private const double MicrosPerSecond = 1000000.0;

        // Seconds are printed right-aligned in this many characters so the columns line up.
        private const int TimeWidth = 10;

        private readonly ISessionOutput output;

        public SessionLog(ISessionOutput output)
        {
            this.output = output;
        }

        /// <summary>A line without time or reader (headings).</summary>
        public void Note(string text)
        {
            output.WriteLine(text);
        }

        public void Step(long micros, string reader, string text)
        {
            output.WriteLine("[" + PadLeft((micros / MicrosPerSecond).ToString("F6"), TimeWidth) + " s] " + reader + " | " + text);
        }

        private static string PadLeft(string text, int width)
        {
            return text.Length >= width ? text : new string(' ', width - text.Length) + text;
        }
    }
}
