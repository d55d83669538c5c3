using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// A throw-away project that imports build/NanoCheck.targets, the way every portable project
    /// does, so a test can run the real portability check on one source file.
    /// </summary>
    public sealed class PortabilityCheckProject : IDisposable
    {
        private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(120);

        private readonly string _directory;

        public PortabilityCheckProject()
        {
            RepoRoot = FindRepoRoot();
            _directory = Path.Combine(Path.GetTempPath(), "nanocheck-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            File.WriteAllText(Path.Combine(_directory, "Probe.csproj"), ProjectText(RepoRoot));
        }

        public string RepoRoot { get; }

        /// <summary>Restores the project once, so each <see cref="Check"/> is only the nano compile.</summary>
        public BuildResult Restore() => RunMsbuild("-restore", "-t:NanoCheckPackages");

        /// <summary>Runs the check on <paramref name="source"/> as Probe.cs; the result carries the build output.</summary>
        public BuildResult Check(string source)
        {
            File.WriteAllText(Path.Combine(_directory, "Probe.cs"), source);
            return RunMsbuild("-t:NanoCheck");
        }

        public void Dispose()
        {
            Directory.Delete(_directory, true);
        }

        private BuildResult RunMsbuild(params string[] arguments)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = _directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "msbuild", "Probe.csproj", "-nologo", "-v:m", "-nodeReuse:false", "-p:NanoRefsTool=" + NewestGenerator(RepoRoot) }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit((int)BuildTimeout.TotalMilliseconds))
            {
                process.Kill(true);
                throw new TimeoutException("dotnet msbuild did not finish within " + BuildTimeout);
            }

            return new BuildResult(process.ExitCode, stdout + stderr.Result);
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

        /// <summary>The generator the solution build produced (whatever configuration it used).</summary>
        private static string NewestGenerator(string repoRoot) =>
            Directory.GetFiles(Path.Combine(repoRoot, "tools", "NanoRefs", "bin"), "NanoRefs.dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .First();

        private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

        /// <summary>The repository above the test binaries, or else above this source file.</summary>
        public static string FindRepoRoot([CallerFilePath] string sourceFile = "")
        {
            foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "build", "NanoCheck.targets")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new DirectoryNotFoundException("No build/NanoCheck.targets above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Exit code and combined output of one build.</summary>
    public sealed class BuildResult
    {
        public BuildResult(int exitCode, string output)
        {
            ExitCode = exitCode;
            Output = output;
        }

        public int ExitCode { get; }

        public string Output { get; }

        public bool Succeeded => ExitCode == 0;
    }
}
