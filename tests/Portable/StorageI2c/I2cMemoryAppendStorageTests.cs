#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Hal;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Hal.Storage;

namespace EmbeddedSmartCard.Tests.StorageI2c
{
    /// <summary>
    /// The append storage on a simulated 24-series FRAM / EEPROM: what a flush commits survives a reopen, what
    /// it did not is gone, the two header copies take turns, an EEPROM's write cycle is waited out and a missing
    /// chip gives up after a bounded number of tries.
    /// </summary>
    [TestClass]
    public class I2cMemoryAppendStorageTests
    {
        private const int PageBytes = 64;
        private const int DataStart = 2 * PageBytes;

        [TestMethod]
        public void ErasedChipOpensAsAnEmptyLog()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            Assert.IsTrue(rig.Storage.Open(), "open");
            Assert.AreEqual(0L, rig.Storage.Length);
            Assert.AreEqual(32768 - DataStart, rig.Storage.CapacityBytes);
        }

        [TestMethod]
        public void FlushedBytesAcrossPagesSurviveAReopen()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            rig.Storage.Open();
            byte[] first = I2cMemoryRig.Counting(1, 150);
            Assert.IsTrue(rig.Storage.Append(first, 0, 100) && rig.Storage.Append(first, 100, 50), "append");
            Assert.IsTrue(rig.Storage.Flush(), "flush");

