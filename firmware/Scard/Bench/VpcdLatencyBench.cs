using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using EmbeddedSmartCard.Drivers;
using EmbeddedSmartCard.Drivers.PcscHost;
using EmbeddedSmartCard.Drivers.Vpcd;
using EmbeddedSmartCard.Hal.Linux;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>
    /// GET CHALLENGE round trips to a vicc card along three paths, each timed one by one (Stopwatch ticks) after a
    /// warm-up: a bare vpcd server (our codec over TCP, nothing else), our manager's vpcd reader (SCardTransmit
    /// through manager, driver library and VpcdReader), and libpcsclite → pcscd → vpcd (SCardTransmit of the host
    /// PC/SC reader driver). Each path gets its own vicc of the same kind, started and stopped by PID.
    /// </summary>
    public sealed class VpcdLatencyBench
    {
        /// <summary>GET CHALLENGE of 8 bytes (ISO 7816-4 §11.5.3): vicc answers 8 random bytes and 90 00.</summary>
        public static readonly byte[] GetChallenge = { 0x00, 0x84, 0x00, 0x00, 0x08 };

        private const int WarmUp = 50;
        private const int PeerBoundMillis = 15000;
        private const int WriteBoundMillis = 5000;
        private const long MicrosPerMilli = 1000;
        private const int ResponseLength = 8 + 2;

        private readonly int exchanges;
        private readonly bool quickAck;
        private readonly string scratch;
        private readonly byte[] response = new byte[ScardConstants.MaxBufferSize];

        public VpcdLatencyBench(int exchanges, bool quickAck, string scratchFolder)
        {
            this.exchanges = exchanges;
            this.quickAck = quickAck;
            scratch = scratchFolder;
        }

        /// <summary>Our vpcd codec straight over TCP to vicc: the floor every path above pays.</summary>
        public double[] MeasureBareTcp()
        {
            TcpVpcdListener listener = new TcpVpcdListener(IPAddress.Loopback, 0, WriteBoundMillis);
            if (!listener.Start())
            {
                throw new IOException("cannot listen on 127.0.0.1");
            }

            try
            {
                using (ViccProcess vicc = ViccProcess.Start(listener.LocalPort, quickAck, scratch))
                {
                    IVpcdConnection connection = listener.Accept(PeerBoundMillis * MicrosPerMilli);
                    if (connection == null)
                    {
                        throw new IOException("vicc did not connect within " + PeerBoundMillis + " ms");
                    }

                    VpcdLink link = new VpcdLink(MonotonicClock.Instance, VpcdMessage.MaxPayloadLength);
                    link.Attach(connection);
                    link.SendControl(VpcdMessage.PowerOn);
                    return Measure(delegate { return BareExchange(link); });
                }
            }
            finally
            {
                listener.Stop();
            }
        }

        /// <summary>(a) SCardTransmit through our manager to the vpcd reader vicc connected to.</summary>
        public double[] MeasureManagerVpcd()
        {
            const string spec = "vpcd:0";
            using (VpcdBoard board = VpcdBoard.Create(spec, VpcdSpec.Parse(spec)))
            using (SCardManager manager = new SCardManager(board))
            {
                int context;
                Check(manager.EstablishContext(ScardConstants.ScopeSystem, out context), "SCardEstablishContext");
                string[] readers;
                Check(manager.ListReaders(context, out readers), "SCardListReaders");
                using (ViccProcess vicc = ViccProcess.Start(board.GetPort(0), quickAck, scratch))
                {
                    int handle;
                    int protocol;
                    ConnectWhenPresent(manager, context, readers[0], out handle, out protocol);
                    return Measure(delegate
                    {
                        int length;
                        int result = manager.Transmit(handle, protocol, GetChallenge, 0, GetChallenge.Length, response, 0, response.Length, out length);
                        return result == ScardError.Success && length == ResponseLength;
                    });
                }
            }
        }

        /// <summary>(b) SCardTransmit of libpcsclite to pcscd, whose vpcd driver talks to vicc.</summary>
        public double[] MeasurePcscd(PrivatePcscd daemon)
        {
            using (ViccProcess vicc = ViccProcess.Start(daemon.VpcdPort, quickAck, scratch))
            {
                PcscHostReader reader = new PcscHostReader(PrivatePcscd.Slot0, new PcscHostReaderOptions(), 0);
                Stopwatch waited = Stopwatch.StartNew();
                while (reader.Open() != SmartcardStatus.Success || !reader.IsCardPresent())
                {
                    reader.Close();
                    if (waited.ElapsedMilliseconds > PeerBoundMillis)
                    {
                        throw new IOException("pcscd never showed vicc's card in " + PrivatePcscd.Slot0);
                    }

                    Thread.Sleep(100);
                }

                try
                {
                    byte[] atr = new byte[Atr.MaxLength];
                    int atrLength;
                    if (reader.Power(PowerAction.ColdReset, atr, 0, out atrLength) != SmartcardStatus.Success)
                    {
                        throw new IOException("pcscd could not power vicc's card");
                    }

                    return Measure(delegate
                    {
                        int length;
                        return reader.Transmit(GetChallenge, 0, GetChallenge.Length, response, 0, response.Length, out length) == SmartcardStatus.Success
                            && length == ResponseLength;
                    });
                }
                finally
                {
                    reader.Close();
                }
            }
        }

        private delegate bool Exchange();

        /// <summary>Warm-up, then each exchange timed alone; microseconds, sorted. A failed exchange is an IOException.</summary>
        private double[] Measure(Exchange exchange)
        {
            for (int i = 0; i < WarmUp; i++)
            {
                Expect(exchange());
            }

            double[] micros = new double[exchanges];
            for (int i = 0; i < exchanges; i++)
            {
                long started = Stopwatch.GetTimestamp();
                bool ok = exchange();
                micros[i] = (Stopwatch.GetTimestamp() - started) * 1e6 / Stopwatch.Frequency;
                Expect(ok);
            }

            Array.Sort(micros);
            return micros;
        }

        private bool BareExchange(VpcdLink link)
        {
            int length;
            return link.Send(GetChallenge, 0, GetChallenge.Length)
                && link.Receive(response, 0, response.Length, WriteBoundMillis * MicrosPerMilli, out length) == VpcdReceiveResult.Frame
                && length == ResponseLength;
        }

        private static void ConnectWhenPresent(SCardManager manager, int context, string reader, out int handle, out int protocol)
        {
            Stopwatch waited = Stopwatch.StartNew();
            while (true)
            {
                int result = manager.Connect(context, reader, ScardConstants.ShareShared, ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1, out handle, out protocol);
                if (result == ScardError.Success)
                {
                    return;
                }

                if (waited.ElapsedMilliseconds > PeerBoundMillis)
                {
                    throw new IOException("vicc's card never came up in " + reader + ": " + ScardError.GetName(result));
                }

                Thread.Sleep(50);
            }
        }

        private static void Check(int result, string call)
        {
            if (result != ScardError.Success)
            {
                throw new IOException(call + ": " + ScardError.GetName(result));
            }
        }

        private static void Expect(bool ok)
        {
            if (!ok)
            {
                throw new IOException("a GET CHALLENGE round trip failed");
            }
        }
    }
}
