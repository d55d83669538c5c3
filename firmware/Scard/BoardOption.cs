using System;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>The --board option shared by the verbs that talk to readers: "sim" (default) or "uart-card:&lt;device&gt;[,options]".</summary>
    public static class BoardOption
    {
        public const string Name = "--board";
        public const string Default = "sim";

        /// <summary>Builds the board; a bad spec is a usage error.</summary>
        public static IBoard Create(CommandLineOptions options)
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
        }
    }
}
