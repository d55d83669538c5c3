using System.Text;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>A GetStatusChange entry in words, for scard monitor: "card present, in use, ATR 3B …".</summary>
    public static class MonitorText
    {
        private static readonly int[] CardFlags =
        {
            ScardConstants.StateUnpowered, ScardConstants.StateMute, ScardConstants.StateInUse, ScardConstants.StateExclusive,
        };

        private static readonly string[] CardWords = { "unpowered", "mute", "in use", "exclusive" };

        public static string Describe(ScardReaderState entry)
        {
            int state = entry.EventState;
            if ((state & ScardConstants.StateUnknown) != 0)
            {
                return "reader gone";
            }

            if ((state & ScardConstants.StateUnavailable) != 0)
            {
                return "reader unavailable";
            }

            if ((state & ScardConstants.StateEmpty) != 0)
            {
                return "no card";
            }

            StringBuilder text = new StringBuilder("card present");
            for (int i = 0; i < CardFlags.Length; i++)
            {
                if ((state & CardFlags[i]) != 0)
                {
                    text.Append(", ").Append(CardWords[i]);
                }
            }

            if (entry.AtrLength > 0)
            {
                text.Append(", ATR ").Append(HexText.Format(entry.Atr, 0, entry.AtrLength));
            }

            return text.ToString();
        }

        /// <summary>The card event counter of the entry (insertions and removals seen by the reader).</summary>
        public static int EventCount(ScardReaderState entry)
        {
            return (entry.EventState >> ScardConstants.EventCounterShift) & 0xFFFF;
        }
    }
}
