using System;
using System.Collections;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>
    /// <see cref="IBoardHardware"/> over the simulator: a breadboard on one <see cref="VirtualClock"/>. Devices are
    /// put on it first, each where a wiring says (<see cref="AddContactSocket"/>, <see cref="AddPn532"/>, or
    /// <see cref="For"/> for everything a profile wires); a <see cref="ProfileBoard"/> built on it then opens them
    /// through the same wiring. A part nothing was put on opens as a bare simulated part: a UART with no far
    /// end, an I2C address that is not acknowledged, a pin nobody reads. Opening a port, bus address or GPIO
    /// twice throws, as two signals on one pin would be a wiring error.
    /// Pins are simulated at their logical level: what the wiring's active level means on the far side of any
    /// inverter, so <see cref="PinWiring.ActiveLow"/> changes nothing here.
    /// Build boards with poll=0 on it: a poll thread pausing on virtual time would push the clock past the
    /// time-outs of exchanges running on other threads; the test polls the reader itself.
    /// </summary>
    public sealed class SimulatorHardware : IBoardHardware
    {
        /// <summary>The <see cref="Platform"/> name.</summary>
        public const string PlatformName = "simulator";

        private const string UartPrefix = "uart ";
        private const string I2cPrefix = "i2c ";
        private const string SpiPrefix = "spi ";
        private const string GpioPrefix = "gpio ";

        /// <summary>The simulated SPI controller shifts LSB first itself, as the PN532 wants (reference §3.2 "SPI").</summary>
        private const bool ControllerLsbFirst = true;

        private readonly object partsLock = new object();
        private readonly ArrayList partNames = new ArrayList();
        private readonly ArrayList parts = new ArrayList();
        private readonly ArrayList openedNames = new ArrayList();

        public SimulatorHardware()
        {
            VirtualClock = new VirtualClock();
        }

        public string Platform
        {
            get { return PlatformName; }
        }

        public IClock Clock
        {
            get { return VirtualClock; }
        }

        /// <summary>The one clock of every part on this hardware.</summary>
        public VirtualClock VirtualClock { get; private set; }

        /// <summary>The contact socket <see cref="For"/> put on the profile's contact wiring, or null.</summary>
        public SimulatorContactSocket Socket { get; private set; }

        /// <summary>The PN532 <see cref="For"/> put on the profile's PN532 wiring, or null.</summary>
        public VirtualPn532 Pn532 { get; private set; }

        /// <summary>Hardware with a contact socket and a PN532 wherever <paramref name="profile"/> wires one.</summary>
        public static SimulatorHardware For(BoardProfile profile)
        {
            SimulatorHardware hardware = new SimulatorHardware();
            if (profile.Contact != null)
            {
                hardware.Socket = hardware.AddContactSocket(profile.Contact);
            }

            if (profile.Pn532 != null)
            {
                hardware.Pn532 = hardware.AddPn532(profile.Pn532);
            }

            return hardware;
        }

        /// <summary>A card socket on the UART and GPIOs of <paramref name="wiring"/>.</summary>
        public SimulatorContactSocket AddContactSocket(ContactWiring wiring)
        {
            SimulatorContactSocket socket = new SimulatorContactSocket(VirtualClock, wiring);
            Put(UartName(wiring.Uart), socket.Line);
            PutPin(wiring.Reset, socket.Reset);
            PutPin(wiring.Vcc, socket.Vcc);
            PutPin(wiring.CardDetect, socket.CardDetect);
            PutPin(wiring.Clock, socket.ClockOutput);
            return socket;
        }

        /// <summary>
        /// A PN532 on the host interface <paramref name="wiring"/> selects, RSTPDN and P70_IRQ on its GPIOs. On I2C it
        /// answers at its fixed address 0x24 (reference §3.2 "I2C"), whatever the wiring says.
        /// </summary>
        public VirtualPn532 AddPn532(Pn532Wiring wiring)
        {
            VirtualPn532 chip = new VirtualPn532(VirtualClock);
            switch (wiring.Interface)
            {
                case Pn532Interface.I2c:
                    Put(I2cName(wiring.I2c.Bus, VirtualPn532I2c.Address), new VirtualPn532I2c(chip).Attach(wiring.I2c.ClockHz));
                    break;
                case Pn532Interface.Spi:
                    Put(SpiName(wiring.Spi), new VirtualPn532Spi(chip).Attach(ControllerLsbFirst, wiring.Spi.ClockHz));
                    break;
                default:
                    SimUartLine line = new SimUartLine(VirtualClock, false);
                    new VirtualPn532Hsu(chip, line);
                    Put(UartName(wiring.Uart), line);
                    break;
            }

            PutPin(wiring.Reset, chip.ResetPin);
            if (wiring.Irq != null)
            {
                chip.Irq = new SimInputPin(VirtualClock, true);
                PutPin(wiring.Irq, chip.Irq);
            }

            return chip;
        }

        /// <summary>The part opened on GPIO <paramref name="pin"/> (a SimOutputPin, SimInputPin or SimClockOutput), or null.</summary>
        public object GetOpenedPin(int pin)
        {
            string name = GpioPrefix + pin.ToString();
            lock (partsLock)
            {
                return openedNames.Contains(name) ? Find(name) : null;
            }
        }

        public IUartLine OpenUart(UartWiring wiring)
        {
            string name = UartName(wiring);
            return (SimUartLine)Open(name) ?? (SimUartLine)AddBare(name, new SimUartLine(VirtualClock, wiring.SingleWire));
        }

        public II2cDevice OpenI2c(I2cWiring wiring)
        {
            string name = I2cName(wiring.Bus, wiring.Address);
            return (SimI2cDevice)Open(name) ?? (SimI2cDevice)AddBare(name, new SimI2cDevice(VirtualClock, wiring.Address, wiring.ClockHz));
        }

        public ISpiDevice OpenSpi(SpiWiring wiring)
        {
            string name = SpiName(wiring);
            return (SimSpiDevice)Open(name) ?? (SimSpiDevice)AddBare(name, new SimSpiDevice(VirtualClock, ControllerLsbFirst, wiring.ClockHz));
        }

        /// <summary>A pin put on the wiring (a PN532's RSTPDN, a socket's RST) is driven to <paramref name="initialActive"/> as it opens.</summary>
        public IOutputPin OpenOutput(PinWiring wiring, bool initialActive)
        {
            SimOutputPin pin = (SimOutputPin)OpenPin(wiring, typeof(SimOutputPin)) ?? (SimOutputPin)AddBare(PinName(wiring), new SimOutputPin(VirtualClock, initialActive));
            pin.Write(initialActive);
            return pin;
        }

        /// <summary>A bare input stays inactive.</summary>
        public IInputPin OpenInput(PinWiring wiring, int debounceMicros)
        {
            SimInputPin pin = (SimInputPin)OpenPin(wiring, typeof(SimInputPin)) ?? (SimInputPin)AddBare(PinName(wiring), new SimInputPin(VirtualClock, false));
            pin.DebounceMicros = debounceMicros;
            return pin;
        }

        public IClockOutput OpenClockOutput(PinWiring wiring)
        {
            return (SimClockOutput)OpenPin(wiring, typeof(SimClockOutput)) ?? (SimClockOutput)AddBare(PinName(wiring), new SimClockOutput());
        }

        /// <summary>Closes every UART that was opened (pins and buses hold nothing).</summary>
        public void Dispose()
        {
            lock (partsLock)
            {
                for (int i = 0; i < openedNames.Count; i++)
                {
                    IDisposable disposable = Find((string)openedNames[i]) as IDisposable;
                    if (disposable != null)
                    {
                        disposable.Dispose();
                    }
                }

                openedNames.Clear();
            }
        }

        /// <summary>The part put on GPIO <paramref name="wiring"/>, checked to be a <paramref name="kind"/>; null when none was.</summary>
        private object OpenPin(PinWiring wiring, Type kind)
        {
            object part = Open(PinName(wiring));
            if (part != null && part.GetType() != kind)
            {
                throw new InvalidOperationException(PinName(wiring) + " is a " + part.GetType().Name + " of the wiring, it cannot be opened as a " + kind.Name);
            }

            return part;
        }

        /// <summary>Marks <paramref name="name"/> opened and returns what was put there (null when nothing was).</summary>
        private object Open(string name)
        {
            lock (partsLock)
            {
                if (openedNames.Contains(name))
                {
                    throw new InvalidOperationException(name + " is already open: two signals of the wiring share it");
                }

                openedNames.Add(name);
                return Find(name);
            }
        }

        /// <summary>Records the bare part an Open call made because nothing was put on <paramref name="name"/>.</summary>
        private object AddBare(string name, object part)
        {
            lock (partsLock)
            {
                partNames.Add(name);
                parts.Add(part);
            }

            return part;
        }

        private void Put(string name, object part)
        {
            lock (partsLock)
            {
                if (partNames.Contains(name))
                {
                    throw new InvalidOperationException(name + " already has a part on it");
                }

                partNames.Add(name);
                parts.Add(part);
            }
        }

        private void PutPin(PinWiring wiring, object part)
        {
            if (wiring != null)
            {
                Put(PinName(wiring), part);
            }
        }

        private object Find(string name)
        {
            int index = partNames.IndexOf(name);
            return index < 0 ? null : parts[index];
        }

        private static string UartName(UartWiring wiring)
        {
            return UartPrefix + wiring.Port;
        }

        private static string I2cName(int bus, int address)
        {
            return I2cPrefix + bus.ToString() + " address 0x" + address.ToString("X2");
        }

        private static string SpiName(SpiWiring wiring)
        {
            return SpiPrefix + wiring.Bus.ToString() + "." + wiring.ChipSelect.ToString();
        }

        private static string PinName(PinWiring wiring)
        {
            return GpioPrefix + wiring.Pin.ToString();
        }
    }
}
