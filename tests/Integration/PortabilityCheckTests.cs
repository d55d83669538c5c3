using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The portability check bites: code nanoFramework 1.x cannot compile fails the build with the
    /// missing API named at its file and line, so does a generic declaration (tools/NanoRules); the
    /// stubs keep the device's rules where the data is silent (struct definite assignment, repeatable
    /// [DataRow]); plain portable code and portable tests pass.
    /// </summary>
    [TestClass]
    public sealed class PortabilityCheckTests
    {
        private static PortabilityCheckProject _project;

        [ClassInitialize]
        public static void CreateProject(TestContext context)
        {
            _project = new PortabilityCheckProject();
            BuildResult restore = _project.Restore();
            Assert.IsTrue(restore.Succeeded, restore.Output);
        }

        [ClassCleanup]
        public static void DeleteProject()
        {
            _project?.Dispose();
        }

        [TestMethod]
        public void GenericListIsRejected()
        {
            BuildResult result = _project.Check(
                "namespace Probe\n{\n    public static class Uses\n    {\n" +
                "        public static object Make() { return new System.Collections.Generic.List<int>(); }\n" +
                "    }\n}\n");

            AssertRejected(result, "Probe.cs(5,", "error CS0234", "'Generic' does not exist in the namespace 'System.Collections'");
        }

        [TestMethod]
        public void SpanIsRejected()
        {
            BuildResult result = _project.Check(
                "using System;\n\nnamespace Probe\n{\n    public static class Uses\n    {\n" +
                "        public static int Length(byte[] data) { Span<byte> span = data; return span.Length; }\n" +
                "    }\n}\n");

            AssertRejected(result, "Probe.cs(7,", "error CS0246", "'Span<>' could not be found");
        }

        [TestMethod]
        public void WaitOneWithOnlyATimeoutIsRejected()
        {
            BuildResult result = _project.Check(
                "using System.Threading;\n\nnamespace Probe\n{\n    public static class Uses\n    {\n" +
                "        public static bool Wait(AutoResetEvent signal) { return signal.WaitOne(10); }\n" +
                "    }\n}\n");

            AssertRejected(result, "Probe.cs(7,", "error CS7036", "WaitHandle.WaitOne(int, bool)");
        }

        [TestMethod]
        public void GenericMethodIsRejected()
        {
            BuildResult result = _project.Check(
                "namespace Probe\n{\n    public static class Uses\n    {\n" +
                "        public static T First<T>(T[] items) { return items[0]; }\n" +
                "    }\n}\n");

            AssertRejected(result, "Probe.cs(5,", "error NANO001", "'First<T>' declares type parameters");
        }

        [TestMethod]
        public void UnassignedStructLocalIsRejectedAsOnTheDevice()
        {
            BuildResult result = _project.Check(
                "namespace Probe\n{\n    public static class Uses\n    {\n" +
                "        public static long Ticks() { System.TimeSpan span; return span.Ticks; }\n" +
                "    }\n}\n");

            AssertRejected(result, "Probe.cs(5,", "error CS0165", "Use of unassigned local variable 'span'");
        }

        [TestMethod]
        public void PortableTestsCompileAgainstTheNanoTestFramework()
        {
            BuildResult result = _project.Check(
                "#if NANOFRAMEWORK_1_0\nusing nanoFramework.TestFramework;\n#else\nusing Microsoft.VisualStudio.TestTools.UnitTesting;\n#endif\n\n" +
                "namespace Probe\n{\n    [TestClass]\n    public sealed class Tests\n    {\n" +
                "        [TestMethod]\n        [DataRow(1)]\n        [DataRow(2)]\n" +
                "        public void Rows(int value)\n        {\n" +
                "            Assert.AreEqual(3, value + 2, \"sum\");\n            Assert.IsTrue(value > 0, \"positive\");\n" +
                "            Assert.IsNotNull(this);\n            Assert.AreSame(this, this);\n        }\n    }\n}\n",
                "nanoFramework.TestFramework");

            Assert.IsTrue(result.Succeeded, result.Output);
        }

        [TestMethod]
        public void PortableCodeIsAccepted()
        {
            BuildResult result = _project.Check(
                "using System;\nusing System.Collections;\nusing System.Threading;\n\nnamespace Probe\n{\n" +
                "    public sealed class Uses\n    {\n" +
                "        private static readonly byte[] Table = { 0x3B, 0x95 };\n" +
                "        private readonly object _gate = new object();\n" +
                "        private readonly AutoResetEvent _signal = new AutoResetEvent(false);\n" +
                "        public string Describe(ArrayList items, int count)\n        {\n" +
                "            lock (_gate) { items.Add(count); }\n" +
                "            string text = string.Empty;\n" +
                "            foreach (object item in items) { text += item.ToString(); }\n" +
                "            foreach (char c in text) { count += c; }\n" +
                "            _signal.WaitOne(10, false);\n" +
                "            return $\"{text} {Table[0]:X2} {count}\" + Table[1].ToString(\"X2\");\n" +
                "        }\n    }\n}\n");

            Assert.IsTrue(result.Succeeded, result.Output);
        }

        private static void AssertRejected(BuildResult result, string location, string code, string missingApi)
        {
            Assert.IsFalse(result.Succeeded, "the check accepted code nanoFramework 1.x cannot compile:\n" + result.Output);
            StringAssert.Contains(result.Output, location + "", "no file and line in:\n" + result.Output);
            StringAssert.Contains(result.Output, code, result.Output);
            StringAssert.Contains(result.Output, missingApi, result.Output);
        }
    }
}
