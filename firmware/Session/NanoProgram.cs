using System.Threading;

namespace EmbeddedSmartCard.Firmware.Session
{
    /// <summary>
    /// The nanoFramework entry point (the .nfproj builds an application; .NET runs the same session
    /// through `scard demo`): the scripted session on the simulator board, written to the debug output.
    /// A device program does not return, so it then sleeps.
    /// </summary>
    public static class NanoProgram
    {
        public static void Main()
        {
            new ScriptedSession(new DebugSessionOutput()).Run();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
