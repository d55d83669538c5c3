namespace EmbeddedSmartCard.Manager.Objects
{
    // One exception class per SCARD_E_* code (pcsc.md §1.8), each fixing its code.

    /// <summary>SCARD_E_CANCELLED: the call was cancelled by SCardCancel.</summary>
    public sealed class CancelledException : PcscErrorException
    {
        public CancelledException()
            : base(ScardError.Cancelled)
        {
        }
    }

    /// <summary>SCARD_E_INVALID_HANDLE: the context or card handle is not (or no longer) valid.</summary>
    public sealed class InvalidHandleException : PcscErrorException
    {
        public InvalidHandleException()
            : base(ScardError.InvalidHandle)
        {
        }
    }

    /// <summary>SCARD_E_INVALID_PARAMETER: a parameter cannot be interpreted.</summary>
    public sealed class InvalidParameterException : PcscErrorException
    {
        public InvalidParameterException()
            : base(ScardError.InvalidParameter)
        {
        }
    }

    /// <summary>SCARD_E_INVALID_TARGET: registry start-up information is missing or invalid.</summary>
    public sealed class InvalidTargetException : PcscErrorException
    {
        public InvalidTargetException()
            : base(ScardError.InvalidTarget)
        {
        }
    }

    /// <summary>SCARD_E_NO_MEMORY: not enough memory (or a manager cap was reached).</summary>
    public sealed class NoMemoryException : PcscErrorException
    {
        public NoMemoryException()
            : base(ScardError.NoMemory)
        {
        }
    }

    /// <summary>SCARD_E_INSUFFICIENT_BUFFER: the data does not fit the buffer given.</summary>
    public sealed class InsufficientBufferException : PcscErrorException
    {
        public InsufficientBufferException()
            : base(ScardError.InsufficientBuffer)
        {
        }
    }

    /// <summary>SCARD_E_UNKNOWN_READER: no reader of that name.</summary>
    public sealed class UnknownReaderException : PcscErrorException
    {
        public UnknownReaderException()
            : base(ScardError.UnknownReader)
        {
        }
    }

    /// <summary>SCARD_E_TIMEOUT: the timeout expired. Not called TimeoutException so it never hides System.TimeoutException.</summary>
    public sealed class ScardTimeoutException : PcscErrorException
    {
        public ScardTimeoutException()
            : base(ScardError.Timeout)
        {
        }
    }

    /// <summary>SCARD_E_SHARING_VIOLATION: the card is in use in an incompatible share mode.</summary>
    public sealed class SharingViolationException : PcscErrorException
    {
        public SharingViolationException()
            : base(ScardError.SharingViolation)
        {
        }
    }

    /// <summary>SCARD_E_NO_SMARTCARD: no card in the reader.</summary>
    public sealed class NoSmartcardException : PcscErrorException
    {
        public NoSmartcardException()
            : base(ScardError.NoSmartcard)
        {
        }
    }

    /// <summary>SCARD_E_UNKNOWN_CARD: the card name is not known.</summary>
    public sealed class UnknownCardException : PcscErrorException
    {
        public UnknownCardException()
            : base(ScardError.UnknownCard)
        {
        }
    }

    /// <summary>SCARD_E_CANT_DISPOSE: the disposition cannot be carried out.</summary>
    public sealed class CantDisposeException : PcscErrorException
    {
        public CantDisposeException()
            : base(ScardError.CantDispose)
        {
        }
    }

    /// <summary>SCARD_E_PROTO_MISMATCH: the requested protocol is not the one in use or cannot be used.</summary>
    public sealed class ProtoMismatchException : PcscErrorException
    {
        public ProtoMismatchException()
            : base(ScardError.ProtoMismatch)
        {
        }
    }

    /// <summary>SCARD_E_NOT_READY: the reader or card is not ready.</summary>
    public sealed class NotReadyException : PcscErrorException
    {
        public NotReadyException()
            : base(ScardError.NotReady)
        {
        }
    }

    /// <summary>SCARD_E_INVALID_VALUE: a parameter value is out of range.</summary>
    public sealed class InvalidValueException : PcscErrorException
    {
        public InvalidValueException()
            : base(ScardError.InvalidValue)
        {
        }
    }

    /// <summary>SCARD_E_SYSTEM_CANCELLED: the system cancelled the action (log-off, shutdown).</summary>
    public sealed class SystemCancelledException : PcscErrorException
    {
        public SystemCancelledException()
            : base(ScardError.SystemCancelled)
        {
        }
    }

    /// <summary>SCARD_E_INVALID_ATR: an ATR is not valid.</summary>
    public sealed class InvalidAtrException : PcscErrorException
    {
        public InvalidAtrException()
            : base(ScardError.InvalidAtr)
        {
        }
    }

    /// <summary>SCARD_E_NOT_TRANSACTED: no transaction is open on the handle.</summary>
    public sealed class NotTransactedException : PcscErrorException
    {
        public NotTransactedException()
            : base(ScardError.NotTransacted)
        {
        }
    }

    /// <summary>SCARD_E_READER_UNAVAILABLE: the reader is gone or out of service.</summary>
    public sealed class ReaderUnavailableException : PcscErrorException
    {
        public ReaderUnavailableException()
            : base(ScardError.ReaderUnavailable)
        {
        }
    }

    /// <summary>SCARD_E_PCI_TOO_SMALL: the receive PCI buffer is too small.</summary>
    public sealed class PciTooSmallException : PcscErrorException
    {
        public PciTooSmallException()
            : base(ScardError.PciTooSmall)
        {
        }
    }

    /// <summary>SCARD_E_READER_UNSUPPORTED: the reader driver does not meet requirements.</summary>
    public sealed class ReaderUnsupportedException : PcscErrorException
    {
        public ReaderUnsupportedException()
            : base(ScardError.ReaderUnsupported)
        {
        }
    }

    /// <summary>SCARD_E_DUPLICATE_READER: a reader of that name already exists.</summary>
    public sealed class DuplicateReaderException : PcscErrorException
    {
        public DuplicateReaderException()
            : base(ScardError.DuplicateReader)
        {
        }
    }

    /// <summary>SCARD_E_CARD_UNSUPPORTED: the card driver does not meet requirements.</summary>
    public sealed class CardUnsupportedException : PcscErrorException
    {
        public CardUnsupportedException()
            : base(ScardError.CardUnsupported)
        {
        }
    }

    /// <summary>SCARD_E_NO_SERVICE: the resource manager is not running.</summary>
    public sealed class NoServiceException : PcscErrorException
    {
        public NoServiceException()
            : base(ScardError.NoService)
        {
        }
    }

    /// <summary>SCARD_E_SERVICE_STOPPED: the resource manager has shut down.</summary>
    public sealed class ServiceStoppedException : PcscErrorException
    {
        public ServiceStoppedException()
            : base(ScardError.ServiceStopped)
        {
        }
    }

    /// <summary>SCARD_E_UNSUPPORTED_FEATURE (pcsc-lite 0x8010001F, also SCARD_E_UNEXPECTED; Windows 0x80100022): not supported.</summary>
    public sealed class UnsupportedFeatureException : PcscErrorException
    {
        public UnsupportedFeatureException()
            : base(ScardError.UnsupportedFeature)
        {
        }

        /// <summary>Keeps the value actually returned: 0x80100022 when the manager uses Windows values.</summary>
        public UnsupportedFeatureException(int code)
            : base(code)
        {
        }
    }

    /// <summary>SCARD_E_ICC_INSTALLATION: no primary provider for the card.</summary>
    public sealed class IccInstallationException : PcscErrorException
    {
        public IccInstallationException()
            : base(ScardError.IccInstallation)
        {
        }
    }

    /// <summary>SCARD_E_ICC_CREATEORDER: the requested creation order is not supported.</summary>
    public sealed class IccCreateOrderException : PcscErrorException
    {
        public IccCreateOrderException()
            : base(ScardError.IccCreateOrder)
        {
        }
    }

    /// <summary>SCARD_E_DIR_NOT_FOUND: the directory does not exist on the card.</summary>
    public sealed class DirNotFoundException : PcscErrorException
    {
        public DirNotFoundException()
            : base(ScardError.DirNotFound)
        {
        }
    }

    /// <summary>SCARD_E_FILE_NOT_FOUND: the file does not exist on the card.</summary>
    public sealed class FileNotFoundException : PcscErrorException
    {
        public FileNotFoundException()
            : base(ScardError.FileNotFound)
        {
        }
    }

    /// <summary>SCARD_E_NO_DIR: the path does not name a directory.</summary>
    public sealed class NoDirException : PcscErrorException
    {
        public NoDirException()
            : base(ScardError.NoDir)
        {
        }
    }

    /// <summary>SCARD_E_NO_FILE: the path does not name a file.</summary>
    public sealed class NoFileException : PcscErrorException
    {
        public NoFileException()
            : base(ScardError.NoFile)
        {
        }
    }

    /// <summary>SCARD_E_NO_ACCESS: access to the file is denied.</summary>
    public sealed class NoAccessException : PcscErrorException
    {
        public NoAccessException()
            : base(ScardError.NoAccess)
        {
        }
    }

    /// <summary>SCARD_E_WRITE_TOO_MANY: the card cannot take more data.</summary>
    public sealed class WriteTooManyException : PcscErrorException
    {
        public WriteTooManyException()
            : base(ScardError.WriteTooMany)
        {
        }
    }

    /// <summary>SCARD_E_BAD_SEEK: the file pointer could not be set.</summary>
    public sealed class BadSeekException : PcscErrorException
    {
        public BadSeekException()
            : base(ScardError.BadSeek)
        {
        }
    }

    /// <summary>SCARD_E_INVALID_CHV: the PIN is wrong.</summary>
    public sealed class InvalidChvException : PcscErrorException
    {
        public InvalidChvException()
            : base(ScardError.InvalidChv)
        {
        }
    }

    /// <summary>SCARD_E_UNKNOWN_RES_MNG: an unknown resource-manager error.</summary>
    public sealed class UnknownResMngException : PcscErrorException
    {
        public UnknownResMngException()
            : base(ScardError.UnknownResMng)
        {
        }
    }

    /// <summary>SCARD_E_NO_SUCH_CERTIFICATE: no such certificate.</summary>
    public sealed class NoSuchCertificateException : PcscErrorException
    {
        public NoSuchCertificateException()
            : base(ScardError.NoSuchCertificate)
        {
        }
    }

    /// <summary>SCARD_E_CERTIFICATE_UNAVAILABLE: the certificate cannot be obtained.</summary>
    public sealed class CertificateUnavailableException : PcscErrorException
    {
        public CertificateUnavailableException()
            : base(ScardError.CertificateUnavailable)
        {
        }
    }

    /// <summary>SCARD_E_NO_READERS_AVAILABLE: there is no reader.</summary>
    public sealed class NoReadersAvailableException : PcscErrorException
    {
        public NoReadersAvailableException()
            : base(ScardError.NoReadersAvailable)
        {
        }
    }

    /// <summary>SCARD_E_COMM_DATA_LOST: a communication error with the card was detected.</summary>
    public sealed class CommDataLostException : PcscErrorException
    {
        public CommDataLostException()
            : base(ScardError.CommDataLost)
        {
        }
    }

    /// <summary>SCARD_E_NO_KEY_CONTAINER: the key container does not exist.</summary>
    public sealed class NoKeyContainerException : PcscErrorException
    {
        public NoKeyContainerException()
            : base(ScardError.NoKeyContainer)
        {
        }
    }

    /// <summary>SCARD_E_SERVER_TOO_BUSY: the resource manager is too busy.</summary>
    public sealed class ServerTooBusyException : PcscErrorException
    {
        public ServerTooBusyException()
            : base(ScardError.ServerTooBusy)
        {
        }
    }

    /// <summary>SCARD_E_PIN_CACHE_EXPIRED: the PIN cache has expired.</summary>
    public sealed class PinCacheExpiredException : PcscErrorException
    {
        public PinCacheExpiredException()
            : base(ScardError.PinCacheExpired)
        {
        }
    }

    /// <summary>SCARD_E_NO_PIN_CACHE: the PIN could not be cached.</summary>
    public sealed class NoPinCacheException : PcscErrorException
    {
        public NoPinCacheException()
            : base(ScardError.NoPinCache)
        {
        }
    }

    /// <summary>SCARD_E_READ_ONLY_CARD: the card is read-only.</summary>
    public sealed class ReadOnlyCardException : PcscErrorException
    {
        public ReadOnlyCardException()
            : base(ScardError.ReadOnlyCard)
        {
        }
    }
}
