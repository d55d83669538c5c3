using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>Runs dotnet (msbuild, the NanoRefs tool) for the portability and nfproj tests, bounded in time.</summary>
    public static class PortabilityProcess
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

        /// <summary>The repository above the test binaries, or else above this source file.</summary>
        public static string RepoRoot([CallerFilePath] string sourceFile = "")
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

        /// <summary>tools/NanoRefs as the build produced it (every portable project builds it first), whatever the configuration.</summary>
        public static string NanoRefsTool(string repoRoot) => NewestBuild(repoRoot, "NanoRefs");

        /// <summary>The tools/NanoRules analyzer the portability check runs.</summary>
        public static string NanoRulesAnalyzer(string repoRoot) => NewestBuild(repoRoot, "NanoRules");

        private static string NewestBuild(string repoRoot, string tool) =>
            Directory.GetFiles(Path.Combine(repoRoot, "tools", tool, "bin"), tool + ".dll", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .First();

        public static BuildResult Dotnet(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
            {
                process.Kill(true);
                throw new TimeoutException("dotnet " + string.Join(" ", arguments) + " did not finish within " + Timeout);
            }

            return new BuildResult(process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>Exit code and combined output of one dotnet run.</summary>
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
