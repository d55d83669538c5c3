using System;
using System.IO;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>The --board option shared by the verbs that talk to readers: "sim" (default), "sim:pn532", "uart-card:…", "pn532-i2c/spi/hsu:…" (boards/Linux/README.md).</summary>
    public static class BoardOption
    {
        public const string Name = "--board";
        public const string Default = "sim";

        /// <summary>
        /// Builds the board. A bad spec is a usage error (exit 2); a device that cannot be opened is
        /// reported on <paramref name="error"/> and gives null (the verb exits 1).
        /// </summary>
        public static IBoard Create(CommandLineOptions options, string verb, TextWriter error)
        {
            string spec = options.Get(Name, Default);
            try
            {
                return BoardFactory.Create(spec);
            }
            catch (ArgumentException e)
            {
                throw new CommandLineException(e.Message);
            }
            catch (IOException e)
            {
                error.WriteLine("scard " + verb + ": " + e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                error.WriteLine("scard " + verb + ": " + e.Message);
            }

            return null;
        }

        /// <summary>
        /// The frame every reader verb shares: builds the board, a resource manager over it and one context,
        /// runs <paramref name="body"/> with them, then releases everything. Returns the body's exit code, or 1
        /// when the board or the context cannot be had (said on <paramref name="error"/>).
        /// </summary>
        public static int RunWithManager(CommandLineOptions options, string verb, TextWriter error, Func<SCardManager, int, int> body)
        {
            IBoard board = Create(options, verb, error);
            if (board == null)
            {
                return 1;
            }

            using (board)
            using (SCardManager manager = new SCardManager(board))
            {
                int context;
                int result = manager.EstablishContext(ScardConstants.ScopeSystem, out context);
                if (result != ScardError.Success)
                {
                    error.WriteLine("scard " + verb + ": " + ScardError.GetName(result));
                    return 1;
                }

                try
                {
                    return body(manager, context);
                }
                finally
                {
                    manager.ReleaseContext(context);
                }
            }
        }
    }
}
