using System.Xml.Linq;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>
/// <c>sync-nfproj</c> rewrites every portable project's .nfproj and packages.config (and a library's
/// .nuspec, from Directory.Build.props too), and EmbeddedSmartCard.nano.sln, from what its csproj
/// compiles; <c>check-nfproj</c> writes nothing and reports (exit 1) every file that differs, naming the sources one list has and the other lacks.
/// </summary>
public sealed class SyncCommand
{
    private const string CoreLibrary = "nanoFramework.CoreLibrary";

    private readonly string _repoRoot;
    private readonly List<NanoPackage> _catalog;
    private readonly List<PortableProject> _projects;
    private readonly PackageMetadata _metadata;
    private readonly Dictionary<string, List<NanoPackage>> _packages = new(StringComparer.Ordinal);

    public SyncCommand(string repoRoot)
    {
        _repoRoot = repoRoot;
        _catalog = NanoPackageCatalog.FromTable(ApiTable.Load(Path.Combine(repoRoot, RepoRoot.ApiTsv)));
        _projects = PortableProject.LoadAll(repoRoot);
        _metadata = PackageMetadata.Load(repoRoot);
    }

    public int Sync()
    {
        foreach (var (path, text) in ExpectedFiles())
        {
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text);
                Console.WriteLine("wrote " + Path.GetRelativePath(_repoRoot, path));
            }
        }

        return 0;
    }

    public int Check()
    {
        var problems = new List<string>();
        foreach (var project in _projects)
        {
            problems.AddRange(CompileDrift(project));
        }

        foreach (var (path, text) in ExpectedFiles())
        {
            if (!File.Exists(path))
            {
                problems.Add($"{Relative(path)} is missing");
            }
            else if (File.ReadAllText(path) != text && !problems.Any(p => p.StartsWith(Relative(path), StringComparison.Ordinal)))
            {
                problems.Add($"{Relative(path)} differs from what sync-nfproj writes (references, packages, project list or package metadata)");
            }
        }

        foreach (var problem in problems)
        {
            Console.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            Console.WriteLine("Run: dotnet run --project tools/NanoRefs -- sync-nfproj");
            return 1;
        }

        Console.WriteLine($"{_projects.Count} nfproj files match their csproj sources");
        return 0;
    }

    private IEnumerable<(string Path, string Text)> ExpectedFiles()
    {
        foreach (var project in _projects)
        {
            var packages = PackagesOf(project, new HashSet<string>(StringComparer.Ordinal));
            yield return (project.NfprojPath, NfprojWriter.Nfproj(project, packages, PortableReferences(project), _repoRoot));
            yield return (project.PackagesConfigPath, NfprojWriter.PackagesConfig(packages));
            if (NuspecWriter.IsPackaged(project))
            {
                yield return (NuspecWriter.NuspecPath(project), NuspecWriter.Nuspec(project, _metadata, packages, PortableReferences(project)));
            }
        }

        yield return (Path.Combine(_repoRoot, NanoSolutionWriter.FileName), NanoSolutionWriter.Write(_projects, _repoRoot));
    }

    /// <summary>The Compile items of the .nfproj on disk against the sources the csproj compiles.</summary>
    private IEnumerable<string> CompileDrift(PortableProject project)
    {
        if (!File.Exists(project.NfprojPath))
        {
            yield break;
        }

        var listed = XDocument.Load(project.NfprojPath).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => Path.GetFullPath(Path.Combine(project.Directory, ((string)e.Attribute("Include")!).Replace('\\', '/'))))
            .ToHashSet(StringComparer.Ordinal);
        var compiled = project.Sources.ToHashSet(StringComparer.Ordinal);
        var missing = compiled.Where(s => !listed.Contains(s)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var extra = listed.Where(s => !compiled.Contains(s)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var nfproj = Relative(project.NfprojPath);
        if (missing.Count > 0)
        {
            yield return $"{nfproj} lacks files {Path.GetFileName(project.CsprojPath)} compiles: {string.Join(", ", missing.Select(Relative))}";
        }

        if (extra.Count > 0)
        {
            yield return $"{nfproj} compiles files {Path.GetFileName(project.CsprojPath)} does not: {string.Join(", ", extra.Select(Relative))}";
        }
    }

    private List<PortableProject> PortableReferences(PortableProject project)
    {
        var references = new List<PortableProject>();
        foreach (var csproj in project.ReferencedCsprojs)
        {
            var reference = _projects.FirstOrDefault(p => p.CsprojPath == csproj)
                ?? throw new InvalidOperationException($"{Relative(project.CsprojPath)} references {Relative(csproj)}, which is not portable (no NanoPortable=true): a nanoFramework build cannot use it.");
            references.Add(reference);
        }

        return references;
    }

    /// <summary>
    /// CoreLibrary, the packages.config entries and NanoPackage items of the project, the packages
    /// of the projects it references, and everything those need: what NuGet would install.
    /// </summary>
    private List<NanoPackage> PackagesOf(PortableProject project, HashSet<string> visiting)
    {
        if (_packages.TryGetValue(project.CsprojPath, out var known))
        {
            return known;
        }

        if (!visiting.Add(project.CsprojPath))
        {
            throw new InvalidOperationException("Project reference cycle through " + Relative(project.CsprojPath));
        }

        var ids = new List<string> { CoreLibrary };
        ids.AddRange(ConfiguredPackageIds(project.PackagesConfigPath));
        ids.AddRange(project.DeclaredPackages);
        foreach (var reference in PortableReferences(project))
        {
            ids.AddRange(PackagesOf(reference, visiting).Select(p => p.Id));
        }

        var packages = NanoPackageCatalog.Closure(_catalog, ids);
        _packages[project.CsprojPath] = packages;
        return packages;
    }

    private static IEnumerable<string> ConfiguredPackageIds(string packagesConfig) =>
        File.Exists(packagesConfig)
            ? XDocument.Load(packagesConfig).Descendants("package").Select(p => (string)p.Attribute("id")!).ToList()
            : Enumerable.Empty<string>();

    private string Relative(string path) => Path.GetRelativePath(_repoRoot, path);
}
