using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>
    /// A <see cref="CardIdentity"/> as the line protocol's <c>key: value</c> lines (firmware/Terminal/README.md):
    /// reader, atr, atr-info, type, protocol, uid (contactless only), then one
    /// <c>application: &lt;source&gt; &lt;AID&gt; &lt;label&gt;</c> line per application.
    /// </summary>
    public static class IdentityReport
    {
        public static void Write(CardIdentity identity, ISessionOutput output)
        {
            byte[] atr = identity.Atr.Bytes;
            output.WriteLine("reader: " + identity.ReaderName);
            output.WriteLine("atr: " + HexText.Format(atr, 0, atr.Length));
            output.WriteLine("atr-info: " + AtrSummary.Describe(identity.Atr));
            output.WriteLine("type: " + CardClassifier.Name(identity.Type));
            output.WriteLine("protocol: " + AtrSummary.Protocols(identity.Protocol));
            if (identity.Uid != null)
            {
                output.WriteLine("uid: " + HexText.Format(identity.Uid, 0, identity.Uid.Length));
            }

            for (int i = 0; i < identity.ApplicationCount; i++)
            {
                output.WriteLine("application: " + Describe(identity.GetApplication(i)));
            }
        }

        /// <summary>"EF.DIR A00000000101 SIM FILES": the AID without spaces, so the label is the rest of the line.</summary>
        public static string Describe(CardApplication application)
        {
            string text = application.Source + " ";
            for (int i = 0; i < application.Aid.Length; i++)
            {
                text += application.Aid[i].ToString("X2");
            }

            return application.Label != null ? text + " " + application.Label : text;
        }
    }
}
