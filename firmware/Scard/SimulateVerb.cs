using System.IO;
namespace EmbeddedSmartCard.Scard
{
    // Placeholder until the Linux HAL work lands.
    public static class SimulateVerb { public static int Run(string[] args, TextWriter output, TextWriter error) { error.WriteLine("simulate: not built yet"); return 1; } }
}
