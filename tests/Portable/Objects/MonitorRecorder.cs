using System;
using System.Collections;
using System.Threading;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>
    /// Records a monitor's events as lines ("inserted <reader> <ATR>", "attached <reader>" …) and lets a
    /// test wait, bounded, for a line to appear.
    /// </summary>
    internal sealed class MonitorRecorder
    {
        /// <summary>Bound on one wait: only reached when something is broken.</summary>
        public const int Patience = 10000;

        private readonly ArrayList lines = new ArrayList();
        private readonly AutoResetEvent added = new AutoResetEvent(false);

        public void Watch(CardMonitor monitor)
        {
            monitor.Initialized += delegate(object sender, CardEventArgs e) { AddCard("initialized", e); };
            monitor.StatusChanged += delegate(object sender, CardEventArgs e) { AddCard("changed", e); };
            monitor.CardInserted += delegate(object sender, CardEventArgs e) { AddCard("inserted", e); };
            monitor.CardRemoved += delegate(object sender, CardEventArgs e) { AddCard("removed", e); };
            monitor.MonitorException += delegate(object sender, Exception error) { Add("error " + error.Message); };
        }

        public void Watch(DeviceMonitor monitor)
        {
            monitor.Initialized += delegate(object sender, ReaderListEventArgs e) { Add("initialized " + e.AllReaders.Length.ToString()); };
            monitor.ReadersChanged += delegate(object sender, ReaderListEventArgs e)
            {
                Add("changed +" + e.Attached.Length.ToString() + " -" + e.Detached.Length.ToString() + " = " + e.AllReaders.Length.ToString());
            };
            monitor.ReaderAttached += delegate(object sender, ReaderEventArgs e) { Add("attached " + e.ReaderName); };
            monitor.ReaderDetached += delegate(object sender, ReaderEventArgs e) { Add("detached " + e.ReaderName); };
            monitor.MonitorException += delegate(object sender, Exception error) { Add("error " + error.Message); };
        }

        public void Add(string line)
        {
            lock (lines)
            {
                lines.Add(line);
            }

            added.Set();
        }

        /// <summary>Waits until a line starting with <paramref name="prefix"/> is recorded; whether it was.</summary>
        public bool WaitFor(string prefix)
        {
            for (int round = 0; round < 100; round++)
            {
                if (IndexOf(prefix) >= 0)
                {
                    return true;
                }

                added.WaitOne(Patience / 100, false);
            }

            return IndexOf(prefix) >= 0;
        }

        /// <summary>Waits a short while for the next line (state that no event announces, like a monitor's reader list).</summary>
        public void Pause()
        {
            added.WaitOne(Patience / 100, false);
        }

        public int IndexOf(string prefix)
        {
            lock (lines)
            {
                for (int i = 0; i < lines.Count; i++)
                {
                    if (((string)lines[i]).IndexOf(prefix) == 0)
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        public int Count
        {
            get
            {
                lock (lines)
                {
                    return lines.Count;
                }
            }
        }

        /// <summary>Every line, for assertion messages.</summary>
        public string All()
        {
            lock (lines)
            {
                string all = "";
                for (int i = 0; i < lines.Count; i++)
                {
                    all += (string)lines[i] + "; ";
                }

                return all;
            }
        }

        private void AddCard(string kind, CardEventArgs e)
        {
            Add(kind + " " + e.ReaderName + " " + TestSupport.ToHex(e.Atr));
        }
    }
}
