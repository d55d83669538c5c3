#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Firmware.DoorAccess;
using EmbeddedSmartCard.Hal.Simulator;
using EmbeddedSmartCard.Tests.DoorAccessAudit;

namespace EmbeddedSmartCard.Tests.StorageI2c
{
    /// <summary>
    /// The audit log on the I2C memory with the power cut after every byte the chip stores during a sequence of
    /// appends (record bytes and header copies alike): after the power comes back every record whose Append
    /// returned Ok is there, intact, and the log appends on. The record in flight survives only when the cut
    /// spared its commit — never for a cut inside its data or one that leaves its header short of the last byte,
    /// unless garbage written by the cut happens to complete it.
    /// </summary>
    [TestClass]
    public class I2cMemoryPowerCutTests
    {
        private const int GarbageSeed = 11;

        [TestMethod]
        public void FramCutAtEveryByteKeepsEveryCompletedAppend_TornPrefix()
        {
            CutAtEveryByte(false, SimTornWrite.Prefix);
        }

        [TestMethod]
        public void FramCutAtEveryByteKeepsEveryCompletedAppend_TornGarbage()
        {
            CutAtEveryByte(false, SimTornWrite.Garbage);
        }

        [TestMethod]
        public void EepromCutAtEveryByteKeepsEveryCompletedAppend_TornErased()
        {
            CutAtEveryByte(true, SimTornWrite.Erased);
        }

        [TestMethod]
        public void EepromCutAtEveryByteKeepsEveryCompletedAppend_TornPrefix()
        {
            CutAtEveryByte(true, SimTornWrite.Prefix);
        }

        private static void CutAtEveryByte(bool eeprom, SimTornWrite tornWrite)
        {
            long total = StoredBytesOfAllSamples(eeprom);
            for (int cut = 0; cut <= total; cut++)
            {
                string context = tornWrite + " cut after " + cut.ToString() + " bytes";
                I2cMemoryRig rig = NewRig(eeprom, GarbageSeed + cut);
                AuditLog log = Open(rig, context);
                rig.Memory.CutPowerAfter(cut, tornWrite);
                int returned = AuditSamples.AppendUntilFailure(log, AuditSamples.Count);

                rig.Memory.PowerCycle();
                rig.Reopen();
                AuditLog reopened = Open(rig, context);
                int kept = reopened.Count;
                bool inFlightMaySurvive = tornWrite == SimTornWrite.Garbage && returned < AuditSamples.Count;
                Assert.IsTrue(kept == returned || (inFlightMaySurvive && kept == returned + 1),
                    context + ": kept " + kept.ToString() + " of " + returned.ToString() + " returned Ok");
                AuditSamples.AssertHoldsSamples(reopened, kept, context);
                Assert.AreEqual(0L, reopened.DiscardedBytes, context + ": nothing past the commit is read");
                AssertAppendsOn(rig, reopened, kept, context);
            }
        }

        /// <summary>After the cut the log takes the lost records again, numbered on from the kept ones, and keeps them.</summary>
        private static void AssertAppendsOn(I2cMemoryRig rig, AuditLog reopened, int kept, string context)
        {
            for (int i = kept; i < AuditSamples.Count; i++)
            {
                Assert.AreEqual((int)AuditLogStatus.Ok, (int)reopened.Append(AuditSamples.Make(i)), context + ": append again " + i.ToString());
            }

            rig.Reopen();
            AuditSamples.AssertHoldsSamples(Open(rig, context), AuditSamples.Count, context + ", appended on");
        }

        /// <summary>How many bytes the chip stores for all the samples when nothing cuts the power.</summary>
        private static long StoredBytesOfAllSamples(bool eeprom)
        {
            I2cMemoryRig rig = NewRig(eeprom, GarbageSeed);
            AuditLog log = Open(rig, "no cut");
            Assert.AreEqual(AuditSamples.Count, AuditSamples.AppendUntilFailure(log, AuditSamples.Count), "every append without a cut");
            return rig.Memory.ArrayWrites;
        }

        private static I2cMemoryRig NewRig(bool eeprom, int garbageSeed)
        {
            I2cMemoryRig rig = eeprom ? I2cMemoryRig.Eeprom(garbageSeed) : I2cMemoryRig.Fram(garbageSeed);
            Assert.IsTrue(rig.Storage.Open(), "storage open");
            return rig;
        }

        private static AuditLog Open(I2cMemoryRig rig, string context)
        {
            AuditLog log = new AuditLog(rig.Storage);
            Assert.AreEqual((int)AuditLogStatus.Ok, (int)log.Open(), context + ": log open");
            return log;
        }
    }
}
