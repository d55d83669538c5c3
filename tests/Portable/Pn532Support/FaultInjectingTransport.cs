using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Support
{
    /// <summary>
    /// Sits between the driver and a real transport to the virtual PN532 and injects faults on the host's
    /// side of the wire: a command frame damaged on its way to the chip (the chip ignores it and sends no
    /// ACK), a response that comes only after the host stopped waiting (as from a card slower than the wait), and
    /// the card leaving the field just before a given InDataExchange reaches the chip.
    /// </summary>
    internal sealed class FaultInjectingTransport : IPn532Transport
    {
        private readonly IPn532Transport inner;
        private readonly VirtualPn532 chip;
        private readonly byte[] damaged = new byte[Pn532Frame.MaxFrameLength];
        private bool damageNextCommand;
        private bool lateNextResponse;
        private int exchangesUntilRemoval;

        public FaultInjectingTransport(IPn532Transport inner, VirtualPn532 chip)
        {
            this.inner = inner;
            this.chip = chip;
        }

        /// <summary>Command frames damaged so far.</summary>
        public int DamagedCommands;

        /// <summary>The next command frame reaches the chip with its DCS inverted.</summary>
        public void DamageNextCommand()
        {
            damageNextCommand = true;
        }

        /// <summary>The host's next wait for a response (a read longer than an ACK) ends before it; the chip sends it afterwards.</summary>
        public void DelayNextResponse()
        {
            lateNextResponse = true;
        }

        /// <summary>The card leaves the field just before the <paramref name="count"/>-th InDataExchange from now reaches the chip.</summary>
        public void RemoveCardBeforeExchange(int count)
        {
            exchangesUntilRemoval = count;
        }

        public SmartcardStatus WakeUp()
        {
            return inner.WakeUp();
        }

        public SmartcardStatus WriteFrame(byte[] frame, int offset, int count)
        {
            int bodyOffset;
            int bodyLength;
            int consumed;
            if (Pn532FrameReader.Decode(frame, offset, count, out bodyOffset, out bodyLength, out consumed) != Pn532FrameKind.Information)
            {
                return inner.WriteFrame(frame, offset, count);
            }

            if (frame[bodyOffset + 1] == Pn532Command.InDataExchange && exchangesUntilRemoval > 0 && --exchangesUntilRemoval == 0)
            {
                chip.RemoveCard();
            }

            if (!damageNextCommand)
            {
                return inner.WriteFrame(frame, offset, count);
            }

            damageNextCommand = false;
            DamagedCommands++;
            for (int i = 0; i < count; i++)
            {
                damaged[i] = frame[offset + i];
            }

            // The DCS is the byte before the postamble (reference §3.1).
            damaged[count - 2] ^= 0xFF;
            return inner.WriteFrame(damaged, 0, count);
        }

        public SmartcardStatus ReadFrame(byte[] buffer, int offset, int capacity, long timeoutMicros, out int length)
        {
            if (lateNextResponse && capacity > Pn532Frame.AckLength)
            {
                lateNextResponse = false;
                length = 0;
                return SmartcardStatus.IoTimeout;
            }

            return inner.ReadFrame(buffer, offset, capacity, timeoutMicros, out length);
        }
    }
}
