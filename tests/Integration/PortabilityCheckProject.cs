using System;
using System.Collections.Generic;
using System.IO;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A throw-away project that imports build/NanoCheck.targets, the way every portable project
    /// does, so a test can run the real portability check on one source file.
    /// </summary>
    public sealed class PortabilityCheckProject : IDisposable
    {
        private readonly string _repoRoot;
        private readonly string _directory;

        public PortabilityCheckProject()
        {
            _repoRoot = PortabilityProcess.RepoRoot();
            _directory = Path.Combine(Path.GetTempPath(), "nanocheck-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "Probe.csproj"), ProjectText(_repoRoot));
        }

        /// <summary>Restores the project once, so each <see cref="Check"/> is only the nano compile.</summary>
        public BuildResult Restore() => Msbuild("-restore", "-t:NanoCheckPackages");

        /// <summary>
        /// Runs the check on <paramref name="source"/> as Probe.cs, allowed mscorlib and
        /// <paramref name="packages"/> (written to packages.config as a portable project declares them).
        /// </summary>
        public BuildResult Check(string source, params string[] packages)
        {
            File.WriteAllText(Path.Combine(_directory, "Probe.cs"), source);
            File.WriteAllText(Path.Combine(_directory, "packages.config"), PackagesConfig(packages));
            return Msbuild("-t:NanoCheck");
        }

        public void Dispose()
        {
            Directory.Delete(_directory, true);
        }

        private BuildResult Msbuild(params string[] arguments)
        {
            var all = new List<string> { "msbuild", "Probe.csproj", "-nologo", "-v:m", "-nodeReuse:false", "-p:NanoRefsTool=" + PortabilityProcess.NanoRefsTool(_repoRoot),
                "-p:NanoRulesAnalyzer=" + PortabilityProcess.NanoRulesAnalyzer(_repoRoot) };
            all.AddRange(arguments);
            return PortabilityProcess.Dotnet(_directory, all.ToArray());
        }

        private static string PackagesConfig(string[] packages)
        {
            var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n";
            foreach (var package in packages)
            {
                text += "  <package id=\"" + package + "\" />\n";
            }

            return text + "</packages>\n";
        }

        private static string ProjectText(string repoRoot) =>
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
            "  <PropertyGroup>\n" +
            "    <TargetFramework>net10.0</TargetFramework>\n" +
            "    <RepoRoot>" + repoRoot + Path.DirectorySeparatorChar + "</RepoRoot>\n" +
            "    <Nullable>disable</Nullable>\n" +
            "    <ImplicitUsings>disable</ImplicitUsings>\n" +
            "  </PropertyGroup>\n" +
            "  <Import Project=\"$(RepoRoot)build/NanoCheck.targets\" />\n" +
            "</Project>\n";
    }
}