            I2cMemoryAppendStorage reopened = rig.Reopen();
            Assert.AreEqual(150L, reopened.Length);
            byte[] read = new byte[160];
            Assert.AreEqual(150, reopened.Read(0, read, 5, 160), "reads stop at the length");
            TestSupport.AreEqualBytes(first, read, 5, 150);
            Assert.AreEqual(TestSupport.ToHex(first, 0, 150), TestSupport.ToHex(rig.Memory.Array, DataStart, 150), "on the chip after the header pages");
        }

        [TestMethod]
        public void BytesNotFlushedAreNotThereAfterAReopen()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            rig.Storage.Open();
            rig.Storage.Append(I2cMemoryRig.Counting(1, 20), 0, 20);
            rig.Storage.Flush();
            rig.Storage.Append(I2cMemoryRig.Counting(50, 30), 0, 30);
            Assert.AreEqual(50L, rig.Storage.Length, "readable before the flush");
            Assert.AreEqual(20L, rig.Reopen().Length, "only the committed length after a reopen");
        }

        [TestMethod]
        public void HeaderCopiesTakeTurnsAndADamagedNewestFallsBackToTheOther()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            rig.Storage.Open();
            AppendFlushed(rig.Storage, 10);
            string copy0 = TestSupport.ToHex(rig.Memory.Array, 0, 24);
            AppendFlushed(rig.Storage, 10);
            Assert.AreEqual(copy0, TestSupport.ToHex(rig.Memory.Array, 0, 24), "the second commit went to the other copy");
            Assert.AreEqual("45 53 41 4C 00 00 00 14 00 00 00 02", TestSupport.ToHex(rig.Memory.Array, PageBytes, 12), "magic, length 20, sequence 2");

            rig.Memory.Array[PageBytes + 5] ^= 0x01;
            Assert.AreEqual(10L, rig.Reopen().Length, "the older copy's commit");
            AppendFlushed(rig.Storage, 5);
            Assert.AreEqual(15L, rig.Reopen().Length, "commits go on from there");
        }

        [TestMethod]
        public void TruncateIsDurable()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            rig.Storage.Open();
            AppendFlushed(rig.Storage, 40);
            Assert.IsFalse(rig.Storage.Truncate(41), "longer than the log");
            Assert.IsFalse(rig.Storage.Truncate(-1), "negative");
            Assert.IsTrue(rig.Storage.Truncate(25), "cut");
            Assert.AreEqual(25L, rig.Reopen().Length);
        }

        [TestMethod]
        public void AppendBeyondTheChipIsRefusedAndChangesNothing()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            rig.Storage.Open();
            byte[] big = new byte[rig.Storage.CapacityBytes];
            Assert.IsTrue(rig.Storage.Append(big, 0, big.Length - 3), "almost full");
            Assert.IsFalse(rig.Storage.Append(big, 0, 4), "one byte too many");
            Assert.IsTrue(rig.Storage.Append(big, 0, 3), "exactly full");
            Assert.IsTrue(rig.Storage.Flush(), "flush");
            Assert.AreEqual((long)rig.Storage.CapacityBytes, rig.Reopen().Length);
        }

        [TestMethod]
        public void ReadOutsideTheLogAndCallsBeforeOpenFail()
        {
            I2cMemoryRig rig = I2cMemoryRig.Fram(1);
            byte[] buffer = new byte[4];
            Assert.AreEqual(-1, rig.Storage.Read(0, buffer, 0, 4), "not open");
            Assert.IsFalse(rig.Storage.Append(buffer, 0, 4), "not open");
            rig.Storage.Open();
            AppendFlushed(rig.Storage, 4);
            Assert.AreEqual(0, rig.Storage.Read(4, buffer, 0, 4), "at the end");
            Assert.AreEqual(-1, rig.Storage.Read(-1, buffer, 0, 4), "negative position");
        }

        [TestMethod]
        public void EepromWriteCycleIsWaitedOutByAcknowledgePolling()
        {
            I2cMemoryRig rig = I2cMemoryRig.Eeprom(1);
            rig.Storage.Open();
            long start = rig.Clock.NowMicros;
            byte[] data = I2cMemoryRig.Counting(7, 100);
            Assert.IsTrue(rig.Storage.Append(data, 0, 100), "two page writes (64 + 36 from a page start)");
            Assert.IsTrue(rig.Storage.Flush(), "and a header write");
            long afterWrites = rig.Clock.NowMicros;
            Assert.IsTrue(afterWrites - start >= 2 * I2cMemoryRig.EepromWriteCycleMicros, "each page write waits for the previous write cycle");

            byte[] read = new byte[100];
            Assert.AreEqual(100, rig.Reopen().Read(0, read, 0, 100), "read after the last write cycle");
            TestSupport.AreEqualBytes(data, read, 0, 100);
            Assert.IsTrue(rig.Clock.NowMicros - afterWrites >= I2cMemoryRig.EepromWriteCycleMicros, "the header read waited for the header write");
        }

        [TestMethod]
        public void MissingChipFailsAfterBoundedRetries()
        {
            VirtualClock clock = new VirtualClock();
            SimI2cDevice empty = new SimI2cDevice(clock, I2cMemoryChip.DefaultAddress, I2cMemoryRig.BusHz);
            I2cMemoryAppendStorage storage = new I2cMemoryAppendStorage(empty, I2cMemoryChip.Mb85rc256v());
            Assert.IsFalse(storage.Open(), "nobody acknowledges");
            Assert.AreEqual(I2cMemoryAppendStorage.MaxBusyRetries + 1, empty.TransactionCount, "one try and the retries");
            Assert.IsFalse(storage.IsOpen);
        }

        [TestMethod]
        public void SimulatedChipWrapsAWriteInsideItsPage()
        {
            I2cMemoryRig rig = I2cMemoryRig.Eeprom(1);
            Assert.AreEqual((int)I2cStatus.Ok, (int)rig.Device.Write(TestSupport.Hex("00 3E 11 22 33 44"), 0, 6), "write at 003E");
            Assert.AreEqual("11 22", TestSupport.ToHex(rig.Memory.Array, 0x3E, 2));
            Assert.AreEqual("33 44", TestSupport.ToHex(rig.Memory.Array, 0x00, 2), "wrapped to the page start");
            Assert.AreEqual("FF", TestSupport.ToHex(rig.Memory.Array, 0x40, 1), "the next page untouched");
        }

        [TestMethod]
        public void BadChipDescriptionsAreRefused()
        {
            Assert.IsTrue(Refused(32768, 48), "page not a power of two");
            Assert.IsTrue(Refused(131072, 128), "beyond two address bytes");
            Assert.IsTrue(Refused(128, 64), "fewer than four pages");
            Assert.IsFalse(Refused(256, 64), "four pages");
        }

        private static bool Refused(int capacity, int page)
        {
            try
            {
                new I2cMemoryChip("test", capacity, page);
                return false;
            }
            catch (System.ArgumentException)
            {
                return true;
            }
        }

        private static void AppendFlushed(I2cMemoryAppendStorage storage, int count)
        {
            Assert.IsTrue(storage.Append(I2cMemoryRig.Counting(count, count), 0, count), "append");
            Assert.IsTrue(storage.Flush(), "flush");
        }
    }
}
