using System.Collections;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Tests.Hotplug
{
    /// <summary>A hot-plug board whose readers the test makes arrive and leave.</summary>
    internal sealed class FakeHotplugBoard : IHotplugBoard
    {
        private readonly ArrayList drivers = new ArrayList();
        private readonly ArrayList names = new ArrayList();

        public FakeHotplugBoard(IReaderDriver initial, string initialName)
        {
            drivers.Add(initial);
            names.Add(initialName);
        }

        public event BoardReaderHandler ReaderArrived;

        public event BoardReaderHandler ReaderLeft;

        public bool Watching;

        public string Name
        {
            get { return "fake-hotplug"; }
        }

        public int ReaderCount
        {
            get { return drivers.Count; }
        }

        public IReaderDriver GetReader(int index)
        {
            return (IReaderDriver)drivers[index];
        }

        public string GetReaderName(int index)
        {
            return (string)names[index];
        }

        public void StartWatching()
        {
            Watching = true;
        }

        public void Arrive(IReaderDriver driver, string name)
        {
            ReaderArrived(this, driver, name);
        }

        public void Leave(IReaderDriver driver, string name)
        {
            ReaderLeft(this, driver, name);
        }

        public void Dispose()
        {
        }
    }
}
