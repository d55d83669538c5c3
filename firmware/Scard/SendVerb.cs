using System;
using System.IO;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard send &lt;apdu&gt;... [--json] [--reader &lt;name&gt;] [--wait &lt;seconds&gt;] [--protocol t0|t1|any]
    /// [--share exclusive|shared|direct] [--transaction] [--board &lt;spec&gt;]:
    /// waits up to --wait seconds for a card, connects in the share mode (SHARED by default), sends the
    /// APDUs in order and prints each response (with --json one object per APDU per line). DIRECT connects
    /// without a card and then negotiates --protocol through SCardControl(IOCTL_SMARTCARD_SET_PROTOCOL), the
    /// Windows way; it does not wait for a card. --transaction sends all the APDUs inside one
    /// SCardBeginTransaction / SCardEndTransaction. The first PC/SC error is printed by name and ends the
    /// run with exit code 1.
    /// </summary>
    public static class SendVerb
    {
        private const string JsonFlag = "--json";
        private const string ReaderOption = "--reader";
        private const string WaitOption = "--wait";
        private const string ProtocolOption = "--protocol";
        private const string ShareOption = "--share";
        private const string TransactionFlag = "--transaction";

        /// <summary>An hour: long enough for any person with a card, short enough that a script never hangs.</summary>
        private const double MaxWaitSeconds = 3600;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(
                args, new[] { BoardOption.Name, ReaderOption, WaitOption, ProtocolOption, ShareOption }, new[] { JsonFlag, TransactionFlag });
            byte[][] apdus = ParseApdus(options);
            int protocols = ParseProtocols(options.Get(ProtocolOption, "any"));
            int shareMode = ParseShareMode(options.Get(ShareOption, "shared"));
            bool transaction = options.Has(TransactionFlag);
            double wait = options.GetSeconds(WaitOption, 0, MaxWaitSeconds);
            bool json = options.Has(JsonFlag);

            return BoardOption.RunWithManager(options, "send", error, delegate(SCardManager manager, int context)
            {
                ReaderConnection connection = new ReaderConnection(manager, context);
                int result = connection.Connect(options.Get(ReaderOption, null), shareMode, protocols, wait);
                if (result == ScardError.Success && shareMode == ScardConstants.ShareDirect)
                {
                    result = connection.SelectProtocol(protocols);
                }

                if (result != ScardError.Success)
                {
                    error.WriteLine("scard send: " + connection.ReaderName + ": " + ScardError.GetName(result));
                    return 1;
                }

                if (!json)
                {
                    output.WriteLine("reader " + connection.ReaderName + ", " + CardStateText.Protocol(connection.Protocol));
                }

                result = transaction
                    ? SendInTransaction(manager, connection, apdus, json, output)
                    : SendAll(manager, connection, apdus, json, output);
                manager.Disconnect(connection.Handle, ScardConstants.LeaveCard);
                if (result != ScardError.Success)
                {
                    error.WriteLine("scard send: " + ScardError.GetName(result));
                    return 1;
                }

                return 0;
            });
        }

        /// <summary>The APDUs inside one transaction: no other application's command comes between them.</summary>
        private static int SendInTransaction(SCardManager manager, ReaderConnection connection, byte[][] apdus, bool json, TextWriter output)
        {
            int result = manager.BeginTransaction(connection.Handle);
            if (result != ScardError.Success)
            {
                return result;
            }

            if (!json)
            {
                output.WriteLine("transaction begun");
            }

            result = SendAll(manager, connection, apdus, json, output);
            int ended = manager.EndTransaction(connection.Handle, ScardConstants.LeaveCard);
            if (!json && ended == ScardError.Success)
            {
                output.WriteLine("transaction ended");
            }

            return result != ScardError.Success ? result : ended;
        }

        private static int SendAll(SCardManager manager, ReaderConnection connection, byte[][] apdus, bool json, TextWriter output)
        {
            byte[] response = new byte[ScardConstants.MaxResponseLength];
            foreach (byte[] apdu in apdus)
            {
                int length;
                int result = manager.Transmit(connection.Handle, connection.Protocol, apdu, 0, apdu.Length, response, 0, response.Length, out length);
                if (json)
                {
                    output.WriteLine(JsonLine(apdu, response, length, result));
                }
                else
                {
                    output.WriteLine("> " + HexText.Format(apdu, 0, apdu.Length));
                    output.WriteLine(result == ScardError.Success
                        ? "< " + HexText.Format(response, 0, length) + "   SW " + HexText.StatusWord(response, 0, length)
                        : "< " + ScardError.GetName(result));
                }

                if (result != ScardError.Success)
                {
                    return result;
                }
            }

            return ScardError.Success;
        }

        private static string JsonLine(byte[] apdu, byte[] response, int length, int result)
        {
            return "{\"command\":\"" + Convert.ToHexString(apdu) +
                   "\",\"response\":\"" + Convert.ToHexString(response, 0, length) +
                   "\",\"sw\":\"" + HexText.StatusWord(response, 0, length) +
                   "\",\"status\":\"" + ScardError.GetName(result) + "\"}";
        }

        private static byte[][] ParseApdus(CommandLineOptions options)
        {
            if (options.Positional.Count == 0)
            {
                throw new CommandLineException("give at least one APDU in hex, e.g. 00A4040000");
            }

            byte[][] apdus = new byte[options.Positional.Count][];
            for (int i = 0; i < apdus.Length; i++)
            {
                apdus[i] = HexArgument.Parse(options.Positional[i]);
            }

            return apdus;
        }

        private static int ParseProtocols(string text)
        {
            switch (text.ToLowerInvariant())
            {
                case "t0": return ScardConstants.ProtocolT0;
                case "t1": return ScardConstants.ProtocolT1;
                case "any": return ScardConstants.ProtocolAny;
                default: throw new CommandLineException("--protocol wants t0, t1 or any, not '" + text + "'");
            }
        }

        private static int ParseShareMode(string text)
        {
            switch (text.ToLowerInvariant())
            {
                case "exclusive": return ScardConstants.ShareExclusive;
                case "shared": return ScardConstants.ShareShared;
                case "direct": return ScardConstants.ShareDirect;
                default: throw new CommandLineException("--share wants exclusive, shared or direct, not '" + text + "'");
            }
        }
    }
}
