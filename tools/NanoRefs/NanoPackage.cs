namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>One nanoFramework NuGet package of the API data: its assembly, version and the assemblies it compiles against.</summary>
public sealed record NanoPackage(string Id, string Assembly, string Version, string[] References)
{
    /// <summary>The NuGet version (the git tag without its "v"), or null when the data has no release tag.</summary>
    public string? NuGetVersion => Version.StartsWith('v') ? Version.Substring(1) : null;
}

/// <summary>
/// The 18 packages in dependency order. The reference lists are the "references used" column of
/// nanoframework/README.md (the HintPath and ProjectReference items of each library's .nfproj).
/// </summary>
public static class NanoPackageCatalog
{
    private static readonly (string Assembly, string[] References)[] Dependencies =
    {
        ("mscorlib", Array.Empty<string>()),
        ("nanoFramework.Runtime.Events", new[] { "mscorlib" }),
        ("nanoFramework.Runtime.Native", new[] { "mscorlib" }),
        ("nanoFramework.System.Collections", new[] { "mscorlib" }),
        ("nanoFramework.System.Text", new[] { "mscorlib" }),
        ("System.IO.Streams", new[] { "mscorlib", "nanoFramework.System.Text" }),
        ("System.Math", new[] { "mscorlib" }),
        ("System.Threading", new[] { "mscorlib" }),
        ("System.Device.Gpio", new[] { "mscorlib", "nanoFramework.Runtime.Events" }),
        ("System.Device.Spi", new[] { "mscorlib", "nanoFramework.Runtime.Events", "System.Device.Gpio" }),
        ("System.Device.I2c", new[] { "mscorlib" }),
        ("System.Device.Pwm", new[] { "mscorlib" }),
        ("System.IO.Ports", new[] { "mscorlib", "nanoFramework.Runtime.Events", "nanoFramework.System.Text", "System.IO.Streams" }),
        ("nanoFramework.Hardware.Esp32", new[] { "mscorlib", "nanoFramework.Runtime.Events" }),
        ("System.Diagnostics.Stopwatch", new[] { "mscorlib", "nanoFramework.Runtime.Native" }),
        ("nanoFramework.TestFramework", new[] { "mscorlib" }),
        ("nanoFramework.Logging", new[] { "mscorlib" }),
        ("nanoFramework.Logging.Serial", new[] { "mscorlib", "nanoFramework.Runtime.Events", "nanoFramework.System.Collections", "nanoFramework.System.Text", "System.IO.Ports", "System.IO.Streams", "nanoFramework.Logging" }),
    };

    /// <summary>The packages in compile order (every package after the ones it references).</summary>
    public static List<NanoPackage> FromTable(ApiTable table)
    {
        var packages = new List<NanoPackage>();
        foreach (var (assembly, references) in Dependencies)
        {
            var row = table.Rows.FirstOrDefault(r => r.Assembly == assembly)
                ?? throw new InvalidDataException("The API data has no rows for assembly " + assembly);
            packages.Add(new NanoPackage(row.Package, assembly, row.Version, references));
        }

        var unknown = table.Rows.Select(r => r.Assembly).Distinct().Except(packages.Select(p => p.Assembly)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException("No dependency entry for assembly " + string.Join(", ", unknown));
        }

        return packages;
    }

    /// <summary>The package and every package it needs, transitively, in compile order.</summary>
    public static List<NanoPackage> Closure(IReadOnlyList<NanoPackage> all, IEnumerable<string> packageIds)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<NanoPackage>(packageIds.Select(id => Find(all, id)));
        while (pending.Count > 0)
        {
            var package = pending.Pop();
            if (wanted.Add(package.Assembly))
            {
                foreach (var reference in package.References)
                {
                    pending.Push(all.First(p => p.Assembly == reference));
                }
            }
        }

        return all.Where(p => wanted.Contains(p.Assembly)).ToList();
    }

    public static NanoPackage Find(IReadOnlyList<NanoPackage> all, string packageId) =>
        all.FirstOrDefault(p => string.Equals(p.Id, packageId, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown nanoFramework package '{packageId}'. Known: {string.Join(", ", all.Select(p => p.Id))}");
}
