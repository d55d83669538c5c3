#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>Every PC/SC code has its own exception class, in the family of its name's prefix.</summary>
    [TestClass]
    public class PcscExceptionTests
    {
        private static readonly int[] Failures =
        {
            ScardError.InternalError, ScardError.WaitedTooLong, ScardError.CommError, ScardError.UnknownError,
        };

        private static readonly int[] Errors =
        {
            ScardError.Cancelled, ScardError.InvalidHandle, ScardError.InvalidParameter, ScardError.InvalidTarget,
            ScardError.NoMemory, ScardError.InsufficientBuffer, ScardError.UnknownReader, ScardError.Timeout,
            ScardError.SharingViolation, ScardError.NoSmartcard, ScardError.UnknownCard, ScardError.CantDispose,
            ScardError.ProtoMismatch, ScardError.NotReady, ScardError.InvalidValue, ScardError.SystemCancelled,
            ScardError.InvalidAtr, ScardError.NotTransacted, ScardError.ReaderUnavailable, ScardError.PciTooSmall,
            ScardError.ReaderUnsupported, ScardError.DuplicateReader, ScardError.CardUnsupported, ScardError.NoService,
            ScardError.ServiceStopped, ScardError.UnsupportedFeature, ScardError.UnsupportedFeatureWindows,
            ScardError.IccInstallation, ScardError.IccCreateOrder, ScardError.DirNotFound, ScardError.FileNotFound,
            ScardError.NoDir, ScardError.NoFile, ScardError.NoAccess, ScardError.WriteTooMany, ScardError.BadSeek,
            ScardError.InvalidChv, ScardError.UnknownResMng, ScardError.NoSuchCertificate,
            ScardError.CertificateUnavailable, ScardError.NoReadersAvailable, ScardError.CommDataLost,
            ScardError.NoKeyContainer, ScardError.ServerTooBusy, ScardError.PinCacheExpired, ScardError.NoPinCache,
            ScardError.ReadOnlyCard,
        };

        private static readonly int[] Warnings =
        {
            ScardError.UnsupportedCard, ScardError.UnresponsiveCard, ScardError.UnpoweredCard, ScardError.ResetCard,
            ScardError.RemovedCard, ScardError.SecurityViolation, ScardError.WrongChv, ScardError.ChvBlocked,
            ScardError.Eof, ScardError.CancelledByUser, ScardError.CardNotAuthenticated, ScardError.CacheItemNotFound,
            ScardError.CacheItemStale, ScardError.CacheItemTooBig,
        };

        [TestMethod]
        public void EveryFailureCodeIsAFailureExceptionCarryingItsCode()
        {
            for (int i = 0; i < Failures.Length; i++)
            {
                PcscException e = PcscExceptions.FromCode(Failures[i]);
                Assert.AreEqual(Failures[i], e.Code);
                Assert.IsTrue(e is PcscFailureException, e.CodeName);
            }
        }

        [TestMethod]
        public void EveryErrorCodeIsAnErrorExceptionCarryingItsCode()
        {
            for (int i = 0; i < Errors.Length; i++)
            {
                PcscException e = PcscExceptions.FromCode(Errors[i]);
                Assert.AreEqual(Errors[i], e.Code);
                Assert.IsTrue(e is PcscErrorException, e.CodeName);
            }
        }

        [TestMethod]
        public void EveryWarningCodeIsAWarningExceptionCarryingItsCode()
        {
            for (int i = 0; i < Warnings.Length; i++)
            {
                PcscException e = PcscExceptions.FromCode(Warnings[i]);
                Assert.AreEqual(Warnings[i], e.Code);
                Assert.IsTrue(e is PcscWarningException, e.CodeName);
            }
        }

        [TestMethod]
        public void EveryCodeHasAClassOfItsOwn()
        {
            int[] all = AllCodes();
            for (int i = 0; i < all.Length; i++)
            {
                for (int j = i + 1; j < all.Length; j++)
                {
                    bool sameCode = ScardError.GetName(all[i]) == ScardError.GetName(all[j]);
                    bool sameClass = PcscExceptions.FromCode(all[i]).GetType() == PcscExceptions.FromCode(all[j]).GetType();
                    Assert.AreEqual(sameCode, sameClass, ScardError.GetName(all[i]) + " / " + ScardError.GetName(all[j]));
                }

                Assert.IsFalse(PcscExceptions.FromCode(all[i]).GetType() == typeof(PcscException), ScardError.GetName(all[i]));
            }
        }

        [TestMethod]
        public void CardEventWarningsHaveNamedClasses()
        {
            Assert.IsTrue(PcscExceptions.FromCode(ScardError.ResetCard) is ResetCardException, "reset");
            Assert.IsTrue(PcscExceptions.FromCode(ScardError.RemovedCard) is RemovedCardException, "removed");
            Assert.IsTrue(PcscExceptions.FromCode(ScardError.Shutdown) is ShutdownException, "shutdown");
            Assert.IsTrue(PcscExceptions.FromCode(ScardError.Timeout) is ScardTimeoutException, "timeout");
            Assert.AreEqual("SCARD_W_RESET_CARD (0x80100068)", new ResetCardException().Message);
        }

        [TestMethod]
        public void TheWindowsUnsupportedFeatureValueKeepsItsCode()
        {
            PcscException e = PcscExceptions.FromCode(ScardError.UnsupportedFeatureWindows);
            Assert.IsTrue(e is UnsupportedFeatureException, "class");
            Assert.AreEqual(ScardError.UnsupportedFeatureWindows, e.Code);
        }

        [TestMethod]
        public void AnUnknownCodeIsThePlainBaseClassAndSuccessThrowsNothing()
        {
            PcscException e = PcscExceptions.FromCode(0x12345);
            Assert.IsTrue(e.GetType() == typeof(PcscException), "base class");
            Assert.AreEqual("0x00012345", e.CodeName);
            Assert.AreEqual("none", ObjectsBench.CodeOf(delegate { PcscExceptions.Check(ScardError.Success); }));
            Assert.AreEqual("SCARD_E_NO_SMARTCARD", ObjectsBench.CodeOf(delegate { PcscExceptions.Check(ScardError.NoSmartcard); }));
        }

        private static int[] AllCodes()
        {
            int[] all = new int[Failures.Length + Errors.Length + Warnings.Length + 1];
            int at = 0;
            at = Append(all, at, Failures);
            at = Append(all, at, Errors);
            at = Append(all, at, Warnings);
            all[at] = ScardError.Shutdown;
            return all;
        }

        private static int Append(int[] all, int at, int[] codes)
        {
            for (int i = 0; i < codes.Length; i++)
            {
                all[at++] = codes[i];
            }

            return at;
        }
    }
}
