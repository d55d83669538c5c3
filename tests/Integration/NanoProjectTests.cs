using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Every portable project's .nfproj compiles exactly the files its csproj compiles (and its
    /// packages.config and EmbeddedSmartCard.nano.sln are what tools/NanoRefs sync-nfproj writes).
    /// </summary>
    [TestClass]
    public sealed class NanoProjectTests
    {
        [TestMethod]
        public void NfprojCompileListsMatchTheirCsprojSources()
        {
            string repoRoot = PortabilityProcess.RepoRoot();

            BuildResult check = PortabilityProcess.Dotnet(repoRoot, PortabilityProcess.NanoRefsTool(repoRoot), "check-nfproj");

            Assert.IsTrue(check.Succeeded, "the nanoFramework projects drifted from the .NET ones:\n" + check.Output);
        }
    }
}
