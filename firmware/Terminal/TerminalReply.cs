using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.Terminal
{
    /// <summary>The last line of a reply block: <c>OK</c>, or <c>ERR &lt;code&gt; &lt;name&gt;[: detail]</c> with the PC/SC code in 8 hex digits.</summary>
    public static class TerminalReply
    {
        public const string OkLine = "OK";
        public const string ErrorPrefix = "ERR ";

        public static void Ok(ISessionOutput output)
        {
            output.WriteLine(OkLine);
        }

        public static void Error(ISessionOutput output, int code, string detail)
        {
            string line = ErrorPrefix + code.ToString("X8") + " " + ScardError.GetName(code);
            output.WriteLine(detail != null ? line + ": " + detail : line);
        }
    }
}
