using System.Text;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>Writes EmbeddedSmartCard.nano.sln: every .nfproj (an .nfproj cannot sit in the .NET solution).</summary>
public static class NanoSolutionWriter
{
    public const string FileName = "EmbeddedSmartCard.nano.sln";

    private static readonly string[] Configurations = { "Debug", "Release" };

    public static string Write(IReadOnlyList<PortableProject> projects, string repoRoot)
    {
        var s = new StringBuilder();
        s.Append("\r\nMicrosoft Visual Studio Solution File, Format Version 12.00\r\n");
        s.Append("# Visual Studio Version 17\r\n");
        s.Append("VisualStudioVersion = 17.0.31903.59\r\n");
        s.Append("MinimumVisualStudioVersion = 10.0.40219.1\r\n");
        foreach (var project in projects)
        {
            var path = NfprojWriter.RelativePath(repoRoot, project.NfprojPath);
            s.Append($"Project(\"{NfprojWriter.NanoProjectTypeGuid}\") = \"{project.AssemblyName}\", \"{path}\", \"{NfprojWriter.ProjectGuid(project.AssemblyName)}\"\r\n");
            s.Append("EndProject\r\n");
        }

        s.Append("Global\r\n");
        s.Append("\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\r\n");
        foreach (var configuration in Configurations)
        {
            s.Append($"\t\t{configuration}|Any CPU = {configuration}|Any CPU\r\n");
        }

        s.Append("\tEndGlobalSection\r\n");
        s.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\r\n");
        foreach (var project in projects)
        {
            var guid = NfprojWriter.ProjectGuid(project.AssemblyName);
            foreach (var configuration in Configurations)
            {
                // Deploy.0: the nanoFramework project system deploys every project to the device.
                foreach (var step in new[] { "ActiveCfg", "Build.0", "Deploy.0" })
                {
                    s.Append($"\t\t{guid}.{configuration}|Any CPU.{step} = {configuration}|Any CPU\r\n");
                }
            }
        }

        s.Append("\tEndGlobalSection\r\n");
        s.Append("\tGlobalSection(SolutionProperties) = preSolution\r\n");
        s.Append("\t\tHideSolutionNode = FALSE\r\n");
        s.Append("\tEndGlobalSection\r\n");
        s.Append("EndGlobal\r\n");
        return s.ToString();
    }
}
