using System.Text;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>The SCardStatus state word and protocol in words.</summary>
    public static class CardStateText
    {
        private static readonly int[] Flags =
        {
            ScardConstants.Unknown, ScardConstants.Absent, ScardConstants.Present, ScardConstants.Swallowed,
            ScardConstants.Powered, ScardConstants.Negotiable, ScardConstants.Specific,
        };

        private static readonly string[] Words = { "unknown", "absent", "present", "swallowed", "powered", "negotiable", "specific" };

        /// <summary>"present, powered, specific" (the event counter in the high word is left out).</summary>
        public static string Describe(int state)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Flags.Length; i++)
            {
                if ((state & Flags[i]) != 0)
                {
                    text.Append(text.Length == 0 ? "" : ", ").Append(Words[i]);
                }
            }

            return text.Length == 0 ? "none" : text.ToString();
        }

        public static string Protocol(int protocol)
        {
            switch (protocol)
            {
                case ScardConstants.ProtocolT0: return "T=0";
                case ScardConstants.ProtocolT1: return "T=1";
                case ScardConstants.ProtocolRaw: return "raw";
                default: return "no protocol";
            }
        }
    }
}
