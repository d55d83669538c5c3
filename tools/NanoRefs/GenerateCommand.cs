using System.Diagnostics;
using System.Security.Cryptography;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>
/// <c>generate</c>: writes artifacts/nanorefs/{assembly}.dll (+ src/{assembly}.cs) and one
/// packages/{package id}.refs per package listing the DLLs it compiles against. Skips the work when
/// the stamp says the TSV and this generator are unchanged; a lock file keeps parallel builds
/// from generating at the same time.
/// </summary>
public static class GenerateCommand
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    public static int Run(string tsvPath, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var stampPath = Path.Combine(outDir, "stamp");
        var expected = StampFor(tsvPath);
        using (AcquireLock(Path.Combine(outDir, ".lock")))
        {
            if (File.Exists(stampPath) && File.ReadAllText(stampPath) == expected)
            {
                // Up to date: touch the stamp so MSBuild's timestamp check is satisfied too.
                File.SetLastWriteTimeUtc(stampPath, DateTime.UtcNow);
                return 0;
            }

            var watch = Stopwatch.StartNew();
            File.Delete(stampPath);
            var table = ApiTable.Load(tsvPath);
            var packages = NanoPackageCatalog.FromTable(table);
            WriteAssemblies(table, packages, outDir);
            WriteReferenceLists(packages, Path.Combine(outDir, "packages"));
            File.WriteAllText(stampPath, expected);
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

    /// <summary>A running compile may hold the old DLL open: replace it by rename, never in place.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + "." + Environment.ProcessId + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }

    private static string StampFor(string tsvPath)
    {
        using var sha = SHA256.Create();
        var tsvHash = Convert.ToHexString(sha.ComputeHash(File.ReadAllBytes(tsvPath)));
        var toolHash = Convert.ToHexString(sha.ComputeHash(File.ReadAllBytes(typeof(GenerateCommand).Assembly.Location)));
        return $"tsv {tsvHash}\ngenerator {toolHash}\n";
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
