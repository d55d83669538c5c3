using System.IO;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard list [--board &lt;spec&gt;]: every reader with its card state and ATR. A card is connected
    /// SHARED (which powers it and selects its protocol, as any application's first Connect would)
    /// and left as it is.
    /// </summary>
    public static class ListVerb
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new[] { BoardOption.Name }, new string[0]);
            options.ExpectNoPositional();
            return BoardOption.RunWithManager(options, "list", error, delegate(SCardManager manager, int context)
            {
                string[] readers;
                int result = manager.ListReaders(context, out readers);
                if (result != ScardError.Success)
                {
                    error.WriteLine("scard list: " + ScardError.GetName(result));
                    return 1;
                }

                foreach (string reader in readers)
                {
                    output.WriteLine(reader);
                    DescribeCard(manager, context, reader, output);
                }

                return 0;
            });
        }

        private static void DescribeCard(SCardManager manager, int context, string reader, TextWriter output)
        {
            int handle;
            int protocol;
            int result = manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolAny, out handle, out protocol);
            if (result == ScardError.NoSmartcard)
            {
                output.WriteLine("  card: absent");
                return;
            }

            if (result != ScardError.Success)
            {
                output.WriteLine("  card: present, " + ScardError.GetName(result));
                return;
            }

            string name;
            int state;
            byte[] atr = new byte[ScardConstants.MaxAtrSize];
            int atrLength;
            result = manager.Status(handle, out name, out state, out protocol, atr, out atrLength);
            if (result == ScardError.Success)
            {
                output.WriteLine("  card: " + CardStateText.Describe(state) + ", " + CardStateText.Protocol(protocol));
                output.WriteLine("  ATR:  " + HexText.Format(atr, 0, atrLength));
            }
            else
            {
                output.WriteLine("  card: " + ScardError.GetName(result));
            }

            manager.Disconnect(handle, ScardConstants.LeaveCard);
        }
    }
}
