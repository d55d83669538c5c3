#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Tests.Manager
{
    [TestClass]
    public class ManagerContextTests
    {
        [TestMethod]
        public void ContextsGetDistinctNonZeroIds()
        {
            SCardManager manager = new SCardManager();
            int first;
            int second;

            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeUser, out first));
            Assert.AreEqual(ScardError.Success, manager.EstablishContext(ScardConstants.ScopeSystem, out second));

            Assert.IsTrue(first != 0 && second != 0 && first != second, "ids " + first + " and " + second);
            Assert.AreEqual(ScardError.Success, manager.IsValidContext(first));
        }

        [TestMethod]
        public void AnUnknownScopeIsInvalidValue()
        {
            SCardManager manager = new SCardManager();
            int context;

            Assert.AreEqual(ScardError.InvalidValue, manager.EstablishContext(4, out context));
            Assert.AreEqual(ScardError.InvalidValue, manager.EstablishContext(-1, out context));
            Assert.AreEqual(0, context);
        }

        [TestMethod]
        public void AReleasedContextIsInvalid()
        {
            SCardManager manager = new SCardManager();
            int context;
            manager.EstablishContext(ScardConstants.ScopeSystem, out context);

            Assert.AreEqual(ScardError.Success, manager.ReleaseContext(context));

            Assert.AreEqual(ScardError.InvalidHandle, manager.ReleaseContext(context));
            Assert.AreEqual(ScardError.InvalidHandle, manager.IsValidContext(context));
            string[] readers;
            Assert.AreEqual(ScardError.InvalidHandle, manager.ListReaders(context, out readers));
        }

        [TestMethod]
        public void UnknownContextsAreInvalidHandles()
        {
            SCardManager manager = new SCardManager();

            Assert.AreEqual(ScardError.InvalidHandle, manager.IsValidContext(0));
            Assert.AreEqual(ScardError.InvalidHandle, manager.IsValidContext(0x12345678));
            Assert.AreEqual(ScardError.InvalidHandle, manager.ReleaseContext(-1));
        }

        [TestMethod]
        public void TheContextCapIsNoMemory()
        {
            SCardManager manager = new SCardManager();
            manager.MaxContexts = 2;
            int context;
            manager.EstablishContext(ScardConstants.ScopeUser, out context);
            manager.EstablishContext(ScardConstants.ScopeUser, out context);

            Assert.AreEqual(ScardError.NoMemory, manager.EstablishContext(ScardConstants.ScopeUser, out context));
        }

        [TestMethod]
        public void AManagerWithoutReadersSaysNoReadersAvailable()
        {
            SCardManager manager = new SCardManager();
            int context;
            manager.EstablishContext(ScardConstants.ScopeSystem, out context);
            string[] readers;

            Assert.AreEqual(ScardError.NoReadersAvailable, manager.ListReaders(context, out readers));
            Assert.IsNull(readers);
        }

        [TestMethod]
        public void WindowsErrorValuesSwitchOnlyUnsupportedFeature()
        {
            Assert.AreEqual(unchecked((int)0x80100022), ScardError.ToWindows(ScardError.UnsupportedFeature));
            Assert.AreEqual(ScardError.NoSmartcard, ScardError.ToWindows(ScardError.NoSmartcard));
            Assert.AreEqual("SCARD_E_UNSUPPORTED_FEATURE", ScardError.GetName(ScardError.UnsupportedFeatureWindows));
            Assert.AreEqual("SCARD_W_REMOVED_CARD", ScardError.GetName(unchecked((int)0x80100069)));
            Assert.AreEqual("0x80100099", ScardError.GetName(unchecked((int)0x80100099)));
        }
    }
}
