using System.Diagnostics;
using System.Security.Cryptography;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>
/// <c>generate</c>: writes artifacts/nanorefs/{assembly}.dll (+ src/{assembly}.cs) and one
/// packages/{package id}.refs per package listing the DLLs it compiles against. Skips the work when
/// the stamp says the TSV and the generator's source are unchanged; a lock file keeps parallel builds
/// from generating at the same time.
/// </summary>
public static class GenerateCommand
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    public static int Run(string tsvPath, string generatorDir, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var stampPath = Path.Combine(outDir, "stamp");
        var expected = StampFor(tsvPath, generatorDir);
        using (AcquireLock(Path.Combine(outDir, ".lock")))
        {
            if (File.Exists(stampPath) && File.ReadAllText(stampPath).StartsWith(expected, StringComparison.Ordinal) && OutputsPresent(outDir, stampPath))
            {
                // Up to date: touch the outputs so MSBuild's timestamp check is satisfied too.
                Touch(outDir, stampPath);
                return 0;
            }

            var watch = Stopwatch.StartNew();
            File.Delete(stampPath);
            var table = ApiTable.Load(tsvPath);
            var packages = NanoPackageCatalog.FromTable(table);
            WriteAssemblies(table, packages, outDir);
            WriteReferenceLists(packages, Path.Combine(outDir, "packages"));
            var files = packages.Select(p => "file " + p.Assembly + ".dll")
                .Concat(packages.Select(p => "file packages/" + p.Id + ".refs"));
            File.WriteAllText(stampPath, expected + string.Join("\n", files) + "\n");
            Console.WriteLine($"NanoRefs: {packages.Count} reference assemblies in {outDir} ({watch.ElapsedMilliseconds} ms)");
        }

        return 0;
    }

    private static void WriteAssemblies(ApiTable table, List<NanoPackage> packages, string outDir)
    {
        var sourceDir = Path.Combine(outDir, "src");
        Directory.CreateDirectory(sourceDir);
        var compiler = new StubCompiler(table);
        foreach (var package in packages)
        {
            var image = compiler.Compile(package, packages, out var source);
            File.WriteAllText(Path.Combine(sourceDir, package.Assembly + ".cs"), source);
            WriteAtomically(Path.Combine(outDir, package.Assembly + ".dll"), image);
        }
    }

    private static void WriteReferenceLists(List<NanoPackage> packages, string dir)
    {
        Directory.CreateDirectory(dir);
        foreach (var package in packages)
        {
            var closure = NanoPackageCatalog.Closure(packages, new[] { package.Id }).Select(p => p.Assembly + ".dll");
            File.WriteAllLines(Path.Combine(dir, package.Id + ".refs"), closure);
        }
    }

    /// <summary>The stamp lists every file it vouches for; a deleted one means generating again.</summary>
    private static bool OutputsPresent(string outDir, string stampPath) => StampedFiles(outDir, stampPath).All(File.Exists);

    private static void Touch(string outDir, string stampPath)
    {
        var now = DateTime.UtcNow;
        foreach (var file in StampedFiles(outDir, stampPath).Append(stampPath))
        {
            File.SetLastWriteTimeUtc(file, now);
        }
    }

    private static IEnumerable<string> StampedFiles(string outDir, string stampPath) =>
        File.ReadAllLines(stampPath)
            .Where(l => l.StartsWith("file ", StringComparison.Ordinal))
            .Select(l => Path.Combine(outDir, l.Substring(5)));

    /// <summary>A running compile may hold the old DLL open: replace it by rename, never in place.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// What the outputs depend on: the API data and the generator's source (not its binary, so a
    /// Debug and a Release build of the same generator agree).
    /// </summary>
    private static string StampFor(string tsvPath, string generatorDir)
    {
        using var sha = SHA256.Create();
        var tsvHash = Convert.ToHexString(sha.ComputeHash(File.ReadAllBytes(tsvPath)));
        var sources = Directory.GetFiles(generatorDir, "*.cs").Append(Path.Combine(generatorDir, "NanoRefs.csproj"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllBytes(f).Concat(new byte[] { 0 }))
            .ToArray();
        return $"tsv {tsvHash}\ngenerator {Convert.ToHexString(sha.ComputeHash(sources))}\n";
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}
