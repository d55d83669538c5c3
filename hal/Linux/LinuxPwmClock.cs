using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace EmbeddedSmartCard.Hal.Linux
{
    /// <summary>
    /// <see cref="IClockOutput"/> on a sysfs PWM channel (/sys/class/pwm/pwmchipN/pwmM: export,
    /// period and duty_cycle in nanoseconds, enable), driven at 50 % duty as a card's CLK.
    /// The period is a whole number of nanoseconds and the controller may round it further to its
    /// own input clock, so the period is read back and <see cref="FrequencyHz"/> reports what is really
    /// produced: give that to the reader so its baud rate f·D/F follows the real clock.
    /// </summary>
    public sealed class LinuxPwmClock : IClockOutput, IDisposable
    {
        private const long NanosPerSecond = 1000000000;

        /// <summary>After export, udev may still be fixing the new channel's permissions: poll this long for it.</summary>
        private const int ExportWaitMillis = 1000;
        private const int ExportPollMillis = 10;

        private readonly string chipPath;
        private readonly string channelPath;
        private readonly int channel;
        private readonly bool exportedHere;
        private int frequencyHz;

        /// <summary>Exports channel <paramref name="channel"/> of pwmchip<paramref name="chip"/> if needed; the output stays stopped.</summary>
        public LinuxPwmClock(int chip, int channel)
        {
            this.channel = channel;
            chipPath = "/sys/class/pwm/pwmchip" + chip.ToString(CultureInfo.InvariantCulture);
            channelPath = chipPath + "/pwm" + channel.ToString(CultureInfo.InvariantCulture);
            if (!Directory.Exists(chipPath))
            {
                throw new IOException("no PWM chip at " + chipPath + "; enable the PWM overlay (dtoverlay=pwm or pwm-2chan on a Raspberry Pi)");
            }
            if (!Directory.Exists(channelPath))
            {
                LibC.WriteSysfs(chipPath + "/export", channel.ToString(CultureInfo.InvariantCulture));
                exportedHere = true;
                WaitForChannel();
            }
            Stop();
        }

        public int FrequencyHz
        {
            get { return frequencyHz; }
        }

        public void Start(int frequencyHz)
        {
            if (frequencyHz <= 0)
            {
                throw new ArgumentOutOfRangeException("frequencyHz", "a clock frequency above 0 Hz is needed, got " + frequencyHz);
            }
            long period = (NanosPerSecond + frequencyHz / 2) / frequencyHz;
            // A period below the current duty cycle is refused, so the duty cycle goes to 0 first.
            WriteAttribute("duty_cycle", 0);
            WriteAttribute("period", period);
            long actualPeriod = ReadAttribute("period");
            WriteAttribute("duty_cycle", actualPeriod / 2);
            WriteAttribute("enable", 1);
            this.frequencyHz = (int)((NanosPerSecond + actualPeriod / 2) / actualPeriod);
        }

        /// <summary>Duty cycle 0 then disabled, so the CLK contact rests low (most controllers idle low when disabled).</summary>
        public void Stop()
        {
            if (ReadAttribute("period") > 0)
            {
                WriteAttribute("duty_cycle", 0);
            }
            WriteAttribute("enable", 0);
            frequencyHz = 0;
        }

        public void Dispose()
        {
            Stop();
            if (exportedHere)
            {
                LibC.WriteSysfs(chipPath + "/unexport", channel.ToString(CultureInfo.InvariantCulture));
            }
        }

        private void WaitForChannel()
        {
            for (int waited = 0; waited < ExportWaitMillis; waited += ExportPollMillis)
            {
                if (Directory.Exists(channelPath) && IsWritable(channelPath + "/enable"))
                {
                    return;
                }
                Thread.Sleep(ExportPollMillis);
            }
            throw new IOException("exported " + channelPath + " but it did not become writable within " + ExportWaitMillis + " ms");
        }

        private static bool IsWritable(string path)
        {
            try
            {
                using (File.Open(path, FileMode.Open, FileAccess.Write))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        private void WriteAttribute(string name, long value)
        {
            LibC.WriteSysfs(channelPath + "/" + name, value.ToString(CultureInfo.InvariantCulture));
        }

        private long ReadAttribute(string name)
        {
            string path = channelPath + "/" + name;
            try
            {
                return long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException || e is FormatException || e is UnauthorizedAccessException)
            {
                throw new IOException("cannot read " + path + ": " + e.Message, e);
            }
        }
    }
}
