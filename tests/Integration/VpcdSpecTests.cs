using System;
using System.Net;
using EmbeddedSmartCard.Drivers.Vpcd;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    [TestClass]
    public sealed class VpcdSpecTests
    {
        [TestMethod]
        public void BareVpcdIsOneReaderOnLoopbackPort35963()
        {
            VpcdSpec spec = VpcdSpec.Parse("vpcd");

            Assert.AreEqual(IPAddress.Loopback, spec.Address);
            Assert.AreEqual(35963, spec.Port);
            Assert.AreEqual(1, spec.ReaderCount);
            Assert.IsNull(spec.ReaderName);
            Assert.AreEqual(10000, spec.ResponseTimeoutMillis);
        }

        [TestMethod]
        public void PortAndEveryOptionAreRead()
        {
            VpcdSpec spec = VpcdSpec.Parse("vpcd:40000,addr=0.0.0.0,readers=2,name=Phone,timeout=2500");

            Assert.AreEqual(40000, spec.Port);
            Assert.AreEqual(IPAddress.Any, spec.Address);
            Assert.AreEqual(2, spec.ReaderCount);
            Assert.AreEqual("Phone", spec.ReaderName);
            Assert.AreEqual(2500, spec.ResponseTimeoutMillis);
            Assert.AreEqual(35963, VpcdSpec.Parse("vpcd,readers=2").Port);
        }

        [TestMethod]
        public void ABoardHasOneReaderPerConsecutivePort()
        {
            using (VpcdBoard board = VpcdBoard.Create("vpcd:40000,readers=2", VpcdSpec.Parse("vpcd:40000,readers=2")))
            {
                Assert.AreEqual(2, board.ReaderCount);
                Assert.AreEqual(40000, board.GetPort(0));
                Assert.AreEqual(40001, board.GetPort(1));
                Assert.AreEqual("Virtual PCD", board.GetReaderName(1));
                Assert.AreEqual("127.0.0.1:40001", board.GetReader(1).Capabilities.Interface);
            }
        }

        [TestMethod]
        public void BadSpecsNameTheBadPart()
        {
            AssertRejected("vpcd:http", "'port'");
            AssertRejected("vpcd:70000", "'port'");
            AssertRejected("vpcd:65535,readers=2", "go past 65535");
            AssertRejected("vpcd,addr=localhost", "addr=");
            AssertRejected("vpcd,readers=0", "readers=0");
            AssertRejected("vpcd,readers=17", "readers=17");
            AssertRejected("vpcd,timeout=-1", "timeout=-1");
            AssertRejected("vpcd,name=", "name=");
            AssertRejected("vpcd,colour=blue", "unknown option 'colour'");
            AssertRejected("vpcd,readers", "not <key>=<value>");
            AssertRejected("vpcdx", "does not start with 'vpcd'");
        }

        [TestMethod]
        public void APortAlreadyInUseLeavesTheReaderUnopened()
        {
            TcpVpcdListener first = new TcpVpcdListener(IPAddress.Loopback, 0, 1000);
            Assert.IsTrue(first.Start(), "a free port");
            try
            {
                TcpVpcdListener second = new TcpVpcdListener(IPAddress.Loopback, first.LocalPort, 1000);
                VpcdReader reader = new VpcdReader(new VpcdReaderOptions(), second, Hal.Linux.MonotonicClock.Instance);
                Assert.AreEqual(Drivers.SmartcardStatus.NoSuchDevice, reader.Open());
            }
            finally
            {
                first.Stop();
            }
        }

        private static void AssertRejected(string spec, string named)
        {
            try
            {
                VpcdSpec.Parse(spec);
                Assert.Fail("'" + spec + "' was accepted");
            }
            catch (ArgumentException e)
            {
                StringAssert.Contains(e.Message, named);
                StringAssert.Contains(e.Message, VpcdSpec.ValidForms);
            }
        }
    }
}
