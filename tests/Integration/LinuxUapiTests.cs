using System.Runtime.CompilerServices;
using EmbeddedSmartCard.Hal.Linux;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// The Linux uAPI layouts and request numbers the HAL defines itself (no kernel headers needed),
    /// checked against the values the headers give on x86_64 and arm64, and the PARMRK decoder
    /// on marked sequences a pseudo-terminal cannot produce.
    /// </summary>
    [TestClass]
    public sealed class LinuxUapiTests
    {
        [TestMethod]
        public void StructSizesMatchTheKernelHeaders()
        {
            Assert.AreEqual(44, Unsafe.SizeOf<Termios2>(), "struct termios2");
            Assert.AreEqual(592, Unsafe.SizeOf<GpioV2.LineRequest>(), "struct gpio_v2_line_request");
            Assert.AreEqual(272, Unsafe.SizeOf<GpioV2.LineConfig>(), "struct gpio_v2_line_config");
            Assert.AreEqual(24, Unsafe.SizeOf<GpioV2.ConfigAttribute>(), "struct gpio_v2_line_config_attribute");
            Assert.AreEqual(48, Unsafe.SizeOf<GpioV2.LineEvent>(), "struct gpio_v2_line_event");
            Assert.AreEqual(16, Unsafe.SizeOf<GpioV2.LineValues>(), "struct gpio_v2_line_values");
        }

        [TestMethod]
        public void RequestNumbersMatchTheGenericEncoding()
        {
            Assert.AreEqual(0x802C542AUL, (ulong)Termios2.TCGETS2, "TCGETS2");
            Assert.AreEqual(0x402C542CUL, (ulong)Termios2.TCSETSW2, "TCSETSW2");
            Assert.AreEqual(0xC250B407UL, (ulong)GpioV2.GetLineIoctl, "GPIO_V2_GET_LINE_IOCTL");
            Assert.AreEqual(0xC110B40DUL, (ulong)GpioV2.SetConfigIoctl, "GPIO_V2_LINE_SET_CONFIG_IOCTL");
            Assert.AreEqual(0xC010B40EUL, (ulong)GpioV2.GetValuesIoctl, "GPIO_V2_LINE_GET_VALUES_IOCTL");
            Assert.AreEqual(0xC010B40FUL, (ulong)GpioV2.SetValuesIoctl, "GPIO_V2_LINE_SET_VALUES_IOCTL");
            Assert.AreEqual(0x40206B00UL, (ulong)Ioc.Write('k', 0, 32), "SPI_IOC_MESSAGE(1)");
            Assert.AreEqual(0x40046B04UL, (ulong)Ioc.Write('k', 4, 4), "SPI_IOC_WR_MAX_SPEED_HZ");
        }

        [TestMethod]
        public void DecoderCountsMarkedCharactersAndUndoublesFf()
        {
            ParityMarkDecoder decoder = new ParityMarkDecoder();
            byte[] raw = { 0x3B, 0xFF, 0x00, 0x41, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x90 };
            int count = decoder.DecodeInPlace(raw, 0, raw.Length);
            Assert.AreEqual("3B41FF0090", System.Convert.ToHexString(raw, 0, count));
            Assert.AreEqual(2, decoder.ErrorCount, "one parity error and one break");
        }

        [TestMethod]
        public void DecoderKeepsAMarkSplitAcrossReads()
        {
            ParityMarkDecoder decoder = new ParityMarkDecoder();
            byte[] first = { 0x12, 0xFF };
            byte[] second = { 0x00 };
            byte[] third = { 0x55, 0xFF };
            byte[] fourth = { 0xFF };
            Assert.AreEqual(1, decoder.DecodeInPlace(first, 0, first.Length));
            Assert.AreEqual(0, decoder.DecodeInPlace(second, 0, second.Length));
            Assert.AreEqual(1, decoder.DecodeInPlace(third, 0, third.Length));
            Assert.AreEqual(0x55, (int)third[0]);
            Assert.AreEqual(1, decoder.DecodeInPlace(fourth, 0, fourth.Length));
            Assert.AreEqual(0xFF, (int)fourth[0]);
            Assert.AreEqual(1, decoder.ErrorCount);
        }

        [TestMethod]
        public void ResetForgetsAPartialMark()
        {
            ParityMarkDecoder decoder = new ParityMarkDecoder();
            byte[] raw = { 0xFF };
            decoder.DecodeInPlace(raw, 0, 1);
            decoder.Reset();
            byte[] next = { 0x00, 0x07 };
            Assert.AreEqual(2, decoder.DecodeInPlace(next, 0, next.Length));
            Assert.AreEqual(0, decoder.ErrorCount);
        }
    }
}
