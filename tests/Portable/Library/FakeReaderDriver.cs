using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Tests.T0;

namespace EmbeddedSmartCard.Tests.Library
{
    /// <summary>
    /// A reader driver for SmartcardDevice tests: character level when given a scripted channel, APDU level
    /// otherwise. Counts every callback, records the most that ever ran at once, and lets a test insert or pull
    /// the card (also from inside a callback).
    /// </summary>
    public sealed class FakeReaderDriver : IReaderDriver
    {
        private readonly ReaderCapabilities _capabilities = new ReaderCapabilities();
        private readonly ScriptedCardChannel _channel;
        private int _active;

        public FakeReaderDriver(ScriptedCardChannel channel)
        {
            _channel = channel;
            Atr = TestSupport.Hex("3B 00");
            ApduResponse = TestSupport.Hex("90 00");
        }

        public event CardPresenceHandler PresenceChanged;

        public bool CardPresent;
        public byte[] Atr;
        /// <summary>What Power reports as ATR length; -1 uses Atr.Length.</summary>
        public int ReportedAtrLength = -1;
        public SmartcardStatus OpenResult = SmartcardStatus.Success;
        public SmartcardStatus PowerResult = SmartcardStatus.Success;
        public SmartcardStatus MechanicalResult = SmartcardStatus.NotSupported;
        public SmartcardStatus TransmitResult = SmartcardStatus.Success;
        public byte[] ApduResponse;
        /// <summary>Pull the card from inside the next Power / Transmit callback (as a card-detect interrupt would).</summary>
        public bool PullDuringNextCall;
        /// <summary>Real-time pause inside each callback, so overlapping callers would be caught.</summary>
        public int HoldMillis;

        public int OpenCount;
        public int CloseCount;
        public int ColdResetCount;
        public int WarmResetCount;
        public int PowerDownCount;
        public int TransmitCount;
        public int CallCount;
        public int MaxConcurrentCalls;
        public int LastMechanical;
        public int LastVendorIoctl;
        public string LastCommand = "";

        public ReaderCapabilities Capabilities
        {
            get { return _capabilities; }
        }

        public ICardChannel Channel
        {
            get { return _channel; }
        }

        public void Insert()
        {
            CardPresent = true;
            Raise(true);
        }

        public void Remove()
        {
            CardPresent = false;
            Raise(false);
        }

        public SmartcardStatus Open()
        {
            Enter();
            OpenCount++;
            return Exit(OpenResult);
        }

        public void Close()
        {
            Enter();
            CloseCount++;
            Exit(SmartcardStatus.Success);
        }

        public bool IsCardPresent()
        {
            Enter();
            Exit(SmartcardStatus.Success);
            return CardPresent;
        }

        public SmartcardStatus Power(PowerAction action, byte[] atrBuffer, int atrOffset, out int atrLength)
        {
            Enter();
            atrLength = 0;
            if (action == PowerAction.PowerDown)
            {
                PowerDownCount++;
                return Exit(SmartcardStatus.Success);
            }

            if (action == PowerAction.ColdReset)
            {
                ColdResetCount++;
            }
            else
            {
                WarmResetCount++;
            }

            PullIfAsked();
            if (PowerResult != SmartcardStatus.Success)
            {
                return Exit(PowerResult);
            }

            int copy = Atr.Length < atrBuffer.Length - atrOffset ? Atr.Length : atrBuffer.Length - atrOffset;
            System.Array.Copy(Atr, 0, atrBuffer, atrOffset, copy);
            atrLength = ReportedAtrLength >= 0 ? ReportedAtrLength : Atr.Length;
            return Exit(SmartcardStatus.Success);
        }

        public SmartcardStatus Transmit(byte[] command, int commandOffset, int commandLength, byte[] response, int responseOffset, int responseCapacity, out int responseLength)
        {
            Enter();
            TransmitCount++;
            LastCommand = TestSupport.ToHex(command, commandOffset, commandLength);
            responseLength = 0;
            if (PullIfAsked())
            {
                return Exit(SmartcardStatus.NoMedia);
            }

            if (TransmitResult != SmartcardStatus.Success)
            {
                return Exit(TransmitResult);
            }

            responseLength = ApduResponse.Length;
            if (responseLength > responseCapacity)
            {
                return Exit(SmartcardStatus.BufferTooSmall);
            }

            System.Array.Copy(ApduResponse, 0, response, responseOffset, responseLength);
            return Exit(SmartcardStatus.Success);
        }

        /// <summary>Answers with the input bytes reversed.</summary>
        public SmartcardStatus VendorControl(int ioctl, byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int outputCapacity, out int returned)
        {
            Enter();
            LastVendorIoctl = ioctl;
            returned = 0;
            if (inputLength > outputCapacity)
            {
                return Exit(SmartcardStatus.BufferTooSmall);
            }

            for (int i = 0; i < inputLength; i++)
            {
                output[outputOffset + i] = input[inputOffset + inputLength - 1 - i];
            }

            returned = inputLength;
            return Exit(SmartcardStatus.Success);
        }

        public SmartcardStatus Mechanical(int ioctl)
        {
            Enter();
            LastMechanical = ioctl;
            return Exit(MechanicalResult);
        }

        private bool PullIfAsked()
        {
            if (!PullDuringNextCall)
            {
                return false;
            }

            PullDuringNextCall = false;
            Remove();
            return true;
        }

        private void Raise(bool present)
        {
            CardPresenceHandler handler = PresenceChanged;
            if (handler != null)
            {
                handler(this, present);
            }
        }

        private void Enter()
        {
            int now = Interlocked.Increment(ref _active);
            Interlocked.Increment(ref CallCount);
            if (now > MaxConcurrentCalls)
            {
                MaxConcurrentCalls = now;
            }

            if (HoldMillis > 0)
            {
                Thread.Sleep(HoldMillis);
            }
        }

        private SmartcardStatus Exit(SmartcardStatus status)
        {
            Interlocked.Decrement(ref _active);
            return status;
        }
    }
}
