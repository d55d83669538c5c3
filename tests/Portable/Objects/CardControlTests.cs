#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>Control and attributes through a connection, on a DIRECT connection to an empty reader.</summary>
    [TestClass]
    public class CardControlTests
    {
        // CM_IOCTL_GET_FEATURE_REQUEST = SCARD_CTL_CODE(3400) (PC/SC v2 part 10 §2.2).
        private const int GetFeatureRequest = 3400;

        [TestMethod]
        public void TheFeatureRequestIsAnsweredInBothEncodingsWithoutACard()
        {
            ObjectsBench bench = new ObjectsBench();
            CardConnection direct = bench.Connect(0, ScardConstants.ShareDirect);

            Assert.AreEqual(0, direct.Control(ScardConstants.ControlCode(GetFeatureRequest), null, 256).Length);
            Assert.AreEqual(0, direct.Control(ScardConstants.ControlCodeWindows(GetFeatureRequest), null, 256).Length);
        }

        [TestMethod]
        public void TheFriendlyNameAttributeIsTheReaderName()
        {
            ObjectsBench bench = new ObjectsBench();
            CardConnection direct = bench.Connect(1, ScardConstants.ShareDirect);

            byte[] name = direct.GetAttrib(Attributes.DeviceFriendlyNameA);
            string expected = bench.ReaderName(1);
            Assert.AreEqual(expected.Length + 1, name.Length);
            Assert.AreEqual(0, (int)name[name.Length - 1]);
            Assert.AreEqual((int)expected[0], (int)name[0]);
        }

        [TestMethod]
        public void UnknownAttributesAreUnsupportedFeatures()
        {
            ObjectsBench bench = new ObjectsBench();
            CardConnection direct = bench.Connect(0, ScardConstants.ShareDirect);

            PcscException thrown = ObjectsBench.Catch(delegate { direct.GetAttrib(0x7ABC0001); });
            Assert.IsTrue(thrown is UnsupportedFeatureException, "get");
            thrown = ObjectsBench.Catch(delegate { direct.SetAttrib(0x7ABC0001, new byte[] { 1 }); });
            Assert.IsTrue(thrown is UnsupportedFeatureException, "set");
        }
    }
}
