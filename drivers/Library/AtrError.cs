namespace EmbeddedSmartCard.Drivers
{
    /// <summary>One finding of the ATR parser: a stable code, a readable message and where it was seen.</summary>
    public sealed class AtrError
    {
        public AtrError(AtrErrorCode code, int position, string message)
        {
            Code = code;
            Position = position;
            Message = message;
        }

        public AtrErrorCode Code { get; private set; }

        /// <summary>Index of the offending character within the ATR (0 = TS), or the length when a character is missing.</summary>
        public int Position { get; private set; }

        public string Message { get; private set; }

        /// <summary>True when the ATR's shape is wrong (length, TS, TCK) rather than a reserved value.</summary>
        public bool IsStructural
        {
            get { return Code < AtrErrorCode.RfuFi; }
        }

        public override string ToString()
        {
            return Message;
        }
    }
}
