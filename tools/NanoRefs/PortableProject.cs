using System.Diagnostics;
using System.Text.Json;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>A portable csproj as build/NanoCheck.targets sees it: what its .nfproj must compile and reference.</summary>
public sealed class PortableProject
{
    private static readonly TimeSpan MsbuildTimeout = TimeSpan.FromMinutes(2);

    public PortableProject(string csprojPath, string assemblyName, string rootNamespace, bool isTestProject, string outputType)
    {
        OutputType = string.IsNullOrEmpty(outputType) ? "Library" : outputType;
        CsprojPath = csprojPath;
        AssemblyName = assemblyName;
        RootNamespace = rootNamespace;
        IsTestProject = isTestProject;
    }

    public string CsprojPath { get; }

    public string AssemblyName { get; }

    public string RootNamespace { get; }

    public bool IsTestProject { get; }

    /// <summary>The .nfproj OutputType: Library, or Exe for a deployable application (NanoOutputType in the csproj).</summary>
    public string OutputType { get; }

    public string Directory => Path.GetDirectoryName(CsprojPath)!;

    /// <summary>The .nfproj sits next to the csproj and is named after the assembly.</summary>
    public string NfprojPath => Path.Combine(Directory, AssemblyName + ".nfproj");

    public string PackagesConfigPath => Path.Combine(Directory, "packages.config");

    public List<string> Sources { get; } = new();

    public List<string> ReferencedCsprojs { get; } = new();

    /// <summary>NanoPackage items of the csproj (packages.config entries come on top).</summary>
    public List<string> DeclaredPackages { get; } = new();

    /// <summary>
    /// Asks MSBuild (build/NanoProjects.proj) for every project importing build/NanoCheck.targets;
    /// the source list is the one the portability check compiles.
    /// </summary>
    public static List<PortableProject> LoadAll(string repoRoot)
    {
        var json = RunMsbuild(repoRoot);
        var items = JsonDocument.Parse(json).RootElement
            .GetProperty("TargetResults").GetProperty("NanoProjectInfo").GetProperty("Items")
            .EnumerateArray().ToList();

        var projects = new Dictionary<string, PortableProject>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => Text(i, "Kind") == "Project"))
        {
            var path = Text(item, "FullPath");
            projects[path] = new PortableProject(path, Text(item, "AssemblyName"), Text(item, "RootNamespace"),
                string.Equals(Text(item, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase),
                Text(item, "NanoOutputType"));
        }

        foreach (var item in items.Where(i => Text(i, "Kind") != "Project"))
        {
            var project = projects[Text(item, "Project")];
            var value = Text(item, "Identity");
            switch (Text(item, "Kind"))
            {
                case "Compile":
                    project.Sources.Add(Text(item, "FullPath"));
                    break;
                case "ProjectReference":
                    project.ReferencedCsprojs.Add(Path.GetFullPath(value));
                    break;
                case "Package":
                    project.DeclaredPackages.Add(value);
                    break;
            }
        }

        foreach (var project in projects.Values)
        {
            project.Sources.Sort(StringComparer.Ordinal);
        }

        return projects.Values.OrderBy(p => p.CsprojPath, StringComparer.Ordinal).ToList();
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;

    private static string RunMsbuild(string repoRoot)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", "build/NanoProjects.proj", "-nologo", "-nodeReuse:false", "-t:NanoProjectInfo", "-getTargetResult:NanoProjectInfo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(MsbuildTimeout))
        {
            process.Kill(true);
            throw new InvalidOperationException("dotnet msbuild build/NanoProjects.proj did not finish within " + MsbuildTimeout);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet msbuild build/NanoProjects.proj failed:" + Environment.NewLine + stdout.Result + stderr.Result);
        }

        return stdout.Result;
    }
}
