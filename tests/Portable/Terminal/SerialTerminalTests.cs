#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Firmware.Terminal;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Terminal
{
    /// <summary>The line protocol on a serial line: a kiosk at the far end of a simulated UART sends command lines and reads the reply blocks.</summary>
    [TestClass]
    public class SerialTerminalTests
    {
        private const int BaudRate = 115200;
        private const int PollMicros = 100000;
        private const int MaxPolls = 10;

        [TestMethod]
        public void CommandLinesAreAnsweredOnTheLineUntilQuit()
        {
            using (TerminalRig rig = TerminalRig.Contact(TerminalRig.CardWithDirectory()))
            {
                Kiosk kiosk = new Kiosk();
                SerialTerminal terminal = new SerialTerminal(kiosk.Line, rig.Session);
                Assert.IsTrue(Serve(kiosk, terminal, "readers\r\ninfo\nquit\n"), "quit ends the serving");
                string text = kiosk.Received;
                Assert.IsTrue(text.IndexOf("reader: present " + SimulatorBoard.ReaderName) == 0, text);
                Assert.IsTrue(text.IndexOf("\r\napplication: EF.DIR A00000000101 SIM FILES\r\n") > 0, text);
                Assert.IsTrue(text.EndsWith("OK\r\nOK\r\n"), "info's and quit's OK: " + text);
            }
        }

        [TestMethod]
        public void AnOverlongLineIsRefusedAndTheNextOneServed()
        {
            using (TerminalRig rig = TerminalRig.Contact(null))
            {
                Kiosk kiosk = new Kiosk();
                SerialTerminal terminal = new SerialTerminal(kiosk.Line, rig.Session);
                Assert.IsTrue(Serve(kiosk, terminal, "apdu " + new string('0', SerialTerminal.MaxLineLength) + "\nquit\n"), "quit ends the serving");
                Assert.AreEqual("ERR 80100004 SCARD_E_INVALID_PARAMETER: line longer than 512 characters\r\nOK\r\n", kiosk.Received);
            }
        }

        /// <summary>The kiosk sends <paramref name="text"/>; the terminal polls a bounded number of times. True when quit ended the serving.</summary>
        private static bool Serve(Kiosk kiosk, SerialTerminal terminal, string text)
        {
            kiosk.Send(text);
            for (int i = 0; i < MaxPolls; i++)
            {
                if (!terminal.Poll(PollMicros))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The far end of the line: sends command characters, collects what the terminal writes.</summary>
        private sealed class Kiosk : ISimUartPeer
        {
            public readonly SimUartLine Line = new SimUartLine(new VirtualClock(), false);
            public string Received = "";

            public Kiosk()
            {
                Line.Configure(BaudRate, UartParity.None, UartStopBits.One);
                Line.Peer = this;
            }

            public void Send(string text)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    Line.Transmit((byte)text[i], true, 0, BaudRate);
                }
            }

            public void OnCharacter(SimUartLine line, byte data, bool parityBit, long startMicros, int baudRate)
            {
                Received += (char)data;
            }
        }
    }
}
