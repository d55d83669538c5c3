using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// `dotnet pack --no-build` of the scard tool and of a library, from the output of the build these
    /// tests run under (CI builds Release first), gives packages with the version of Directory.Build.props
    /// and the files a user installs: the tool's settings and entry assembly, the library's assembly.
    /// A nanoFramework .nuspec that tools/NanoRefs generated packs with NuGet into the package its
    /// packages.config and project references call for.
    /// </summary>
    [TestClass]
    public sealed class PackagingTests
    {
        private const string ToolFolder = "tools/net10.0/any/";
        private const string LibraryFolder = "lib/net10.0/";

        [TestMethod]
        public void ScardPacksAsADotnetToolNamedScard()
        {
            string repoRoot = PortabilityProcess.RepoRoot();
            string version = PropsVersion(repoRoot);

            using (var package = Pack(repoRoot, "firmware/Scard/Scard.csproj", "EmbeddedSmartCard.Scard", version))
            {
                XElement metadata = NuspecMetadata(package.Archive);
                Assert.AreEqual(version, Element(metadata, "version"));
                Assert.IsTrue(metadata.Descendants().Any(e => e.Name.LocalName == "packageType" && (string)e.Attribute("name") == "DotnetTool"),
                    "the package is not marked as a .NET tool");

                XElement command = XDocument.Load(Entry(package.Archive, ToolFolder + "DotnetToolSettings.xml").Open())
                    .Descendants("Command").Single();
                Assert.AreEqual("scard", (string)command.Attribute("Name"));
                Assert.AreEqual("scard.dll", (string)command.Attribute("EntryPoint"));

                Assert.AreEqual(version, PackedAssemblyVersion(package, ToolFolder + "scard.dll"));
                Assert.IsNotNull(package.Archive.GetEntry(ToolFolder + "scard.runtimeconfig.json"), "the tool cannot start without its runtimeconfig");
                Assert.IsNotNull(package.Archive.GetEntry(ToolFolder + "EmbeddedSmartCard.Manager.dll"), "the tool lacks the libraries it references");
            }
        }

        [TestMethod]
        public void DriverLibraryPacksItsAssemblyAndDependsOnTheHalPackage()
        {
            string repoRoot = PortabilityProcess.RepoRoot();
            string version = PropsVersion(repoRoot);
            const string Id = "EmbeddedSmartCard.Drivers.Library";

            using (var package = Pack(repoRoot, "drivers/Library/EmbeddedSmartCard.Drivers.Library.csproj", Id, version))
            {
                XElement metadata = NuspecMetadata(package.Archive);
                Assert.AreEqual(Id, Element(metadata, "id"));
                Assert.AreEqual(version, Element(metadata, "version"));
                Assert.AreEqual("MIT", Element(metadata, "license"));

                XElement dependency = metadata.Descendants().Single(e => e.Name.LocalName == "dependency");
                Assert.AreEqual("EmbeddedSmartCard.Hal", (string)dependency.Attribute("id"));
                Assert.AreEqual(version, (string)dependency.Attribute("version"));

                Assert.AreEqual(version, PackedAssemblyVersion(package, LibraryFolder + Id + ".dll"));
            }
        }

        [TestMethod]
        public void NanoFrameworkNuspecPacksWithThePropsVersionAndThePackagesConfigDependencies()
        {
            string repoRoot = PortabilityProcess.RepoRoot();
            string version = PropsVersion(repoRoot);
            const string Assembly = "EmbeddedSmartCard.Drivers.Uart";
            string projectDir = Path.Combine(repoRoot, "drivers", "Uart");

            using (var package = new PackedPackage())
            {
                string packed = PackNuspecWithStandInOutputs(package.Directory, Path.Combine(projectDir, Assembly + ".nuspec"), Assembly);
                string path = Path.Combine(packed, Assembly + ".nanoFramework." + version + ".nupkg");
                Assert.IsTrue(File.Exists(path), "no " + Path.GetFileName(path) + " in " + string.Join(", ", System.IO.Directory.GetFiles(packed)));
                package.Open(path);

                XElement metadata = NuspecMetadata(package.Archive);
                Assert.AreEqual(version, Element(metadata, "version"));
                string[] dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
                    .Select(e => (string)e.Attribute("id") + "/" + (string)e.Attribute("version")).ToArray();
                foreach (XElement configured in XDocument.Load(Path.Combine(projectDir, "packages.config")).Descendants("package"))
                {
                    string expected = (string)configured.Attribute("id") + "/" + (string)configured.Attribute("version");
                    Assert.IsTrue(dependencies.Contains(expected), "the package lacks the packages.config dependency " + expected + ": " + string.Join(", ", dependencies));
                }

                Assert.IsTrue(dependencies.Contains("EmbeddedSmartCard.Drivers.Library.nanoFramework/" + version), "the package lacks its referenced portable project: " + string.Join(", ", dependencies));
                foreach (string extension in new[] { ".dll", ".pe", ".pdb", ".pdbx" })
                {
                    Entry(package.Archive, "lib/" + Assembly + extension);
                }
            }
        }

        /// <summary>
        /// Packs a nanoFramework .nuspec with NuGet's own pack task (a throw-away project naming it as its
        /// NuspecFile) over stand-in files where the nanoFramework build would leave its outputs, which this
        /// machine cannot build; returns the folder the package went to.
        /// </summary>
        private static string PackNuspecWithStandInOutputs(string workDir, string nuspec, string assembly)
        {
            string outputs = Path.Combine(workDir, "bin", "Release");
            System.IO.Directory.CreateDirectory(outputs);
            foreach (string extension in new[] { ".dll", ".pe", ".pdb", ".pdbx" })
            {
                File.WriteAllText(Path.Combine(outputs, assembly + extension), "stand-in");
            }

            File.Copy(nuspec, Path.Combine(workDir, Path.GetFileName(nuspec)));
            File.WriteAllText(Path.Combine(workDir, "NuspecPack.csproj"),
                "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>" +
                "<NuspecFile>" + Path.GetFileName(nuspec) + "</NuspecFile><NoBuild>true</NoBuild><IncludeBuildOutput>false</IncludeBuildOutput>" +
                "</PropertyGroup></Project>");
            string packed = Path.Combine(workDir, "packed");
            BuildResult pack = PortabilityProcess.Dotnet(workDir, "pack", "NuspecPack.csproj", "-o", packed, "-nologo", "-nodeReuse:false");
            Assert.IsTrue(pack.Succeeded, "NuGet did not pack " + Path.GetFileName(nuspec) + ":\n" + pack.Output);
            return packed;
        }

        /// <summary>The configuration this test assembly was built in: the one whose outputs exist to pack.</summary>
        private static string BuildConfiguration() =>
            typeof(PackagingTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>().Configuration;

        private static string PropsVersion(string repoRoot) =>
            XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props")).Descendants("Version").Single().Value.Trim();

        private static PackedPackage Pack(string repoRoot, string project, string packageId, string version)
        {
            var output = new PackedPackage();
            BuildResult pack = PortabilityProcess.Dotnet(repoRoot, "pack", project, "--no-build", "-c", BuildConfiguration(),
                "-o", output.Directory, "-nologo", "-nodeReuse:false");
            string path = Path.Combine(output.Directory, packageId + "." + version + ".nupkg");
            if (!pack.Succeeded || !File.Exists(path))
            {
                output.Dispose();
                Assert.Fail("dotnet pack " + project + " gave no " + Path.GetFileName(path) + ":\n" + pack.Output);
            }

            output.Open(path);
            return output;
        }

        private static XElement NuspecMetadata(ZipArchive archive)
        {
            ZipArchiveEntry nuspec = archive.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            return XDocument.Load(nuspec.Open()).Descendants().Single(e => e.Name.LocalName == "metadata");
        }

        private static string Element(XElement metadata, string name) =>
            metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        private static ZipArchiveEntry Entry(ZipArchive archive, string name)
        {
            ZipArchiveEntry entry = archive.GetEntry(name);
            Assert.IsNotNull(entry, "the package has no " + name + "; it has " + string.Join(", ", archive.Entries.Select(e => e.FullName)));
            return entry;
        }

        /// <summary>The packed assembly's version as major.minor.build, the form Version takes in Directory.Build.props.</summary>
        private static string PackedAssemblyVersion(PackedPackage package, string entryName)
        {
            string extracted = Path.Combine(package.Directory, Path.GetFileName(entryName));
            Entry(package.Archive, entryName).ExtractToFile(extracted);
            return AssemblyName.GetAssemblyName(extracted).Version.ToString(3);
        }

        /// <summary>A temporary output directory and the package opened in it; both go away on Dispose.</summary>
        private sealed class PackedPackage : IDisposable
        {
            public PackedPackage()
            {
                Directory = Path.Combine(Path.GetTempPath(), "esc-pack-" + Guid.NewGuid().ToString("N"));
                System.IO.Directory.CreateDirectory(Directory);
            }

            public string Directory { get; }

            public ZipArchive Archive { get; private set; }

            public void Open(string path) => Archive = ZipFile.OpenRead(path);

            public void Dispose()
            {
                Archive?.Dispose();
                System.IO.Directory.Delete(Directory, true);
            }
        }
    }
}
