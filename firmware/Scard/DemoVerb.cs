using System.IO;
using EmbeddedSmartCard.Firmware.Session;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>scard demo: the scripted session on the simulator board (firmware/Session), printed as it runs.</summary>
    public static class DemoVerb
    {
        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new string[0], new string[0]);
            options.ExpectNoPositional();
            bool completed = new ScriptedSession(new TextWriterOutput(output)).Run();
            if (!completed)
            {
                error.WriteLine("scard demo: the session did not go as scripted (see above)");
                return 1;
            }

            return 0;
        }

        private sealed class TextWriterOutput : ISessionOutput
        {
            private readonly TextWriter writer;

            public TextWriterOutput(TextWriter writer)
            {
                this.writer = writer;
            }

            public void WriteLine(string line)
            {
                writer.WriteLine(line);
            }
        }
    }
}
