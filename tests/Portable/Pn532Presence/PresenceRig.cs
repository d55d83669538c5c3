#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System.Threading;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Hal.Simulator;

namespace EmbeddedSmartCard.Tests.Pn532Presence
{
    /// <summary>What a test does on the driver thread when the card arrives (outside the driver lock).</summary>
    delegate void ArrivalAction(PresenceRig rig);

    /// <summary>
    /// A Pn532Reader against the virtual PN532 on one host interface (I2C, SPI or HSU), recording the
    /// PresenceChanged events with the virtual time they were raised at. With a poll period of 0 the test
    /// polls. Otherwise the driver's own thread does, and it is the only thread that moves virtual time: the
    /// test's set-up runs in the arrival event (<see cref="OnArrival"/>, on that thread) and the test thread
    /// only waits for the removal, so every run is deterministic.
    /// </summary>
    sealed class PresenceRig
    {
        public const int I2c = 0;
        public const int Spi = 1;
        public const int Hsu = 2;

        /// <summary>Real-time bound on waiting for the driver thread (virtual time runs much faster).</summary>
        const int EventWaitMillis = 20000;

        public readonly VirtualClock Clock = new VirtualClock();
        public readonly VirtualPn532 Chip;
        public readonly Drivers.Pn532.Pn532Reader Reader;
        public string Events = "";
        public long RemovedAtMicros = -1;
        public long CardTakenAtMicros = -1;

        /// <summary>Run once, on the thread that raised the first arrival.</summary>
        public ArrivalAction OnArrival;

        /// <summary>What <see cref="OnArrival"/> saw (answers as "status: hex"), for the test thread to assert on.</summary>
        public string ArrivalLog = "";
        readonly ManualResetEvent removed = new ManualResetEvent(false);
        readonly int bus;

        /// <summary>Opens the reader with <paramref name="card"/> (null: none) already in the field.</summary>
        public PresenceRig(int bus, long pollPeriodMicros, ContactlessCard card)
            : this(bus, pollPeriodMicros, card, null)
        {
        }

        /// <summary>As above, with <paramref name="onArrival"/> set before the driver thread starts.</summary>
        public PresenceRig(int bus, long pollPeriodMicros, ContactlessCard card, ArrivalAction onArrival)
            : this(bus, pollPeriodMicros, card, onArrival, true)
        {
        }

        /// <summary>As above, with <see cref="Pn532ReaderOptions.PollTypeB"/> set to <paramref name="pollTypeB"/>.</summary>
        public PresenceRig(int bus, long pollPeriodMicros, ContactlessCard card, ArrivalAction onArrival, bool pollTypeB)
        {
            OnArrival = onArrival;
            this.bus = bus;
            Chip = new VirtualPn532(Clock);
            if (card != null)
            {
                Chip.PlaceCard(card);
            }

            Pn532ReaderOptions options = new Pn532ReaderOptions();
            options.PollPeriodMicros = pollPeriodMicros;
            options.PollTypeB = pollTypeB;
            Reader = new Drivers.Pn532.Pn532Reader(options, Transport(), Clock);
            Reader.PresenceChanged += OnPresence;
            Assert.AreEqual((int)SmartcardStatus.Success, (int)Reader.Open(), "Open over " + BusName);
        }

        public string BusName
        {
            get { return bus == I2c ? "I2C" : bus == Spi ? "SPI" : "HSU"; }
        }

        IPn532Transport Transport()
        {
            if (bus == I2c)
            {
                return new Pn532I2cTransport(new VirtualPn532I2c(Chip).Attach(100000), Clock, null);
            }

            if (bus == Spi)
            {
                return new Pn532SpiTransport(new VirtualPn532Spi(Chip).Attach(false, 1000000), Clock, null, null);
            }

            SimUartLine line = new SimUartLine(Clock, false);
            new VirtualPn532Hsu(Chip, line);
            return new Pn532HsuTransport(line, Clock);
        }

        void OnPresence(IReaderDriver driver, bool present)
        {
            bool first;
            lock (this)
            {
                first = present && Events.Length == 0;
                Events += present ? "+" : "-";
                if (!present && RemovedAtMicros < 0)
                {
                    RemovedAtMicros = Clock.NowMicros;
                }
            }

            if (first && OnArrival != null)
            {
                OnArrival(this);
            }

            if (!present)
            {
                removed.Set();
            }
        }

        public string EventsSoFar
        {
            get
            {
                lock (this)
                {
                    return Events;
                }
            }
        }

        /// <summary>Waits (in real time, bounded) for the driver thread to report a removal, then closes the reader.</summary>
        public void WaitRemovalAndClose()
        {
            bool reported = removed.WaitOne(EventWaitMillis, false);
            Reader.Close();
            Assert.IsTrue(reported, "the driver thread reported the removal over " + BusName + "; events " + EventsSoFar + ", arrival " + ArrivalLog);
        }

        /// <summary>Takes the card out of the field at <paramref name="atMicros"/> of virtual time, on whichever thread moves time past it.</summary>
        public void RemoveCardAt(long atMicros)
        {
            Clock.Schedule(atMicros, TakeCard, null);
        }

        void TakeCard(VirtualTimer timer, long dueMicros)
        {
            CardTakenAtMicros = dueMicros;
            Chip.RemoveCard();
        }

        public string PowerUp()
        {
            string answer = TryPowerUp();
            Assert.IsTrue(answer.StartsWith("Success: "), "power over " + BusName + ": " + answer);
            return answer.Substring(9);
        }

        public string Transmit(string apdu)
        {
            string answer = TryTransmit(apdu);
            Assert.IsTrue(answer.StartsWith("Success: "), "Transmit " + apdu + " over " + BusName + ": " + answer);
            return answer.Substring(9);
        }

        /// <summary>Cold reset; "status: ATR" (no assertion, so it may run on the driver thread).</summary>
        public string TryPowerUp()
        {
            byte[] atr = new byte[PseudoAtr.MaxLength];
            int length;
            SmartcardStatus status = Reader.Power(PowerAction.ColdReset, atr, 0, out length);
            return StatusName(status) + ": " + TestSupport.ToHex(atr, 0, length);
        }

        /// <summary>One APDU; "status: response" (no assertion, so it may run on the driver thread).</summary>
        public string TryTransmit(string apdu)
        {
            byte[] command = TestSupport.Hex(apdu);
            byte[] response = new byte[300];
            int length;
            SmartcardStatus status = Reader.Transmit(command, 0, command.Length, response, 0, response.Length, out length);
            return StatusName(status) + ": " + TestSupport.ToHex(response, 0, length);
        }

        static string StatusName(SmartcardStatus status)
        {
            return status == SmartcardStatus.Success ? "Success" : "Status " + ((int)status).ToString();
        }
    }
}
