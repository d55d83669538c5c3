using System.Collections;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Reader
{
    /// <summary>
    /// A PN532 behind a frame-level transport, scripted for the reader tests: it acknowledges each
    /// command frame, answers from a small table, logs every command body (code and parameters) and
    /// plays queued InDataExchange answers (status byte first).
    /// </summary>
    public sealed class ScriptedPn532 : IPn532Transport
    {
        /// <summary>InListPassiveTarget target data from Tg on, or null when the field is empty.</summary>
        public string Card;
        public string FirmwareVersion = "32 01 06 07";
        public bool Silent;
        public int SamConfigurationsToIgnore;
        public readonly ArrayList Commands = new ArrayList();
        readonly ArrayList exchangeAnswers = new ArrayList();
        readonly ArrayList pending = new ArrayList();

        public void QueueExchangeAnswer(string hex)
        {
            exchangeAnswers.Add(hex);
        }

        public string Command(int index)
        {
            return (string)Commands[index];
        }

        public SmartcardStatus WakeUp()
        {
            return SmartcardStatus.Success;
        }

        public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
        {
            int bodyOffset;
            int bodyLength;
            int consumed;
            Pn532FrameKind kind = Pn532FrameReader.Decode(frame, offset, count, out bodyOffset, out bodyLength, out consumed);
            if (kind != Pn532FrameKind.Information || Silent)
            {
                pending.Clear();
                return SmartcardStatus.Success;
            }

            byte command = frame[bodyOffset + 1];
            Commands.Add(TestSupport.ToHex(frame, bodyOffset + 1, bodyLength - 1));
            if (command == Pn532Command.SamConfiguration && SamConfigurationsToIgnore > 0)
            {
                SamConfigurationsToIgnore--;
                return SmartcardStatus.Success;
            }

            byte[] ack = new byte[Pn532Frame.AckLength];
            Pn532FrameWriter.WriteAck(ack, 0);
            pending.Add(ack);
            byte[] parameters = TestSupport.Hex(Answer(command));
            byte[] response = new byte[Pn532Frame.MaxFrameLength];
            int length = Pn532FrameWriter.WriteResponse(command, parameters, 0, parameters.Length, response, 0);
            byte[] exact = new byte[length];
            for (int i = 0; i < length; i++)
            {
                exact[i] = response[i];
            }

            pending.Add(exact);
            return SmartcardStatus.Success;
        }

        public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            length = 0;
            if (pending.Count == 0)
            {
                return SmartcardStatus.IoTimeout;
            }

            byte[] frame = (byte[])pending[0];
            pending.RemoveAt(0);
            if (frame.Length > capacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            for (int i = 0; i < frame.Length; i++)
            {
                buffer[offset + i] = frame[i];
            }

            length = frame.Length;
            return SmartcardStatus.Success;
        }

        string Answer(byte command)
        {
            switch (command)
            {
                case Pn532Command.GetFirmwareVersion:
                    return FirmwareVersion;
                case Pn532Command.InListPassiveTarget:
                    return Card == null ? "00" : "01 " + Card;
                case Pn532Command.InRelease:
                case Pn532Command.InDeselect:
                    return "00";
                case Pn532Command.InSelect:
                    return Card == null ? "01" : "00";
                case Pn532Command.InDataExchange:
                    return NextExchangeAnswer();
                default:
                    return "";
            }
        }

        /// <summary>The next queued answer; a card that was not scripted stays silent (status 01, time-out).</summary>
        string NextExchangeAnswer()
        {
            if (exchangeAnswers.Count == 0)
            {
                return "01";
            }

            string next = (string)exchangeAnswers[0];
            exchangeAnswers.RemoveAt(0);
            return next;
        }
    }
}
