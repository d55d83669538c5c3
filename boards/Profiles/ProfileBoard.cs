using System;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Hal;

namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>
    /// The board a <see cref="BoardProfile"/> describes, built over one platform's <see cref="IBoardHardware"/>:
    /// the contact reader first (when wired), then the PN532, and the door outputs by role. The board owns the
    /// hardware: Dispose closes the readers, then disposes the hardware, which releases every part it opened.
    /// </summary>
    public sealed class ProfileBoard : IBoard
    {
        private readonly IBoardHardware hardware;
        private readonly IReaderDriver[] readers;
        private readonly string[] readerNames;
        private readonly IOutputPin[] outputs;

        private ProfileBoard(BoardProfile profile, IBoardHardware hardware, IReaderDriver[] readers, string[] readerNames, IOutputPin[] outputs)
        {
            Profile = profile;
            this.hardware = hardware;
            this.readers = readers;
            this.readerNames = readerNames;
            this.outputs = outputs;
        }

        public BoardProfile Profile { get; private set; }

        public string Name
        {
            get { return Profile.Name; }
        }

        public int ReaderCount
        {
            get { return readers.Length; }
        }

        /// <summary>
        /// Opens every reader and output <paramref name="profile"/> wires. When any part fails to open the
        /// hardware is disposed (releasing what was opened) and the exception goes to the caller.
        /// </summary>
        public static ProfileBoard Build(BoardProfile profile, IBoardHardware hardware)
        {
            try
            {
                ReaderWiring[] wirings = profile.GetReaders();
                IReaderDriver[] readers = new IReaderDriver[wirings.Length];
                string[] names = new string[wirings.Length];
                for (int i = 0; i < wirings.Length; i++)
                {
                    readers[i] = OpenReader(profile, wirings[i], hardware, out names[i]);
                }

                return new ProfileBoard(profile, hardware, readers, names, OpenOutputs(profile, hardware));
            }
            catch
            {
                hardware.Dispose();
                throw;
            }
        }

        public IReaderDriver GetReader(int index)
        {
            CheckIndex(index);
            return readers[index];
        }

        public string GetReaderName(int index)
        {
            CheckIndex(index);
            return readerNames[index];
        }

        /// <summary>The door output <paramref name="role"/> (an <see cref="OutputRole"/>), or null when the profile wires none.</summary>
        public IOutputPin GetOutput(string role)
        {
            int index = OutputRole.IndexOf(role);
            return index < 0 ? null : outputs[index];
        }

        public void Dispose()
        {
            for (int i = 0; i < readers.Length; i++)
            {
                readers[i].Close();
            }

            hardware.Dispose();
        }

        private static IReaderDriver OpenReader(BoardProfile profile, ReaderWiring wiring, IBoardHardware hardware, out string name)
        {
            ContactWiring contact = wiring as ContactWiring;
            if (contact != null)
            {
                name = ContactReaderBuilder.ReaderName(contact);
                return ContactReaderBuilder.Build(contact, hardware);
            }

            Pn532Wiring pn532 = (Pn532Wiring)wiring;
            name = Pn532ReaderBuilder.ReaderName(pn532);
            return Pn532ReaderBuilder.Build(pn532, profile.PollMillis, hardware);
        }

        /// <summary>Every door output starts inactive: strike locked, LEDs and buzzer off.</summary>
        private static IOutputPin[] OpenOutputs(BoardProfile profile, IBoardHardware hardware)
        {
            IOutputPin[] outputs = new IOutputPin[OutputRole.All.Length];
            for (int i = 0; i < outputs.Length; i++)
            {
                PinWiring pin = profile.GetOutput(OutputRole.All[i]);
                outputs[i] = pin == null ? null : hardware.OpenOutput(pin, false);
            }

            return outputs;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= readers.Length)
            {
                throw new ArgumentOutOfRangeException("index", "board " + Profile.Name + " has " + readers.Length.ToString() + " reader(s), got index " + index.ToString());
            }
        }
    }
}
