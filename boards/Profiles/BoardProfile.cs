using System;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// A named wiring of a board: the platform it runs on, its readers (a contact socket on a UART, a
    /// PN532), and its door outputs by <see cref="OutputRole"/>. <see cref="ProfileCatalog"/> hands out a
    /// fresh copy per call, so <see cref="ProfileSettings"/> may change it in place.
    /// </summary>
    public sealed class BoardProfile
    {
        /// <summary>Platform of a profile for a Linux single-board computer.</summary>
        public const string LinuxPlatform = "linux";

        /// <summary>Platform of a profile for a nanoFramework microcontroller.</summary>
        public const string NanoFrameworkPlatform = "nanoframework";

        /// <summary>The PN532 poll period when a profile names none: the driver's own default.</summary>
        public const int DefaultPollMillis = 500;

        private readonly PinWiring[] outputs = new PinWiring[OutputRole.All.Length];

        /// <summary>The catalogue name, e.g. "rpi-pn532-i2c".</summary>
        public string Name;

        /// <summary>One line saying what the board is.</summary>
        public string Title;

        /// <summary><see cref="LinuxPlatform"/> or <see cref="NanoFrameworkPlatform"/>: where the wiring is meant to run.</summary>
        public string Platform;

        /// <summary>The contact socket, or null.</summary>
        public ContactWiring Contact;

        /// <summary>The PN532, or null.</summary>
        public Pn532Wiring Pn532;

        /// <summary>PN532 presence poll period in ms; 0 runs no poll thread (the board's owner calls Poll).</summary>
        public int PollMillis = DefaultPollMillis;

        /// <summary>Linux only: N of /dev/gpiochipN holding the GPIO lines (0 on a Raspberry Pi).</summary>
        public int GpioChip;

        /// <summary>The wired readers, the contact socket first: the order of the board's reader indexes.</summary>
        public ReaderWiring[] GetReaders()
        {
            ReaderWiring[] readers = new ReaderWiring[(Contact == null ? 0 : 1) + (Pn532 == null ? 0 : 1)];
            if (Contact != null)
            {
                readers[0] = Contact;
            }

            if (Pn532 != null)
            {
                readers[readers.Length - 1] = Pn532;
            }

            return readers;
        }

        /// <summary>The pin of the door output <paramref name="role"/>, or null when not wired.</summary>
        public PinWiring GetOutput(string role)
        {
            int index = OutputRole.IndexOf(role);
            return index < 0 ? null : outputs[index];
        }

        /// <summary>Wires <paramref name="role"/> to <paramref name="pin"/> (null unwires it).</summary>
        public void SetOutput(string role, PinWiring pin)
        {
            int index = OutputRole.IndexOf(role);
            if (index < 0)
            {
                throw new ArgumentException("unknown output role '" + role + "'; roles: " + OutputRole.Names);
            }

            outputs[index] = pin;
        }
    }
}
