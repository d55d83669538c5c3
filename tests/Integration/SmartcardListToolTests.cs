using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using EmbeddedSmartCard.Scard;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>scard atr: in-process through AtrVerb.Run, over the whole pcsc-tools list, and once as a process reading standard input.</summary>
    [TestClass]
    public sealed class SmartcardListToolTests
    {
        private const int ProcessTimeoutMillis = 60000;
        private const string Vicc = "3B 95 13 81 01 80 73 FF 01 00 0B";
        private const string BadTck = "3B 95 13 81 01 80 73 FF 01 00 0C";
        private const string Sam = "3BDF18FF81F1FE43003F03834D494641524520506C75732053414D3B";

        private static readonly string[] JsonFields =
        {
            "convention", "protocols", "defaultProtocol", "specificMode", "fi", "di", "fmaxMHz", "n", "wi",
            "ifsc", "cwi", "bwi", "edc", "historical", "tckPresent", "tckValid", "errors",
        };

        [TestMethod]
        public void JsonHasExactlyTheListedFields()
        {
            string[] lines = RunJson(Vicc + "\n", out int exit);
            Assert.AreEqual(0, exit);
            Assert.AreEqual(1, lines.Length);
            using (JsonDocument document = JsonDocument.Parse(lines[0]))
            {
                List<string> names = new List<string>();
                foreach (JsonProperty property in document.RootElement.EnumerateObject())
                {
                    names.Add(property.Name);
                }

                CollectionAssert.AreEqual(JsonFields, names, lines[0]);
                JsonElement root = document.RootElement;
                Assert.AreEqual("direct", root.GetProperty("convention").GetString());
                Assert.AreEqual(1, root.GetProperty("protocols").GetArrayLength());
                Assert.AreEqual(1, root.GetProperty("protocols")[0].GetInt32());
                Assert.AreEqual(1, root.GetProperty("defaultProtocol").GetInt32());
                Assert.IsFalse(root.GetProperty("specificMode").GetBoolean());
                Assert.AreEqual(372, root.GetProperty("fi").GetInt32());
                Assert.AreEqual(4, root.GetProperty("di").GetInt32());
                Assert.AreEqual(5.0, root.GetProperty("fmaxMHz").GetDouble());
                Assert.AreEqual(32, root.GetProperty("ifsc").GetInt32());
                Assert.AreEqual("LRC", root.GetProperty("edc").GetString());
                Assert.AreEqual("80 73 FF 01 00", root.GetProperty("historical").GetString());
                Assert.IsTrue(root.GetProperty("tckPresent").GetBoolean());
                Assert.IsTrue(root.GetProperty("tckValid").GetBoolean());
                Assert.AreEqual(0, root.GetProperty("errors").GetArrayLength());
            }
        }

        [TestMethod]
        public void JsonReportsErrorsAndExitsOne()
        {
            string[] lines = RunJson(Vicc + "\n\n# a comment\n" + BadTck + "\n" + Sam + "\n", out int exit);
            Assert.AreEqual(1, exit);
            Assert.AreEqual(3, lines.Length);
            using (JsonDocument document = JsonDocument.Parse(lines[1]))
            {
                JsonElement errors = document.RootElement.GetProperty("errors");
                Assert.AreEqual(1, errors.GetArrayLength());
                Assert.AreEqual("BadTck", errors[0].GetProperty("code").GetString());
                Assert.IsFalse(document.RootElement.GetProperty("tckValid").GetBoolean());
            }

            StringAssert.Contains(lines[2], "\"n\":255");
            StringAssert.Contains(lines[2], "\"ifsc\":254");
            StringAssert.Contains(lines[2], "\"protocols\":[1,15]");
        }

        [TestMethod]
        public void TextShowsEveryInterfaceByte()
        {
            StringWriter output = new StringWriter();
            int exit = AtrVerb.Run(new[] { Sam, "3F 96 18 80 01 80 51 00 61 10 30 9F" }, new StringReader(""), output, new StringWriter());
            Assert.AreEqual(0, exit);
            string text = output.ToString();
            StringAssert.Contains(text, "TA1 = 18  Fi = 372, Di = 12, f(max) = 5 MHz");
            StringAssert.Contains(text, "TA3 = FE  IFSC = 254");
            StringAssert.Contains(text, "TB3 = 43  BWI = 4, CWI = 3");
            StringAssert.Contains(text, "TA4 = 03  clock stop not supported, classes A B");
            StringAssert.Contains(text, "\"MIFARE Plus SAM\"");
            StringAssert.Contains(text, "TCK = 3B  correct");
            StringAssert.Contains(text, "inverse convention");
        }

        [TestMethod]
        public void UsageErrors()
        {
            AssertUsageError(new string[0], "");
            AssertUsageError(new[] { "3B0" }, "");
            AssertUsageError(new[] { "3B00", "--verbose" }, "");
            AssertUsageError(new[] { "-" }, "3B 00\nnot hex\n");
        }

        [TestMethod]
        public void WholeListThroughTheTool()
        {
            int patterns;
            List<string> atrs = SmartcardList.LiteralAtrs(out patterns);
            string[] lines = RunJson(string.Join("\n", atrs) + "\n", out int exit);
            Assert.AreEqual(1, exit);
            Assert.AreEqual(atrs.Count, lines.Length);
            int structurallyInvalid = 0;
            foreach (string line in lines)
            {
                using (JsonDocument document = JsonDocument.Parse(line))
                {
                    foreach (JsonElement error in document.RootElement.GetProperty("errors").EnumerateArray())
                    {
                        if (error.GetProperty("structural").GetBoolean())
                        {
                            structurallyInvalid++;
                            break;
                        }
                    }
                }
            }

            Assert.AreEqual(92, structurallyInvalid);
        }

        [TestMethod]
        public void BuiltToolReadsStandardInput()
        {
            string scard = Path.Combine(AppContext.BaseDirectory, "scard.dll");
            Assert.IsTrue(File.Exists(scard), "scard.dll is copied next to the tests by the project reference: " + scard);
            ProcessStartInfo start = new ProcessStartInfo("dotnet");
            start.ArgumentList.Add(scard);
            start.ArgumentList.Add("atr");
            start.ArgumentList.Add("--json");
            start.ArgumentList.Add("-");
            start.UseShellExecute = false;
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using (Process process = Process.Start(start))
            {
                process.StandardInput.Write(Vicc + "\n" + BadTck + "\n");
                process.StandardInput.Close();
                System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
                System.Threading.Tasks.Task<string> error = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(ProcessTimeoutMillis))
                {
                    process.Kill();
                    Assert.Fail("scard atr did not exit");
                }

                string[] lines = output.Result.Trim().Split('\n');
                Assert.AreEqual(1, process.ExitCode, error.Result);
                Assert.AreEqual(2, lines.Length, output.Result);
                StringAssert.Contains(lines[0], "\"errors\":[]");
                StringAssert.Contains(lines[1], "BadTck");
            }
        }

        private static string[] RunJson(string input, out int exit)
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();
            exit = AtrVerb.Run(new[] { "--json", "-" }, new StringReader(input), output, error);
            string text = output.ToString().Trim();
            return text.Length == 0 ? new string[0] : text.Split('\n');
        }

        private static void AssertUsageError(string[] args, string input)
        {
            try
            {
                AtrVerb.Run(args, new StringReader(input), new StringWriter(), new StringWriter());
                Assert.Fail("no usage error for: " + string.Join(" ", args));
            }
            catch (CommandLineException)
            {
            }
        }
    }
}
