using System.IO;
namespace EmbeddedSmartCard.Scard
{
    // Placeholder until the manager work lands.
    public static class ListVerb { public static int Run(string[] args, TextWriter output, TextWriter error) { error.WriteLine("list: not built yet"); return 1; } }
}
