using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>
    /// One decision of the controller: which reader, which card (type and identifier: the applet's card id,
    /// a legacy badge's id, else the contactless UID when one was read), the code, a short reason, when it was
    /// taken and how long it took from the card being seen to the decision, on the controller's clock.
    /// </summary>
    public sealed class DoorDecision
    {
        private readonly byte[] _cardId = new byte[AuditRecord.MaxCardIdLength];

        public DoorDecisionCode Code { get; set; }

        public string Reader { get; set; }

        public CardType Type { get; set; }

        public string Reason { get; set; }

        /// <summary>When the card was seen, in microseconds of the controller's clock.</summary>
        public long SeenMicros { get; set; }

        /// <summary>From the card being seen to the decision, in microseconds of the controller's clock.</summary>
        public long LatencyMicros { get; set; }

        public int CardIdLength { get; private set; }

        public bool IsGranted
        {
            get { return Code == DoorDecisionCode.Granted; }
        }

        public byte[] CardId
        {
            get { return _cardId; }
        }

        /// <summary>Keeps the identifier (cut to <see cref="AuditRecord.MaxCardIdLength"/> bytes).</summary>
        public void SetCardId(byte[] buffer, int offset, int count)
        {
            int kept = count < _cardId.Length ? count : _cardId.Length;
            for (int i = 0; i < kept; i++)
            {
                _cardId[i] = buffer[offset + i];
            }

            CardIdLength = kept;
        }

        /// <summary>Sets the outcome; returns this decision.</summary>
        public DoorDecision Conclude(DoorDecisionCode code, string reason)
        {
            Code = code;
            Reason = reason;
            return this;
        }

        /// <summary>Fills an audit record with this decision (the reason prefixed by the code's name).</summary>
        public void CopyTo(AuditRecord record)
        {
            record.TimestampMicros = SeenMicros + LatencyMicros;
            record.Decision = IsGranted ? AuditRecord.Granted : AuditRecord.Denied;
            record.Reader = Cut(Reader);
            record.SetCardId(_cardId, 0, CardIdLength);
            record.Reason = Cut(DoorDecisionCodes.Name(Code) + ": " + Reason);
        }

        private static string Cut(string text)
        {
            return text != null && text.Length > AuditRecord.MaxTextLength ? text.Substring(0, AuditRecord.MaxTextLength) : text;
        }
    }
}
