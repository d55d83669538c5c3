namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>Finds the repository root: the nearest directory above the start that holds the API data.</summary>
public static class RepoRoot
{
    public const string ApiTsv = "nanoframework/nanoframework-1x-api.tsv";

    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ApiTsv)))
            {
                return dir.FullName;
            }
        }

        var toolDir = AppContext.BaseDirectory;
        return start == toolDir ? throw new DirectoryNotFoundException("No " + ApiTsv + " above " + start) : Find(toolDir);
    }
}
