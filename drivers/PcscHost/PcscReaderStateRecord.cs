using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Drivers.PcscHost
{
    /// <summary>
    /// SCARD_READERSTATE of pcsc-lite on Linux x64: a char* reader name, a user pointer, three 8-byte DWORDs
    /// (current state, event state, ATR length) and MAX_ATR_SIZE = 33 ATR bytes, padded to 80 bytes with the
    /// ATR at offset 40 (reference peers.md).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct PcscReaderStateRecord
    {
        public const int MaxAtrSize = 33;

        public byte* Reader;
        public void* UserData;
        public nuint CurrentState;
        public nuint EventState;
        public nuint AtrLength;
        public fixed byte Atr[MaxAtrSize];
    }

    /// <summary>SCARD_IO_REQUEST of pcsc-lite on Linux x64: protocol and PCI length, two 8-byte fields.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct PcscIoRequest
    {
        /// <summary>sizeof(SCARD_IO_REQUEST) on Linux x64, the PCI length of a request without protocol data.</summary>
        public const int Size = 16;

        public nuint Protocol;
        public nuint PciLength;

        /// <summary>The g_rgSCardT0Pci / g_rgSCardT1Pci value for <paramref name="protocol"/>: the bare 16-byte header.</summary>
        public static PcscIoRequest For(nuint protocol)
        {
            PcscIoRequest request;
            request.Protocol = protocol;
            request.PciLength = Size;
            return request;
        }
    }
}
