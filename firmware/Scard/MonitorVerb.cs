using System;
using System.Globalization;
using System.IO;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// scard monitor [--board &lt;spec&gt;] [--count N] [--timeout s]: a live view of the readers in the manner
    /// of pcsc_scan. It prints every reader's state, then each change as it happens — readers arriving
    /// and leaving (the \\?PnP?\Notification entry), cards inserted and removed, powered, in use — one
    /// line per event, driven by GetStatusChange (no polling). Stops after N events, after the timeout
    /// (exit 0 either way), or on Ctrl+C (SCardCancel).
    /// </summary>
    public static class MonitorVerb
    {
        private const string CountOption = "--count";
        private const string TimeoutOption = "--timeout";
        private const double MaxTimeoutSeconds = 7 * 24 * 3600;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            CommandLineOptions options = new CommandLineOptions(args, new[] { BoardOption.Name, CountOption, TimeoutOption }, new string[0]);
            options.ExpectNoPositional();
            int count = ParseCount(options.Get(CountOption, null));
            double timeout = options.GetSeconds(TimeoutOption, -1, MaxTimeoutSeconds);
            return BoardOption.RunWithManager(options, "monitor", error, delegate(SCardManager manager, int context)
            {
                ConsoleCancelEventHandler stop = delegate(object sender, ConsoleCancelEventArgs e)
                {
                    e.Cancel = true;
                    manager.Cancel(context);
                };
                Console.CancelKeyPress += stop;
                try
                {
                    int timeoutMillis = timeout < 0 ? ScardConstants.Infinite : (int)(timeout * 1000);
                    int result = Watch(manager, context, count, timeoutMillis, output);
                    if (result != ScardError.Success)
                    {
                        error.WriteLine("scard monitor: " + ScardError.GetName(result));
                        return 1;
                    }

                    return 0;
                }
                finally
                {
                    Console.CancelKeyPress -= stop;
                }
            });
        }

        /// <summary>
        /// Prints reader and card events of <paramref name="manager"/> until <paramref name="maxEvents"/> were
        /// printed (0: no limit), <paramref name="timeoutMillis"/> passed (ScardConstants.Infinite: none) or the
        /// context is cancelled. Returns Success for all three, else the failing call's code.
        /// </summary>
        public static int Watch(SCardManager manager, int context, int maxEvents, int timeoutMillis, TextWriter output)
        {
            DateTime deadline = timeoutMillis < 0 ? DateTime.MaxValue : DateTime.UtcNow.AddMilliseconds(timeoutMillis);
            ScardReaderState[] states = new ScardReaderState[] { Entry(ScardConstants.PnpNotification) };
            int events = 0;
            states = Rebuild(manager, context, states, output, ref events);
            while (maxEvents == 0 || events < maxEvents)
            {
                int result = manager.GetStatusChange(context, RemainingMillis(deadline), states);
                if (result == ScardError.Timeout || result == ScardError.Cancelled)
                {
                    return ScardError.Success;
                }

                if (result != ScardError.Success)
                {
                    return result;
                }

                events += PrintChanges(states, output);
                if ((states[0].EventState & ScardConstants.StateChanged) != 0)
                {
                    states = Rebuild(manager, context, states, output, ref events);
                }

                Acknowledge(states);
            }

            return ScardError.Success;
        }

        /// <summary>The PnP entry plus one per reader now listed; readers new to the list and gone from it are printed.</summary>
        private static ScardReaderState[] Rebuild(SCardManager manager, int context, ScardReaderState[] old, TextWriter output, ref int events)
        {
            string[] names;
            if (manager.ListReaders(context, out names) != ScardError.Success)
            {
                names = new string[0];
            }

            ScardReaderState[] states = new ScardReaderState[names.Length + 1];
            states[0] = old[0];
            for (int i = 0; i < names.Length; i++)
            {
                states[i + 1] = Find(old, names[i]);
                if (states[i + 1] == null)
                {
                    states[i + 1] = Entry(names[i]);
                    Print(output, names[i], "reader added");
                    events++;
                }
            }

            for (int i = 1; i < old.Length; i++)
            {
                if (Find(states, old[i].Reader) == null)
                {
                    Print(output, old[i].Reader, "reader removed");
                    events++;
                }
            }

            return states;
        }

        private static int PrintChanges(ScardReaderState[] states, TextWriter output)
        {
            int printed = 0;
            for (int i = 1; i < states.Length; i++)
            {
                ScardReaderState entry = states[i];
                if ((entry.EventState & ScardConstants.StateChanged) != 0 && (entry.EventState & ScardConstants.StateUnknown) == 0)
                {
                    Print(output, entry.Reader, MonitorText.Describe(entry) + " (event " + MonitorText.EventCount(entry).ToString(CultureInfo.InvariantCulture) + ")");
                    printed++;
                }
            }

            return printed;
        }

        /// <summary>The usual loop: what was reported becomes what the caller knows.</summary>
        private static void Acknowledge(ScardReaderState[] states)
        {
            for (int i = 0; i < states.Length; i++)
            {
                states[i].CurrentState = states[i].EventState & ~ScardConstants.StateChanged;
            }
        }

        private static void Print(TextWriter output, string reader, string text)
        {
            output.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + reader + ": " + text);
            output.Flush();
        }

        private static ScardReaderState Find(ScardReaderState[] states, string reader)
        {
            for (int i = 1; i < states.Length; i++)
            {
                if (states[i].Reader == reader)
                {
                    return states[i];
                }
            }

            return null;
        }

        private static ScardReaderState Entry(string reader)
        {
            ScardReaderState entry = new ScardReaderState();
            entry.Reader = reader;
            return entry;
        }

        private static int RemainingMillis(DateTime deadline)
        {
            if (deadline == DateTime.MaxValue)
            {
                return ScardConstants.Infinite;
            }

            double left = (deadline - DateTime.UtcNow).TotalMilliseconds;
            return left <= 0 ? 0 : (int)Math.Ceiling(left);
        }

        private static int ParseCount(string text)
        {
            int count;
            if (text == null)
            {
                return 0;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
            {
                throw new CommandLineException(CountOption + " wants a positive number of events, not '" + text + "'");
            }

            return count;
        }
    }
}
