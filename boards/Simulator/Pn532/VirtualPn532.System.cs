using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Boards.Simulator.Pn532
{
    /// <summary>The chip's own commands: firmware, configuration, registers, diagnosis, power (reference iso7816-pn532.md §3.2, §3.3).</summary>
    public sealed partial class VirtualPn532
    {
        /// <summary>GetFirmwareVersion answer: IC 32 (PN532), Ver 1, Rev 6, Support 7 = ISO 14443A, 14443B, 18092 (reference §3.3).</summary>
        private static readonly byte[] FirmwareVersion = new byte[] { 0x32, 0x01, 0x06, 0x07 };

        private const byte DiagnoseCommunicationLine = 0x00;
        private const byte DiagnoseRom = 0x01;
        private const byte DiagnoseRam = 0x02;
        private const byte SamModeNormal = 0x01;
        private const byte SamModeDualCard = 0x04;
        private const byte RfItemField = 0x01;
        private const byte RfItemTimings = 0x02;
        private const byte RfItemMaxRtyCom = 0x04;
        private const byte RfItemMaxRetries = 0x05;
        private const byte RfItemAnalogFirst = 0x0A;
        private const byte RfItemAnalogLast = 0x0D;
        private const int RegisterAddressLength = 2;
        private const byte SamStatusOk = 0x00;

        /// <summary>MxRtyPassiveActivation FF: InListPassiveTarget retries until a card comes (reference §3.3).</summary>
        public const byte RetryForever = 0xFF;

        private readonly byte[] _answer = new byte[Pn532Frame.MaxBodyLength];
        private readonly VirtualRegisters _registers = new VirtualRegisters();
        private bool _lowVbat;
        private bool _poweredDown;
        private bool _sleepAfterResponse;
        private byte _wakeUpEnable;
        private byte _parametersFlags;
        private byte _samMode;
        private bool _fieldOn;
        private byte _passiveActivationRetries;

        /// <summary>True from power-up until the first SAMConfiguration: the chip answers nothing else (reference §3.2, power modes).</summary>
        public bool InLowVbat
        {
            get { return _lowVbat; }
        }

        /// <summary>True after PowerDown until a wake-up event on an enabled source.</summary>
        public bool PoweredDown
        {
            get { return _poweredDown; }
        }

        /// <summary>The WakeUpEnable bitmask of the last PowerDown (0x80 I2C, 0x20 SPI, 0x10 HSU).</summary>
        public byte WakeUpEnable
        {
            get { return _wakeUpEnable; }
        }

        /// <summary>SetParameters flags (0x10 fAutomaticRATS).</summary>
        public byte ParametersFlags
        {
            get { return _parametersFlags; }
        }

        /// <summary>The SAMConfiguration mode (1 normal).</summary>
        public byte SamMode
        {
            get { return _samMode; }
        }

        public bool FieldOn
        {
            get { return _fieldOn; }
        }

        /// <summary>Power-on state: LowVbat, field off, automatic RATS on, MxRtyPassiveActivation FF, communication time-out 51.2 ms.</summary>
        public void ResetConfiguration()
        {
            lock (_sync)
            {
                _lowVbat = true;
                _poweredDown = false;
                _sleepAfterResponse = false;
                _parametersFlags = AutomaticRats;
                _samMode = SamModeNormal;
                _fieldOn = false;
                _passiveActivationRetries = RetryForever;
                _communicationTimeout = DefaultCommunicationTimeout;
                _registers.Clear();
                ResetSerialBaudRate();
                ReleaseTargets();
            }
        }

        /// <summary>A wake-up event on the transport whose WakeUpEnable bit is <paramref name="source"/>; returns true when the chip is (now) awake.</summary>
        public bool WakeUp(byte source)
        {
            lock (_sync)
            {
                if (_poweredDown && (_wakeUpEnable & source) != 0)
                {
                    _poweredDown = false;
                }

                return !_poweredDown;
            }
        }

        /// <summary>The response has gone to the host: a PowerDown takes effect now.</summary>
        private void ResponseDelivered()
        {
            if (_sleepAfterResponse)
            {
                _sleepAfterResponse = false;
                _poweredDown = true;
            }
        }

        private void Execute(byte command, byte[] parameters, int count)
        {
            switch (command)
            {
                case Pn532Command.GetFirmwareVersion:
                    RespondIfEmpty(count, FirmwareVersion, FirmwareVersion.Length);
                    return;
                case Pn532Command.SamConfiguration:
                    SamConfiguration(parameters, count);
                    return;
                case Pn532Command.SetParameters:
                    SetParameters(parameters, count);
                    return;
                case Pn532Command.RfConfiguration:
                    RfConfiguration(parameters, count);
                    return;
                case Pn532Command.GetGeneralStatus:
                    RespondIfEmpty(count, _answer, GeneralStatus());
                    return;
                case Pn532Command.ReadRegister:
                    ReadRegister(parameters, count);
                    return;
                case Pn532Command.WriteRegister:
                    WriteRegister(parameters, count);
                    return;
                case Pn532Command.Diagnose:
                    Diagnose(parameters, count);
                    return;
                case Pn532Command.PowerDown:
                    PowerDown(parameters, count);
                    return;
                case Pn532Command.SetSerialBaudRate:
                    SetSerialBaudRate(parameters, count);
                    return;
                default:
                    ExecuteInitiator(command, parameters, count);
                    return;
            }
        }

        private void RespondIfEmpty(int count, byte[] data, int dataCount)
        {
            if (count != 0)
            {
                RespondSyntaxError();
                return;
            }

            Respond(data, dataCount, CommandMicros);
        }

        /// <summary>Mode (1 normal .. 4 dual card), optional Timeout and IRQ (reference §3.3); any valid mode leaves LowVbat.</summary>
        private void SamConfiguration(byte[] parameters, int count)
        {
            if (count < 1 || count > 3 || parameters[0] < SamModeNormal || parameters[0] > SamModeDualCard)
            {
                RespondSyntaxError();
                return;
            }

            _samMode = parameters[0];
            _lowVbat = false;
            Respond(_answer, 0, CommandMicros);
        }

        private void SetParameters(byte[] parameters, int count)
        {
            if (count != 1)
            {
                RespondSyntaxError();
                return;
            }

            _parametersFlags = parameters[0];
            Respond(_answer, 0, CommandMicros);
        }

        /// <summary>CfgItem and its data (reference §3.3, RFConfiguration); switching the field off drops every target.</summary>
        private void RfConfiguration(byte[] parameters, int count)
        {
            if (count < 1 || !RfItemLengthValid(parameters[0], count - 1))
            {
                RespondSyntaxError();
                return;
            }

            if (parameters[0] == RfItemField)
            {
                _fieldOn = (parameters[1] & 0x01) != 0;
                if (!_fieldOn)
                {
                    ReleaseTargets();
                }
            }
            else if (parameters[0] == RfItemTimings)
            {
                _communicationTimeout = parameters[3];
            }
            else if (parameters[0] == RfItemMaxRetries)
            {
                _passiveActivationRetries = parameters[3];
            }

            Respond(_answer, 0, CommandMicros);
        }

        private static bool RfItemLengthValid(byte item, int dataLength)
        {
            switch (item)
            {
                case RfItemField:
                case RfItemMaxRtyCom:
                    return dataLength == 1;
                case RfItemTimings:
                case RfItemMaxRetries:
                    return dataLength == 3;
                default:
                    return item >= RfItemAnalogFirst && item <= RfItemAnalogLast && dataLength > 0;
            }
        }

        /// <summary>Err, Field, NbTg, per target Tg BrRx BrTx Type (106 kbps type A: 00 00 00), SAM status.</summary>
        private int GeneralStatus()
        {
            int i = 0;
            _answer[i++] = 0x00;
            _answer[i++] = 0x00;
            bool listed = _target != null;
            _answer[i++] = (byte)(listed ? 1 : 0);
            if (listed)
            {
                _answer[i++] = TargetNumber;
                _answer[i++] = 0x00;
                _answer[i++] = 0x00;
                _answer[i++] = 0x00;
            }

            _answer[i++] = SamStatusOk;
            return i;
        }

        /// <summary>ADR_H ADR_L pairs; the answer is one value per address (unwritten registers read 00).</summary>
        private void ReadRegister(byte[] parameters, int count)
        {
            if (count == 0 || count % RegisterAddressLength != 0)
            {
                RespondSyntaxError();
                return;
            }

            int values = count / RegisterAddressLength;
            for (int i = 0; i < values; i++)
            {
                _answer[i] = _registers.Read(RegisterAddress(parameters, i * RegisterAddressLength));
            }

            Respond(_answer, values, CommandMicros);
        }

        /// <summary>ADR_H ADR_L VAL triples.</summary>
        private void WriteRegister(byte[] parameters, int count)
        {
            int entry = RegisterAddressLength + 1;
            if (count == 0 || count % entry != 0)
            {
                RespondSyntaxError();
                return;
            }

            for (int i = 0; i < count; i += entry)
            {
                if (!_registers.Write(RegisterAddress(parameters, i), parameters[i + RegisterAddressLength]))
                {
                    RespondSyntaxError();
                    return;
                }
            }

            Respond(_answer, 0, CommandMicros);
        }

        private static int RegisterAddress(byte[] parameters, int offset)
        {
            return (parameters[offset] << 8) | parameters[offset + 1];
        }

        /// <summary>
        /// NumTst 00 echoes NumTst and its data (libnfc checks the link this way); ROM and RAM tests pass (00);
        /// 06 probes the ISO 14443-4 target's presence.
        /// </summary>
        private void Diagnose(byte[] parameters, int count)
        {
            if (count >= 1 && parameters[0] == DiagnoseCommunicationLine)
            {
                Respond(parameters, count, CommandMicros);
                return;
            }

            if (count == 1 && (parameters[0] == DiagnoseRom || parameters[0] == DiagnoseRam))
            {
                _answer[0] = StatusOk;
                Respond(_answer, 1, CommandMicros);
                return;
            }

            if (count == 1 && parameters[0] == DiagnosePresenceDetection)
            {
                DetectPresence();
                return;
            }

            RespondSyntaxError();
        }

        /// <summary>WakeUpEnable [GenerateIRQ]: answers the status and sleeps once the host has read it, until an enabled source wakes it.</summary>
        private void PowerDown(byte[] parameters, int count)
        {
            if (count < 1 || count > 2)
            {
                RespondSyntaxError();
                return;
            }

            _wakeUpEnable = parameters[0];
            _sleepAfterResponse = true;
            _answer[0] = StatusOk;
            Respond(_answer, 1, CommandMicros);
        }
    }
}
