using EmbeddedSmartCard.Tools.NanoRefs;

// Verbs: generate | sync-nfproj | check-nfproj (docs/portability.md); the nfproj verbs also cover the .nuspec files.
var repoRoot = RepoRoot.Find(Environment.CurrentDirectory);
var verb = args.Length > 0 ? args[0] : "generate";
try
{
    switch (verb)
    {
        case "generate":
            var outDir = Option(args, "--out") ?? Path.Combine(repoRoot, "artifacts", "nanorefs");
            return GenerateCommand.Run(Path.Combine(repoRoot, RepoRoot.ApiTsv), Path.Combine(repoRoot, "tools", "NanoRefs"), Path.GetFullPath(outDir));
        case "sync-nfproj":
            return new SyncCommand(repoRoot).Sync();
        case "check-nfproj":
            return new SyncCommand(repoRoot).Check();
        default:
            Console.Error.WriteLine("usage: NanoRefs generate [--out <dir>] | sync-nfproj | check-nfproj");
            return 2;
    }
}
catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or ArgumentException or IOException or System.Xml.XmlException)
{
    Console.Error.WriteLine("NanoRefs: error: " + e.Message);
    return 1;
}

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
