using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Sim
{
    /// <summary>A virtual PN532 behind a simulated 400 kHz I2C bus, driven with raw transactions.</summary>
    internal sealed class Pn532I2cRig
    {
        public const int BusHz = 400000;

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualPn532 Chip;
        public readonly SimI2cDevice Device;

        public Pn532I2cRig()
        {
            Chip = new VirtualPn532(Clock);
            Device = new VirtualPn532I2c(Chip).Attach(BusHz);
        }

        /// <summary>A rig whose chip already left LowVbat (SAMConfiguration normal mode done).</summary>
        public static Pn532I2cRig Configured()
        {
            Pn532I2cRig rig = new Pn532I2cRig();
            rig.Exchange(Pn532Command.SamConfiguration, "01");
            return rig;
        }

        /// <summary>A configured rig with <paramref name="card"/> in the field, listed by InListPassiveTarget with <paramref name="listParameters"/>.</summary>
        public static Pn532I2cRig Listed(ContactlessCard card, string listParameters)
        {
            Pn532I2cRig rig = Configured();
            rig.Chip.PlaceCard(card);
            rig.Exchange(Pn532Command.InListPassiveTarget, listParameters);
            return rig;
        }

        public I2cStatus Write(byte[] frame)
        {
            return Device.Write(frame, 0, frame.Length);
        }

        /// <summary>One read transaction of <paramref name="count"/> bytes (status byte included), in hex.</summary>
        public string Read(int count)
        {
            byte[] buffer = new byte[count];
            I2cStatus status = Device.Read(buffer, 0, count);
            return status == I2cStatus.Ok ? TestSupport.ToHex(buffer) : status.ToString();
        }

        /// <summary>Sends the command, reads the ACK once it is ready, then the response: returns the response body in hex.</summary>
        public string Exchange(byte command, string parametersHex)
        {
            Write(Pn532Frames.Command(command, parametersHex));
            if (ReadWhenReady(Pn532Frame.AckLength) != "Ack")
            {
                return "no ACK";
            }

            return ReadWhenReady(Pn532Frame.MaxFrameLength);
        }

        /// <summary>Polls the status byte every 5 ms (the bus-free time) for up to 2 s, then reads a frame of up to <paramref name="capacity"/> bytes.</summary>
        public string ReadWhenReady(int capacity)
        {
            for (int poll = 0; poll < 400; poll++)
            {
                byte[] buffer = new byte[1 + capacity];
                if (Device.Read(buffer, 0, 1) == I2cStatus.Ok && buffer[0] == 0x01)
                {
                    Device.Read(buffer, 0, buffer.Length);
                    return Pn532Frames.Body(buffer, 1, capacity);
                }

                Clock.Advance(5000);
            }

            return "not ready";
        }
    }
}
