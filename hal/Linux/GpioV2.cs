using System.Runtime.InteropServices;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// The GPIO character device uAPI, version 2 (linux/gpio.h, Linux 5.10 and later): a line
    /// request on /dev/gpiochipN returns a descriptor for the requested lines, on which values are
    /// read and set and edge events are read. Struct sizes match the kernel's static asserts.
    /// </summary>
    internal static unsafe class GpioV2
    {
        public const int LinesMax = 64;          // GPIO_V2_LINES_MAX
        public const int NumAttributesMax = 10;  // GPIO_V2_LINE_NUM_ATTRS_MAX
        public const int MaxNameSize = 32;       // GPIO_MAX_NAME_SIZE

        // enum gpio_v2_line_flag
        public const ulong FlagActiveLow = 1UL << 1;
        public const ulong FlagInput = 1UL << 2;
        public const ulong FlagOutput = 1UL << 3;
        public const ulong FlagEdgeRising = 1UL << 4;
        public const ulong FlagEdgeFalling = 1UL << 5;

        // enum gpio_v2_line_attr_id
        public const uint AttributeOutputValues = 2;
        public const uint AttributeDebounce = 3;

        // enum gpio_v2_line_event_id
        public const uint EventRisingEdge = 1;
        public const uint EventFallingEdge = 2;

        private const int GpioType = 0xB4;

        /// <summary>GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request) = 0xC250B407.</summary>
        public static readonly nuint GetLineIoctl = Ioc.ReadWrite(GpioType, 0x07, sizeof(LineRequest));

        /// <summary>GPIO_V2_LINE_SET_CONFIG_IOCTL = _IOWR(0xB4, 0x0D, struct gpio_v2_line_config) = 0xC110B40D.</summary>
        public static readonly nuint SetConfigIoctl = Ioc.ReadWrite(GpioType, 0x0D, sizeof(LineConfig));

        /// <summary>GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values) = 0xC010B40E.</summary>
        public static readonly nuint GetValuesIoctl = Ioc.ReadWrite(GpioType, 0x0E, sizeof(LineValues));

        /// <summary>GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values) = 0xC010B40F.</summary>
        public static readonly nuint SetValuesIoctl = Ioc.ReadWrite(GpioType, 0x0F, sizeof(LineValues));

        /// <summary>struct gpio_v2_line_values (16 bytes): one bit per requested line.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct LineValues
        {
            public ulong Bits;
            public ulong Mask;
        }

        /// <summary>struct gpio_v2_line_config_attribute (24 bytes): struct gpio_v2_line_attribute (id, padding, a 64-bit union) and the lines it applies to.</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct ConfigAttribute
        {
            public uint Id;
            public uint Padding;
            /// <summary>The union: flags, output values, or debounce_period_us in its low 32 bits (little-endian layout assumed, as on every supported target).</summary>
            public ulong Value;
            public ulong Mask;
        }

        /// <summary>struct gpio_v2_line_config (272 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct LineConfig
        {
            public ulong Flags;
            public uint NumAttributes;
            public fixed uint Padding[5];
            public fixed byte Attributes[NumAttributesMax * 24];

            /// <summary>Appends an attribute applying to the first requested line.</summary>
            public void AddAttribute(uint id, ulong value)
            {
                fixed (byte* attributes = Attributes)
                {
                    ConfigAttribute* attribute = (ConfigAttribute*)attributes + NumAttributes;
                    attribute->Id = id;
                    attribute->Padding = 0;
                    attribute->Value = value;
                    attribute->Mask = 1;
                }
                NumAttributes++;
            }
        }

        /// <summary>struct gpio_v2_line_request (592 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct LineRequest
        {
            public fixed uint Offsets[LinesMax];
            public fixed byte Consumer[MaxNameSize];
            public LineConfig Config;
            public uint NumLines;
            public uint EventBufferSize;
            public fixed uint Padding[5];
            public int Fd;
        }

        /// <summary>struct gpio_v2_line_event (48 bytes).</summary>
        [StructLayout(LayoutKind.Sequential)]
        public struct LineEvent
        {
            /// <summary>CLOCK_MONOTONIC unless a realtime/HTE clock flag was requested.</summary>
            public ulong TimestampNanos;
            public uint Id;
            public uint Offset;
            public uint Sequence;
            public uint LineSequence;
            public fixed uint Padding[6];
        }
    }
}
