using System;
using System.Collections;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.NanoFramework;

namespace EmbeddedSmartCard.Boards.NanoFramework
{
    /// <summary>
    /// <see cref="IBoardHardware"/> on a nanoFramework device, over the hal/NanoFramework adapters: a UART is a
    /// SerialPort ("COMn"), I2C and SPI the System.Device buses, pins GPIOs of one GpioController (the board's
    /// own numbering: GPIOn on ESP32, port*16+n on STM32) and a card CLK a PWM channel. On an ESP32 the bus
    /// signals are first routed to the wiring's GPIOs (<see cref="Esp32Routing"/>); an STM32's are fixed by
    /// its firmware's board configuration. Polarity: the adapters drive physical levels, so an active-low
    /// wiring gets an inverting wrapper. Dispose releases the ports, buses, pins and PWM clocks it opened.
    /// </summary>
    public sealed class NanoHardware : IBoardHardware
    {
        /// <summary>The bus speeds of I2cBusSpeed (I2C-bus specification UM10204 §5: Sm 100 kHz, Fm 400 kHz, Fm+ 1 MHz).</summary>
        private const int FastModeHz = 400000;
        private const int FastModePlusHz = 1000000;

        private readonly IClock clock;
        private readonly Esp32Routing routing;
        private readonly GpioController gpio = new GpioController();
        private readonly ArrayList opened = new ArrayList();

        /// <param name="clock">The device's clock (<see cref="Esp32Clock"/> on an ESP32, <see cref="TickCountClock"/> elsewhere).</param>
        /// <param name="routing">The ESP32's pin-function routing, or null where the firmware fixes the pins (STM32).</param>
        public NanoHardware(IClock clock, Esp32Routing routing)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            this.clock = clock;
            this.routing = routing;
        }

        /// <summary>An ESP32: its esp_timer clock and software pin routing.</summary>
        public static NanoHardware Esp32()
        {
            return new NanoHardware(new Esp32Clock(), new Esp32Routing());
        }

        /// <summary>An STM32 board: the millisecond tick clock; its bus pins are fixed by the firmware.</summary>
        public static NanoHardware Stm32()
        {
            return new NanoHardware(new TickCountClock(), null);
        }

        public string Platform
        {
            get { return BoardProfile.NanoFrameworkPlatform; }
        }

        public IClock Clock
        {
            get { return clock; }
        }

        public IUartLine OpenUart(UartWiring wiring)
        {
            if (routing != null)
            {
                routing.Uart(wiring);
            }

            NanoUartLine line = new NanoUartLine(wiring.Port, wiring.SingleWire, clock);
            opened.Add(line);
            return line;
        }

        public II2cDevice OpenI2c(I2cWiring wiring)
        {
            if (routing != null)
            {
                routing.I2c(wiring);
            }

            NanoI2cDevice device = new NanoI2cDevice(wiring.Bus, wiring.Address, BusSpeed(wiring.ClockHz));
            opened.Add(device);
            return device;
        }

        /// <summary>The controller drives chip select on the GPIO <see cref="SpiWiring.CsPin"/>; mode 0, LSB first (the PN532's order).</summary>
        public ISpiDevice OpenSpi(SpiWiring wiring)
        {
            if (routing != null)
            {
                routing.Spi(wiring);
            }

            SpiConnectionSettings settings = new SpiConnectionSettings(wiring.Bus, wiring.CsPin);
            settings.ClockFrequency = wiring.ClockHz;
            settings.Mode = SpiMode.Mode0;
            settings.DataFlow = DataFlow.LsbFirst;
            NanoSpiDevice device = new NanoSpiDevice(settings);
            opened.Add(device);
            return device;
        }

        public IOutputPin OpenOutput(PinWiring wiring, bool initialActive)
        {
            NanoOutputPin pin = new NanoOutputPin(gpio, wiring.Pin, initialActive != wiring.ActiveLow);
            return wiring.ActiveLow ? (IOutputPin)new ActiveLowOutputPin(pin) : pin;
        }

        /// <summary>An active-low input (a switch closing to ground) gets the internal pull-up where the pin has one.</summary>
        public IInputPin OpenInput(PinWiring wiring, int debounceMicros)
        {
            PinMode mode = wiring.ActiveLow && gpio.IsPinModeSupported(wiring.Pin, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
            NanoInputPin pin = new NanoInputPin(gpio, wiring.Pin, mode, clock);
            pin.DebounceMicros = debounceMicros;
            return wiring.ActiveLow ? (IInputPin)new ActiveLowInputPin(pin) : pin;
        }

        public IClockOutput OpenClockOutput(PinWiring wiring)
        {
            if (routing != null)
            {
                routing.Pwm(wiring.Pin);
            }

            NanoClockOutput output = new NanoClockOutput(wiring.Pin);
            opened.Add(new StoppedOnDispose(output));
            return output;
        }

        public void Dispose()
        {
            for (int i = opened.Count - 1; i >= 0; i--)
            {
                ((IDisposable)opened[i]).Dispose();
            }

            opened.Clear();
            gpio.Dispose();
        }

        private static I2cBusSpeed BusSpeed(int clockHz)
        {
            if (clockHz >= FastModePlusHz)
            {
                return I2cBusSpeed.FastModePlus;
            }

            return clockHz >= FastModeHz ? I2cBusSpeed.FastMode : I2cBusSpeed.StandardMode;
        }
    }
}
