using System;
using System.IO;
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Linux;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// <see cref="LinuxUartLine"/> on a real pseudo-terminal pair (socat): termios2 configuration,
    /// bytes both ways, bounded reads, flushing and draining. Parity does not cross a pty, so parity
    /// settings are checked for acceptance, not for their effect on the wire.
    /// </summary>
    [TestClass]
    public sealed class LinuxUartTests
    {
        /// <summary>Generous bound for bytes to cross socat on a loaded machine; a passing test never waits it out.</summary>
        private const int ArrivalTimeoutMicros = 5000000;

        private const int ShortTimeoutMicros = 20000;

        [TestMethod]
        public void ConfiguresStandardAndNonStandardRatesWithEveryFrame()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine line = new LinuxUartLine(pair.A))
            {
                // 10752 = 4 MHz / 372 and 223200 = 3.5712 MHz · 64 / 1024 have no Bnnn code: they need BOTHER.
                int[] rates = { 9600, 115200, 10752, 223200 };
                UartParity[] parities = { UartParity.Even, UartParity.Odd, UartParity.None };
                UartStopBits[] stopBits = { UartStopBits.Two, UartStopBits.One };
                foreach (int rate in rates)
                {
                    foreach (UartParity parity in parities)
                    {
                        foreach (UartStopBits stop in stopBits)
                        {
                            line.Configure(rate, parity, stop);
                            string what = rate + " bd " + parity + " " + stop;
                            Assert.AreEqual(0, line.LastErrno, what);
                            Assert.AreEqual(rate, line.BaudRate, what);
                            Assert.IsFalse(line.UsesStandardRateFallback, what);
                            Assert.AreEqual(parity, line.Parity, what);
                            Assert.AreEqual(stop, line.StopBits, what);
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void OpensAt9600EvenParityTwoStopBits()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine line = new LinuxUartLine(pair.A))
            {
                Assert.AreEqual(9600, line.BaudRate);
                Assert.AreEqual(UartParity.Even, line.Parity);
                Assert.AreEqual(UartStopBits.Two, line.StopBits);
                Assert.IsFalse(line.EchoesWrites);
            }
        }

        [TestMethod]
        public void BytesCrossBothWaysIncludingFfAndZero()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine a = new LinuxUartLine(pair.A))
            using (LinuxUartLine b = new LinuxUartLine(pair.B))
            {
                a.Configure(10752, UartParity.Even, UartStopBits.Two);
                b.Configure(10752, UartParity.Even, UartStopBits.Two);
                // FF is doubled by the tty layer under PARMRK and must come out single; FF 00 must not look like a mark.
                byte[] toB = { 0x3B, 0xFF, 0xFF, 0x00, 0x90, 0xFF, 0x00, 0x41 };
                byte[] toA = { 0x00, 0xA4, 0x04, 0x00, 0xFF };
                a.Write(toB, 0, toB.Length);
                b.Write(toA, 0, toA.Length);
                Assert.AreEqual(Hex(toB), Hex(ReadExactly(b, toB.Length)));
                Assert.AreEqual(Hex(toA), Hex(ReadExactly(a, toA.Length)));
                Assert.AreEqual(0, a.ReceiveErrorCount, "a pty carries no parity, so no error is ever marked");
                Assert.AreEqual(0, b.ReceiveErrorCount);
            }
        }

        [TestMethod]
        public void ReadReturnsZeroWhenNothingArrivesWithinTheTimeout()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine line = new LinuxUartLine(pair.A))
            {
                byte[] buffer = new byte[4];
                Assert.AreEqual(0, line.Read(buffer, 0, buffer.Length, ShortTimeoutMicros));
                Assert.AreEqual(0, line.Read(buffer, 0, buffer.Length, 0), "a zero timeout only looks");
            }
        }

        [TestMethod]
        public void ReadReturnsWhatIsThereWithoutWaitingForTheFullCount()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine a = new LinuxUartLine(pair.A))
            using (LinuxUartLine b = new LinuxUartLine(pair.B))
            {
                a.Write(new byte[] { 0x60 }, 0, 1);
                byte[] buffer = new byte[16];
                Assert.AreEqual(1, b.Read(buffer, 0, buffer.Length, ArrivalTimeoutMicros));
                Assert.AreEqual(0x60, (int)buffer[0]);
            }
        }

        [TestMethod]
        public void DiscardInputDropsWhatWasNotRead()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine a = new LinuxUartLine(pair.A))
            using (LinuxUartLine b = new LinuxUartLine(pair.B))
            {
                a.Write(new byte[] { 1, 2, 3, 4 }, 0, 4);
                byte[] first = new byte[1];
                // One write crosses socat as one chunk: once its first byte is here, all of it is.
                Assert.AreEqual(1, b.Read(first, 0, 1, ArrivalTimeoutMicros));
                b.DiscardInput();
                a.Write(new byte[] { 9 }, 0, 1);
                Assert.AreEqual("09", Hex(ReadExactly(b, 1)));
            }
        }

        [TestMethod]
        public void DrainReturnsOnceWrittenBytesHaveLeft()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine a = new LinuxUartLine(pair.A))
            using (LinuxUartLine b = new LinuxUartLine(pair.B))
            {
                byte[] block = new byte[64];
                for (int i = 0; i < block.Length; i++)
                {
                    block[i] = (byte)i;
                }
                a.Write(block, 0, block.Length);
                a.Drain();
                Assert.AreEqual(0, a.LastErrno);
                Assert.AreEqual(Hex(block), Hex(ReadExactly(b, block.Length)));
            }
        }

        [TestMethod]
        public void AVanishedPeerReadsAsSilenceAndLeavesItsErrno()
        {
            PtyPair pair = StartPair();
            using (LinuxUartLine line = new LinuxUartLine(pair.A))
            {
                pair.Dispose();
                byte[] buffer = new byte[4];
                Assert.AreEqual(0, line.Read(buffer, 0, buffer.Length, ShortTimeoutMicros));
                Assert.AreNotEqual(0, line.LastErrno, "the hang-up is recorded");
                line.Write(buffer, 0, buffer.Length);
            }
        }

        [TestMethod]
        public void EchoOptionIsReported()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine line = new LinuxUartLine(pair.A, true))
            {
                Assert.IsTrue(line.EchoesWrites);
            }
        }

        [TestMethod]
        public void OpeningAMissingDeviceNamesItAndTheErrno()
        {
            string missing = "/dev/ttyDoesNotExist" + Guid.NewGuid().ToString("N").Substring(0, 6);
            IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxUartLine(missing));
            StringAssert.Contains(e.Message, missing);
            StringAssert.Contains(e.Message, "errno 2");
        }

        [TestMethod]
        public void OpeningAFileThatIsNotATtyFailsClearly()
        {
            string file = Path.GetTempFileName();
            try
            {
                IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxUartLine(file));
                StringAssert.Contains(e.Message, file);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [TestMethod]
        public void RtsResetPinIsRefusedOnAPseudoTerminal()
        {
            using (PtyPair pair = StartPair())
            using (LinuxUartLine line = new LinuxUartLine(pair.A))
            {
                IOException e = Assert.ThrowsExactly<IOException>(() => new LinuxModemLinePin(line, false, false));
                StringAssert.Contains(e.Message, pair.A);
            }
        }

        [TestMethod]
        public void MonotonicClockNeverGoesBackAndDelayWaitsAtLeastAsAsked()
        {
            MonotonicClock clock = MonotonicClock.Instance;
            long before = clock.NowMicros;
            clock.Delay(2000);
            long after = clock.NowMicros;
            Assert.IsTrue(after - before >= 2000, "Delay returned before its time: " + (after - before) + " µs");
            clock.Delay(30);
            Assert.IsTrue(clock.NowMicros >= after);
        }

        internal static PtyPair StartPair()
        {
            if (!PtyPair.SocatAvailable)
            {
                Assert.Inconclusive("socat is not installed (apt-get install socat)");
            }
            return PtyPair.Start();
        }

        /// <summary>Reads until <paramref name="count"/> bytes arrived; each read is bounded, so a lost byte fails the test rather than hanging it.</summary>
        internal static byte[] ReadExactly(IUartLine line, int count)
        {
            byte[] buffer = new byte[count];
            int received = 0;
            while (received < count)
            {
                int n = line.Read(buffer, received, count - received, ArrivalTimeoutMicros);
                if (n == 0)
                {
                    Assert.Fail("only " + received + " of " + count + " bytes arrived: " + Hex(buffer, received));
                }
                received += n;
            }
            return buffer;
        }

        internal static string Hex(byte[] bytes)
        {
            return Hex(bytes, bytes.Length);
        }

        private static string Hex(byte[] bytes, int count)
        {
            return Convert.ToHexString(bytes, 0, count);
        }
    }
}
