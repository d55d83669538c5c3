#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers.Pn532;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>Reader targets decoded from InListPassiveTarget target data given as hex (UM0701-02 §7.3.5), failing the test when they do not decode.</summary>
    internal static class DecodedTargets
    {
        public static Pn532ReaderTarget TypeA(string hex)
        {
            byte[] data = TestSupport.Hex(hex);
            Pn532ReaderTarget target = new Pn532ReaderTarget();
            Assert.IsTrue(target.Decode106A(data, 0, data.Length), "decode " + hex);
            return target;
        }

        public static Pn532ReaderTarget TypeB(string hex)
        {
            byte[] data = TestSupport.Hex(hex);
            Pn532ReaderTarget target = new Pn532ReaderTarget();
            Assert.IsTrue(target.Decode106B(data, 0, data.Length), "decode " + hex);
            return target;
        }
    }
}
