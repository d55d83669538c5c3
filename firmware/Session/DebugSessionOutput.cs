using System.Diagnostics;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Session
{
    /// <summary>Session lines to the debugger's output window: what a nanoFramework board's entry point uses.</summary>
    public sealed class DebugSessionOutput : ISessionOutput
    {
        public void WriteLine(string line)
        {
            Debug.WriteLine(line);
        }
    }
}
