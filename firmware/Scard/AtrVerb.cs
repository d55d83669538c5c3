using System.IO;
namespace EmbeddedSmartCard.Scard
{
    // Placeholder until the ATR verb lands (owned by the ATR work).
    public static class AtrVerb { public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error) { error.WriteLine("atr: not built yet"); return 1; } }
}
