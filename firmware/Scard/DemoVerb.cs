using System.IO;
namespace EmbeddedSmartCard.Scard
{
    // Placeholder until the manager work lands.
    public static class DemoVerb { public static int Run(string[] args, TextWriter output, TextWriter error) { error.WriteLine("demo: not built yet"); return 1; } }
}
