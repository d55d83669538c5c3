using System;
using System.Collections;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Iso7816
{
    /// <summary>
    /// An APDU-level reader (no character channel, like a contactless front end) holding a T=1 card that
    /// answers with the responses queued by the test, in order, and records every command it gets. It
    /// lets a test see what the layer above T=1 sends on 61xx, which the simulated card never answers
    /// under T=1.
    /// </summary>
    internal sealed class ScriptedApduDriver : IReaderDriver
    {
        // TS, T0 (TD1 follows, no historical bytes), TD1 = T=1, TCK (ISO 7816-3 §8.2).
        private static readonly byte[] T1Atr = { 0x3B, 0x80, 0x01, 0x81 };

        private readonly ReaderCapabilities capabilities = new ReaderCapabilities();
        private readonly ArrayList answers = new ArrayList();
        private readonly ArrayList commands = new ArrayList();

        public event CardPresenceHandler PresenceChanged;

        public ReaderCapabilities Capabilities
        {
            get { return capabilities; }
        }

        public ICardChannel Channel
        {
            get { return null; }
        }

        /// <summary>The commands received so far, each in hex.</summary>
        public ArrayList Commands
        {
            get { return commands; }
        }

        /// <summary>Queues the next answer (hex, data and SW1 SW2).</summary>
        public void Answer(string response)
        {
            answers.Add(TestSupport.Hex(response));
        }

        public SmartcardStatus Open()
        {
            return SmartcardStatus.Success;
        }

        public void Close()
        {
        }

        public bool IsCardPresent()
        {
            return true;
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            atrLength = 0;
            if (action == PowerAction.PowerDown)
            {
                return SmartcardStatus.Success;
            }

            Array.Copy(T1Atr, 0, atrBuffer, atrOffset, T1Atr.Length);
            atrLength = T1Atr.Length;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            responseLength = 0;
            commands.Add(TestSupport.ToHex(command, commandOffset, commandLength));
            if (answers.Count == 0)
            {
                return SmartcardStatus.IoTimeout;
            }

            byte[] answer = (byte[])answers[0];
            answers.RemoveAt(0);
            if (answer.Length > responseCapacity)
            {
                return SmartcardStatus.BufferTooSmall;
            }

            Array.Copy(answer, 0, response, responseOffset, answer.Length);
            responseLength = answer.Length;
            return SmartcardStatus.Success;
        }

        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            returned = 0;
            return SmartcardStatus.NotSupported;
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            return SmartcardStatus.NotSupported;
        }

        /// <summary>Keeps the compiler quiet about the unused event: the card never leaves.</summary>
        public void RaisePresence(bool present)
        {
            CardPresenceHandler handler = PresenceChanged;
            if (handler != null)
            {
                handler(this, present);
            }
        }
    }
}
