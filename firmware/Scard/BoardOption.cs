using System;
using System.IO;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>The --board option shared by the verbs that talk to readers: "sim" (default) or "uart-card:&lt;device&gt;[,options]".</summary>
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
    }
}
