namespace EmbeddedSmartCard.Manager.Objects
{
    /// <summary>PC/SC return codes as exceptions: the one place that maps a code to its class.</summary>
    public static class PcscExceptions
    {
        /// <summary>Throws the exception of <paramref name="code"/> unless it is SCARD_S_SUCCESS.</summary>
        public static void Check(int code)
        {
            if (code != ScardError.Success)
            {
                throw FromCode(code);
            }
        }

        /// <summary>
        /// The exception for a non-success code: its own class for every code of <see cref="ScardError"/>
        /// (the Windows value of SCARD_E_UNSUPPORTED_FEATURE included), <see cref="PcscException"/> for any other.
        /// </summary>
        public static PcscException FromCode(int code)
        {
            switch (code)
            {
                case ScardError.Shutdown:
                    return new ShutdownException();
                case ScardError.UnsupportedFeatureWindows:
                    return new UnsupportedFeatureException(code);
                case ScardError.InternalError:
                    return new InternalErrorException();
                case ScardError.WaitedTooLong:
                    return new WaitedTooLongException();
                case ScardError.CommError:
                    return new CommErrorException();
                case ScardError.UnknownError:
                    return new UnknownErrorException();
                case ScardError.Cancelled:
                    return new CancelledException();
                case ScardError.InvalidHandle:
                    return new InvalidHandleException();
                case ScardError.InvalidParameter:
                    return new InvalidParameterException();
                case ScardError.InvalidTarget:
                    return new InvalidTargetException();
                case ScardError.NoMemory:
                    return new NoMemoryException();
                case ScardError.InsufficientBuffer:
                    return new InsufficientBufferException();
                case ScardError.UnknownReader:
                    return new UnknownReaderException();
                case ScardError.Timeout:
                    return new ScardTimeoutException();
                case ScardError.SharingViolation:
                    return new SharingViolationException();
                case ScardError.NoSmartcard:
                    return new NoSmartcardException();
                case ScardError.UnknownCard:
                    return new UnknownCardException();
                case ScardError.CantDispose:
                    return new CantDisposeException();
                case ScardError.ProtoMismatch:
                    return new ProtoMismatchException();
                case ScardError.NotReady:
                    return new NotReadyException();
                case ScardError.InvalidValue:
                    return new InvalidValueException();
                case ScardError.SystemCancelled:
                    return new SystemCancelledException();
                case ScardError.InvalidAtr:
                    return new InvalidAtrException();
                case ScardError.NotTransacted:
                    return new NotTransactedException();
                case ScardError.ReaderUnavailable:
                    return new ReaderUnavailableException();
                case ScardError.PciTooSmall:
                    return new PciTooSmallException();
                case ScardError.ReaderUnsupported:
                    return new ReaderUnsupportedException();
                case ScardError.DuplicateReader:
                    return new DuplicateReaderException();
                case ScardError.CardUnsupported:
                    return new CardUnsupportedException();
                case ScardError.NoService:
                    return new NoServiceException();
                case ScardError.ServiceStopped:
                    return new ServiceStoppedException();
                case ScardError.UnsupportedFeature:
                    return new UnsupportedFeatureException();
                case ScardError.IccInstallation:
                    return new IccInstallationException();
                case ScardError.IccCreateOrder:
                    return new IccCreateOrderException();
                case ScardError.DirNotFound:
                    return new DirNotFoundException();
                case ScardError.FileNotFound:
                    return new FileNotFoundException();
                case ScardError.NoDir:
                    return new NoDirException();
                case ScardError.NoFile:
                    return new NoFileException();
                case ScardError.NoAccess:
                    return new NoAccessException();
                case ScardError.WriteTooMany:
                    return new WriteTooManyException();
                case ScardError.BadSeek:
                    return new BadSeekException();
                case ScardError.InvalidChv:
                    return new InvalidChvException();
                case ScardError.UnknownResMng:
                    return new UnknownResMngException();
                case ScardError.NoSuchCertificate:
                    return new NoSuchCertificateException();
                case ScardError.CertificateUnavailable:
                    return new CertificateUnavailableException();
                case ScardError.NoReadersAvailable:
                    return new NoReadersAvailableException();
                case ScardError.CommDataLost:
                    return new CommDataLostException();
                case ScardError.NoKeyContainer:
                    return new NoKeyContainerException();
                case ScardError.ServerTooBusy:
                    return new ServerTooBusyException();
                case ScardError.PinCacheExpired:
                    return new PinCacheExpiredException();
                case ScardError.NoPinCache:
                    return new NoPinCacheException();
                case ScardError.ReadOnlyCard:
                    return new ReadOnlyCardException();
                case ScardError.UnsupportedCard:
                    return new UnsupportedCardException();
                case ScardError.UnresponsiveCard:
                    return new UnresponsiveCardException();
                case ScardError.UnpoweredCard:
                    return new UnpoweredCardException();
                case ScardError.ResetCard:
                    return new ResetCardException();
                case ScardError.RemovedCard:
                    return new RemovedCardException();
                case ScardError.SecurityViolation:
                    return new SecurityViolationException();
                case ScardError.WrongChv:
                    return new WrongChvException();
                case ScardError.ChvBlocked:
                    return new ChvBlockedException();
                case ScardError.Eof:
                    return new EofException();
                case ScardError.CancelledByUser:
                    return new CancelledByUserException();
                case ScardError.CardNotAuthenticated:
                    return new CardNotAuthenticatedException();
                case ScardError.CacheItemNotFound:
                    return new CacheItemNotFoundException();
                case ScardError.CacheItemStale:
                    return new CacheItemStaleException();
                case ScardError.CacheItemTooBig:
                    return new CacheItemTooBigException();
                default:
                    return new PcscException(code);
            }
        }
    }
}
