#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using System.Collections;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Terminal;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Iso7816;

namespace EmbeddedSmartCard.Tests.Terminal
{
    /// <summary>A terminal session over a simulator board through SCardManager, collecting each reply block.</summary>
    internal sealed class TerminalRig : IDisposable, ISessionOutput
    {
        private readonly ArrayList lines = new ArrayList();

        private TerminalRig(SimulatorBoard board)
        {
            Board = board;
            Manager = new SCardManager(board);
            Session = new TerminalSession(Manager);
        }

        public SimulatorBoard Board { get; private set; }

        public SCardManager Manager { get; private set; }

        public TerminalSession Session { get; private set; }

        /// <summary>One contact slot; <paramref name="profile"/>'s card in it unless null.</summary>
        public static TerminalRig Contact(CardProfile profile)
        {
            SimulatorBoard board = new SimulatorBoard(1);
            if (profile != null)
            {
                board.GetSlot(0).Insert(new SimulatedCard(profile));
            }

            return new TerminalRig(board);
        }

        /// <summary>A board with no reader at all.</summary>
        public static TerminalRig WithoutReaders()
        {
            return new TerminalRig(new SimulatorBoard(0));
        }

        /// <summary>A PN532 alone, with the card of <paramref name="kind"/> (SimulatorPn532Cards) on it from the start.</summary>
        public static TerminalRig Contactless(string kind)
        {
            return Contactless(kind, 0);
        }

        /// <summary>A PN532 after <paramref name="slots"/> empty contact slots.</summary>
        public static TerminalRig Contactless(string kind, int slots)
        {
            SimulatorBoard board = new SimulatorBoard(slots);
            board.AddPn532(new SimulatorPn532(TapScript.CardStaysOn(kind)));
            return new TerminalRig(board);
        }

        /// <summary>A PN532 alone whose field follows <paramref name="script"/> in real time (TapScript grammar).</summary>
        public static TerminalRig Tapped(string script)
        {
            SimulatorBoard board = new SimulatorBoard(0);
            board.AddPn532(new SimulatorPn532(TapScript.Parse(script))).Start();
            return new TerminalRig(board);
        }

        /// <summary>A contact card with EF.DIR (its two applications).</summary>
        public static CardProfile CardWithDirectory()
        {
            CardProfile profile = CardProfile.DualT0T1();
            profile.ApplicationDirectory = true;
            return profile;
        }

        /// <summary>Runs one command line and returns its reply block, checking that it ends with OK or ERR.</summary>
        public string[] Run(string command)
        {
            lines.Clear();
            Session.Execute(command, this);
            Assert.IsTrue(lines.Count > 0, command + " gave no reply");
            string last = (string)lines[lines.Count - 1];
            Assert.IsTrue(last == "OK" || last.IndexOf("ERR ") == 0, command + " ended with '" + last + "'");
            string[] block = new string[lines.Count];
            lines.CopyTo(block);
            return block;
        }

        /// <summary>The values of every "key: value" line with <paramref name="key"/>, joined by " | ".</summary>
        public static string Values(string[] block, string key)
        {
            string found = null;
            for (int i = 0; i < block.Length; i++)
            {
                if (block[i].IndexOf(key + ": ") == 0)
                {
                    string value = block[i].Substring(key.Length + 2);
                    found = found == null ? value : found + " | " + value;
                }
            }

            return found;
        }

        public static string Last(string[] block)
        {
            return block[block.Length - 1];
        }

        public void WriteLine(string line)
        {
            lines.Add(line);
        }

        public void Dispose()
        {
            Session.Dispose();
            Manager.Dispose();
            Board.Dispose();
        }
    }
}
