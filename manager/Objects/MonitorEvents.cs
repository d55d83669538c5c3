using System;

namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>A card event of a <see cref="CardMonitor"/>.</summary>
    public delegate void CardEventHandler(object sender, CardEventArgs e);

    /// <summary>A change of the reader list seen by a <see cref="DeviceMonitor"/>.</summary>
    public delegate void ReaderListEventHandler(object sender, ReaderListEventArgs e);

    /// <summary>One reader attached or detached, seen by a <see cref="DeviceMonitor"/>.</summary>
    public delegate void ReaderEventHandler(object sender, ReaderEventArgs e);

    /// <summary>The error that ended a monitor: a <see cref="PcscException"/>, or whatever an event handler threw.</summary>
    public delegate void MonitorErrorEventHandler(object sender, Exception error);

    /// <summary>What a reader looked like before and after a card event.</summary>
    public sealed class CardEventArgs : EventArgs
    {
        internal CardEventArgs(string readerName, int previousState, int state, byte[] atr)
        {
            ReaderName = readerName;
            PreviousState = previousState;
            State = state;
            Atr = atr;
        }

        public string ReaderName { get; private set; }

        /// <summary>SCARD_STATE_* flags before (event counter in bits 16–31); UNAWARE for Initialized.</summary>
        public int PreviousState { get; private set; }

        /// <summary>SCARD_STATE_* flags now (event counter in bits 16–31).</summary>
        public int State { get; private set; }

        /// <summary>The card's ATR; empty without a powered card.</summary>
        public byte[] Atr { get; private set; }

        public bool IsPresent
        {
            get { return (State & ScardConstants.StatePresent) != 0; }
        }
    }

    /// <summary>The readers now, and which ones came and went since the last look.</summary>
    public sealed class ReaderListEventArgs : EventArgs
    {
        internal ReaderListEventArgs(string[] allReaders, string[] attached, string[] detached)
        {
            AllReaders = allReaders;
            Attached = attached;
            Detached = detached;
        }

        public string[] AllReaders { get; private set; }

        public string[] Attached { get; private set; }

        public string[] Detached { get; private set; }
    }

    /// <summary>A reader that was attached or detached.</summary>
    public sealed class ReaderEventArgs : EventArgs
    {
        internal ReaderEventArgs(string readerName)
        {
            ReaderName = readerName;
        }

        public string ReaderName { get; private set; }
    }
}
