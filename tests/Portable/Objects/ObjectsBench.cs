using EmbeddedSmartCard.Boards.Simulator;
using EmbeddedSmartCard.Manager;
using EmbeddedSmartCard.Manager.Objects;

namespace EmbeddedSmartCard.Tests.Objects
{
    /// <summary>A call expected to throw.</summary>
    internal delegate void ThrowingCall();

    /// <summary>A manager over a two-slot simulator board and one object-API context on it.</summary>
    internal sealed class ObjectsBench
    {
        public const string SelectMf = "00 A4 00 0C 02 3F 00";

        public readonly SimulatorBoard Board;
        public readonly SCardManager Manager;
        public readonly CardContext Context;

        public ObjectsBench()
        {
            Board = new SimulatorBoard(2);
            Manager = new SCardManager(Board);
            Context = new CardContext(Manager);
        }

        public string ReaderName(int slot)
        {
            return Manager.Readers.Get(slot).Name;
        }

        public SimulatedCard Insert(int slot, CardProfile profile)
        {
            SimulatedCard card = new SimulatedCard(profile);
            Board.GetSlot(slot).Insert(card);
            return card;
        }

        public CardConnection Connect(int slot, int shareMode)
        {
            return Context.Connect(ReaderName(slot), shareMode, ScardConstants.ProtocolAny);
        }

        /// <summary>The response of a hex command, in hex.</summary>
        public static string Send(CardConnection connection, string command)
        {
            return TestSupport.ToHex(connection.Transmit(TestSupport.Hex(command)));
        }

        /// <summary>The exception <paramref name="call"/> throws, or null when it returns.</summary>
        public static PcscException Catch(ThrowingCall call)
        {
            try
            {
                call();
                return null;
            }
            catch (PcscException e)
            {
                return e;
            }
        }

        /// <summary>The code name of what <paramref name="call"/> throws, "none" when it returns.</summary>
        public static string CodeOf(ThrowingCall call)
        {
            PcscException thrown = Catch(call);
            return thrown == null ? "none" : thrown.CodeName;
        }
    }
}
