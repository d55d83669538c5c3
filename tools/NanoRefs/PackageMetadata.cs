using System.Xml.Linq;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>
/// The package version and metadata of Directory.Build.props, the one place the .NET packages take
/// them from, read so that the nanoFramework .nuspec files carry the same values.
/// </summary>
public sealed record PackageMetadata(string Version, string Authors, string LicenseExpression, string Product, string Tags, string RepositoryType)
{
    public const string PropsFile = "Directory.Build.props";

    public static PackageMetadata Load(string repoRoot)
    {
        var path = Path.Combine(repoRoot, PropsFile);
        var properties = XDocument.Load(path).Descendants()
            .Where(e => e.Parent?.Name.LocalName == "PropertyGroup")
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal);

        string Required(string name) =>
            properties.TryGetValue(name, out var value) && value.Length > 0 && !value.Contains("$(", StringComparison.Ordinal)
                ? value
                : throw new InvalidDataException($"{PropsFile} has no literal <{name}>: the .nuspec files take it from there.");

        return new PackageMetadata(Required("Version"), Required("Authors"), Required("PackageLicenseExpression"),
            Required("Product"), Required("PackageTags"), Required("RepositoryType"));
    }
}
