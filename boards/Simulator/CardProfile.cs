namespace EmbeddedSmartCard.Boards.Simulator
{
    /// <summary>How the simulated card answers a PPS request it could accept (ISO 7816-3 §9.3, reference §1.7).</summary>
    public enum PpsAnswer
    {
        /// <summary>Echo the request: the proposed protocol and rates apply.</summary>
        Echo = 0,

        /// <summary>Answer with PPS1 left out (PPS0 b5 cleared): the protocol applies, the rates stay Fd/Dd.</summary>
        WithoutPps1 = 1,

        /// <summary>No answer at all (the reader times out).</summary>
        Silence = 2,

        /// <summary>An answer that is not a valid PPS response.</summary>
        Garbage = 3,
    }

    /// <summary>
    /// What a simulated card is: its ATR (built from the fields below, or given whole in <see cref="CustomAtr"/>)
    /// and the behaviour behind it. The fields govern the card's behaviour in every case, so a custom ATR
    /// should say the same thing. The presets are the cards the tests use most.
    /// </summary>
    public sealed class CardProfile
    {
        /// <summary>A card clock for lines without a CLK contact (a card served over a serial device).</summary>
        public const int DefaultClockHz = 3571200;

        /// <summary>True for an inverse-convention card (TS = 3F).</summary>
        public bool InverseConvention;

        /// <summary>The card speaks T=0.</summary>
        public bool OffersT0 = true;

        /// <summary>The card speaks T=1 (announced after T=0 when both are offered, so T=0 is the default protocol).</summary>
        public bool OffersT1;

        /// <summary>When true the ATR carries TA2: the card is in specific mode with <see cref="SpecificProtocol"/> at TA1's rates.</summary>
        public bool SpecificMode;

        /// <summary>The protocol (0 or 1) of the specific mode.</summary>
        public int SpecificProtocol;

        /// <summary>TA1 = FI|DI: the fastest rates the card supports (11 = Fd/Dd, left out of the ATR).</summary>
        public byte Ta1 = CardRates.DefaultFiDi;

        /// <summary>TC1 = N, extra guard time integer (0 is left out of the ATR).</summary>
        public int ExtraGuardTime;

        /// <summary>TC2 = WI, the T=0 waiting time integer (10, the default, is left out of the ATR).</summary>
        public int WaitingTimeInteger = 10;

        /// <summary>TA3 = IFSC, the largest information field the card accepts (T=1).</summary>
        public int Ifsc = 32;

        /// <summary>TB3 high nibble: BWI (T=1).</summary>
        public int BlockWaitingInteger = 4;

        /// <summary>TB3 low nibble: CWI (T=1).</summary>
        public int CharacterWaitingInteger = 13;

        /// <summary>TC3 b1: CRC instead of LRC as the T=1 epilogue.</summary>
        public bool UseCrc;

        /// <summary>Historical bytes T1..TK (at most 15).</summary>
        public byte[] HistoricalBytes = new byte[] { 0x80, 0x31, 0x80, 0x65, 0xB0 };

        /// <summary>When not null, sent as the ATR instead of the one built from the fields.</summary>
        public byte[] CustomAtr;

        /// <summary>Delay from the RST rising edge to the TS start bit, in clock cycles (400..40 000, ISO 7816-3 §6.2.2).</summary>
        public int AtrDelayClocks = 1000;

        /// <summary>How an acceptable PPS request is answered.</summary>
        public PpsAnswer PpsAnswer = PpsAnswer.Echo;

        /// <summary>Under T=0, acknowledge data one byte at a time with ~INS instead of all at once with INS.</summary>
        public bool T0AcknowledgeEachByte;

        /// <summary>The PIN VERIFY compares with (reference data 81).</summary>
        public byte[] Pin = new byte[] { 0x31, 0x32, 0x33, 0x34 };

        /// <summary>Wrong PIN presentations allowed before the PIN blocks.</summary>
        public int PinTries = 3;

        /// <summary>The card identifier of the door-access applet; null when the card has no such applet.</summary>
        public byte[] AccessCardId;

        /// <summary>The per-card key the access applet was personalised with (CardKeyDerivation); null when it holds none.</summary>
        public byte[] AccessKey;

        /// <summary>
        /// When true, EF 2F00 is EF.DIR, records listing the card's applications (<see cref="CardApplications"/>),
        /// instead of the 64-byte transparent pattern file the transport tests read, and the MF holds a PSE.
        /// </summary>
        public bool ApplicationDirectory;

        /// <summary>A direct-convention T=0 card at the default rates (the most common card).</summary>
        public static CardProfile DirectT0()
        {
            return new CardProfile();
        }

        /// <summary>A fast T=1 card: TA1 = 96 (F = 512, D = 32), IFSC 254, LRC.</summary>
        public static CardProfile FastT1()
        {
            CardProfile profile = new CardProfile();
            profile.OffersT0 = false;
            profile.OffersT1 = true;
            profile.Ta1 = 0x96;
            profile.Ifsc = 254;
            profile.BlockWaitingInteger = 4;
            profile.CharacterWaitingInteger = 5;
            return profile;
        }

        /// <summary>An inverse-convention T=0 card (TS = 3F).</summary>
        public static CardProfile InverseT0()
        {
            CardProfile profile = new CardProfile();
            profile.InverseConvention = true;
            return profile;
        }

        /// <summary>A card offering T=0 (default) and T=1 at TA1 = 13 (38 400 bd at 3.5712 MHz).</summary>
        public static CardProfile DualT0T1()
        {
            CardProfile profile = new CardProfile();
            profile.OffersT1 = true;
            profile.Ta1 = 0x13;
            profile.Ifsc = 128;
            return profile;
        }

        /// <summary>The ATR this profile sends (logical bytes, TS first).</summary>
        public byte[] BuildAtr()
        {
            return CustomAtr != null ? CustomAtr : CardAtrBuilder.Build(this);
        }

        /// <summary>The protocol used when no PPS selects one: TA2's in specific mode, else the first offered (T=0 before T=1).</summary>
        public int DefaultProtocol
        {
            get
            {
                if (SpecificMode)
                {
                    return SpecificProtocol;
                }

                return OffersT0 ? 0 : 1;
            }
        }

        /// <summary>True when the card speaks protocol <paramref name="t"/>.</summary>
        public bool Offers(int t)
        {
            return (t == 0 && OffersT0) || (t == 1 && OffersT1);
        }
    }
}
