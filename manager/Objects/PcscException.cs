using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>
    /// A PC/SC call of the object API failed: <see cref="Code"/> is the pcsc-lite return code
    /// (<see cref="ScardError"/>). Every code has its own subclass (see <see cref="PcscExceptions.FromCode"/>),
    /// grouped by the prefix of its name: <see cref="PcscErrorException"/> (SCARD_E_*),
    /// <see cref="PcscFailureException"/> (SCARD_F_*), <see cref="PcscWarningException"/> (SCARD_W_*) and
    /// <see cref="ShutdownException"/> (SCARD_P_SHUTDOWN). A code outside the table gets this class itself.
    /// </summary>
    public class PcscException : Exception
    {
        public PcscException(int code)
            : base(Describe(code))
        {
            Code = code;
        }

        /// <summary>The PC/SC return code.</summary>
        public int Code { get; private set; }

        /// <summary>The symbolic name, "SCARD_W_RESET_CARD".</summary>
        public string CodeName
        {
            get { return ScardError.GetName(Code); }
        }

        private static string Describe(int code)
        {
            return ScardError.GetName(code) + " (0x" + code.ToString("X8") + ")";
        }
    }

    /// <summary>SCARD_E_*: the call was refused or could not be carried out.</summary>
    public class PcscErrorException : PcscException
    {
        public PcscErrorException(int code)
            : base(code)
        {
        }
    }

    /// <summary>SCARD_F_*: an internal or communication failure.</summary>
    public class PcscFailureException : PcscException
    {
        public PcscFailureException(int code)
            : base(code)
        {
        }
    }

    /// <summary>SCARD_W_*: the card is in a state the caller has to act on (reset, removed, unpowered …).</summary>
    public class PcscWarningException : PcscException
    {
        public PcscWarningException(int code)
            : base(code)
        {
        }
    }

    /// <summary>SCARD_P_SHUTDOWN, the only code of its family: the operation was aborted to let the server shut down.</summary>
    public sealed class ShutdownException : PcscException
    {
        public ShutdownException()
            : base(ScardError.Shutdown)
        {
        }
    }
}
