using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>
    /// A contactless reader with a card in its field, through the PC/SC part 3 conventions: the pseudo-ATR
    /// `3B 8n 80 01 T1..Tn TCK` (reference iso7816-pn532.md §4.5.1), T=1 as the protocol, and the GET DATA
    /// pseudo-APDU `FF CA 00 00 00` answering the UID.
    /// </summary>
    public abstract class ContactlessReaderSuite : ReaderSuite
    {
        /// <summary>GET DATA, P1 00: the UID (PC/SC part 3 §3.2.2.1.3).</summary>
        private const string GetUid = "FFCA000000";

        /// <summary>The pseudo-ATR's fixed bytes: TS direct convention, then TD1 = 80 (TD2 follows, T=0) and TD2 = 01 (T=1).</summary>
        private const byte Ts = 0x3B;
        private const byte Td1 = 0x80;
        private const byte Td2 = 0x01;

        /// <summary>T0's high nibble: only TD1 follows; the low nibble counts the historical bytes.</summary>
        private const int T0OnlyTd1 = 0x80;

        /// <summary>Bytes around the historical ones: TS, T0, TD1, TD2 before, TCK after.</summary>
        private const int FramingBytes = 5;

        /// <summary>Offset of the first historical byte.</summary>
        protected const int HistoricalOffset = 4;

        protected ContactlessReaderSuite(ReaderTarget target, string cardKind)
            : base(target, cardKind)
        {
        }

        protected override string ProbeCommand
        {
            get { return GetUid; }
        }

        protected override int ConnectProtocols
        {
            get { return ScardConstants.ProtocolT1; }
        }

        protected override void CheckAtr(Atr atr)
        {
            byte[] bytes = atr.Bytes;
            Assert.AreEqual(Ts, bytes[0], "TS");
            Assert.AreEqual(T0OnlyTd1, bytes[1] & 0xF0, "T0 announces TD1 only");
            Assert.AreEqual(Td1, bytes[2], "TD1");
            Assert.AreEqual(Td2, bytes[3], "TD2");
            Assert.AreEqual(FramingBytes + (bytes[1] & 0x0F), atr.Length, "T0 counts the historical bytes");
            CheckHistoricalBytes(bytes, atr.Length - FramingBytes);
        }

        /// <summary>What the historical bytes (from <see cref="HistoricalOffset"/>, <paramref name="count"/> of them) say about the suite's card.</summary>
        protected abstract void CheckHistoricalBytes(byte[] atr, int count);

        [TestMethod]
        public void GetDataAnswersTheUid()
        {
            using (EndToEndRig rig = OpenRig())
            {
                int protocol;
                int handle = ConnectToCard(rig, out protocol);
                Assert.AreEqual(ScardConstants.ProtocolT1, protocol);
                byte[] response = rig.Exchange(handle, protocol, GetUid);
                int uidLength = response.Length - 2;
                Assert.AreEqual("9000", Hex(response, response.Length).Substring(2 * uidLength));
                // Single, double or triple size (ISO/IEC 14443-3 §6.5.4).
                Assert.IsTrue(uidLength == 4 || uidLength == 7 || uidLength == 10, "UID of " + uidLength + " bytes");
                byte[] expected = rig.Target.ExpectedUid;
                if (expected != null)
                {
                    Assert.AreEqual(Hex(expected, expected.Length), Hex(response, uidLength));
                }

                rig.Disconnect(handle, ScardConstants.LeaveCard);
            }
        }
    }
}
