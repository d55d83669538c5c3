using System;
using System.Diagnostics;
using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Boards.Simulator.Pn532;
using EmbeddedSmartCard.Drivers.Pn532;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// APDU round trips through SCardTransmit to the ISO 14443-4 card of the virtual PN532 (the contact
    /// card's applet over T=CL): per APDU the bus transactions and bytes, the virtual time, the bus time
    /// its frames need at the interface's rate (the wire-time limit), the bytes allocated and the real
    /// time of the simulated stack. The rig has no poll thread, so only these exchanges move the clock.
    /// </summary>
    public sealed class Pn532ApduBench : IDisposable
    {
        /// <summary>InDataExchange frame body besides DataOut / DataIn: TFI, command or response code, Tg or status (reference §3.3).</summary>
        private const int ExchangeBodyOverhead = 3;

        private static readonly byte[] CardUid = { 0x08, 0x12, 0x34, 0x56 };

        private readonly Pn532BenchRig rig;
        private readonly byte[] response = new byte[ScardConstants.MaxBufferSizeExtended];
        private readonly int context;
        private readonly int handle;

        public Pn532ApduBench(Pn532BenchBus bus, bool irqWired)
        {
            rig = new Pn532BenchRig(bus, irqWired, 0);
            rig.Chip.PlaceCard(new Iso14443_4Card(CardUid, CardProfile.DirectT0()));
            rig.Reader.Poll();
            Check(rig.Manager.EstablishContext(ScardConstants.ScopeSystem, out context), "EstablishContext");
            int protocol;
            Check(rig.Manager.Connect(context, rig.ManagedReaderName, ScardConstants.ShareShared, ScardConstants.ProtocolT1, out handle, out protocol), "Connect");
        }

        public string Label
        {
            get { return rig.Label; }
        }

        /// <summary>Runs <paramref name="apdu"/> once to warm up, then <paramref name="exchanges"/> times measured.</summary>
        public Pn532ApduResult Measure(Pn532BenchApdu apdu, int exchanges)
        {
            Pn532ApduResult result = new Pn532ApduResult();
            result.Apdu = apdu;
            result.WireMicros = WireMicros(apdu.Command.Length, apdu.ResponseLength);
            Transmit(apdu);
            long transactions = rig.Transactions;
            long bytes = rig.Bytes;
            long start = rig.Clock.NowMicros;
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            long real = Stopwatch.GetTimestamp();
            for (int i = 0; i < exchanges; i++)
            {
                Transmit(apdu);
            }

            result.RealMicros = (Stopwatch.GetTimestamp() - real) * 1e6 / Stopwatch.Frequency / exchanges;
            result.AllocatedBytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)exchanges;
            result.VirtualMicros = (rig.Clock.NowMicros - start) / (double)exchanges;
            result.Transactions = (rig.Transactions - transactions) / (double)exchanges;
            result.Bytes = (rig.Bytes - bytes) / (double)exchanges;
            return result;
        }

        /// <summary>One SCardTransmit; throws unless the card answers with the expected length and 90 00.</summary>
        public void Transmit(Pn532BenchApdu apdu)
        {
            int received;
            int result = rig.Manager.Transmit(handle, ScardConstants.ProtocolT1, apdu.Command, 0, apdu.Command.Length, response, 0, response.Length, out received);
            if (result != ScardError.Success || received != apdu.ResponseLength || response[received - 2] != 0x90 || response[received - 1] != 0x00)
            {
                throw new InvalidOperationException(apdu.Name + " failed: " + ScardError.GetName(result) + ", " + received + " bytes");
            }
        }

        /// <summary>
        /// The bus time of every chip command one APDU takes, as the driver splits it: DataOut of at most
        /// 262 bytes per InDataExchange (MI in Tg before the last, each answered by a bare status), then
        /// one InDataExchange with Tg alone per further DataIn of at most 262 bytes (reference §3.3, MI).
        /// </summary>
        public long WireMicros(int commandLength, int responseLength)
        {
            int commandParts = Parts(commandLength, Pn532Reader.MaxDataOut);
            int responseParts = Parts(responseLength, VirtualPn532.MaxDataIn);
            long micros = 0;
            for (int i = 0; i < commandParts + responseParts - 1; i++)
            {
                int dataOut = i < commandParts ? PartLength(commandLength, Pn532Reader.MaxDataOut, i) : 0;
                int dataIn = i < commandParts - 1 ? 0 : PartLength(responseLength, VirtualPn532.MaxDataIn, i - (commandParts - 1));
                micros += rig.CommandWireMicros(ExchangeFrameLength(dataOut), ExchangeFrameLength(dataIn));
            }

            return micros;
        }

        public void Dispose()
        {
            rig.Manager.Disconnect(handle, ScardConstants.LeaveCard);
            rig.Manager.ReleaseContext(context);
            rig.Dispose();
        }

        private static int ExchangeFrameLength(int data)
        {
            return Pn532Frame.FrameLength(ExchangeBodyOverhead + data);
        }

        private static int Parts(int length, int partSize)
        {
            return length <= partSize ? 1 : (length + partSize - 1) / partSize;
        }

        private static int PartLength(int length, int partSize, int index)
        {
            int left = length - index * partSize;
            return left < partSize ? left : partSize;
        }

        private static void Check(int result, string call)
        {
            if (result != ScardError.Success)
            {
                throw new InvalidOperationException(call + " failed: " + ScardError.GetName(result));
            }
        }
    }
}
