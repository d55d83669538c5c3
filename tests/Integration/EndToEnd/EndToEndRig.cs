using System;
using EmbeddedSmartCard.Boards;
using EmbeddedSmartCard.Boards.Linux;
using EmbeddedSmartCard.Manager;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>Our manager over the board of a <see cref="ReaderUnderTest"/>, built from its spec by BoardFactory, with the suite's reader picked.</summary>
    public sealed class EndToEndRig : ManagerRig
    {
        public readonly ReaderUnderTest Target;

        public readonly IBoard Board;

        /// <summary>The reader's name as the manager lists it.</summary>
        public readonly string Reader;

        public EndToEndRig(ReaderUnderTest target)
            : this(BoardFactory.Create(target.BoardSpec), target)
        {
        }

        private EndToEndRig(IBoard board, ReaderUnderTest target)
            : base(new SCardManager(board), board)
        {
            Target = target;
            Board = board;
            string[] names;
            Assert.AreEqual(ScardError.Success, Manager.ListReaders(Context, out names), "readers of " + target.BoardSpec);
            Reader = target.PickReader(names);
        }

        /// <summary>Connects in shared mode offering only <paramref name="protocols"/>; returns the handle and the active protocol.</summary>
        public int Connect(int protocols, out int protocol)
        {
            int handle;
            int result = Manager.Connect(Context, Reader, ScardConstants.ShareShared, protocols, out handle, out protocol);
            Assert.AreEqual(ScardError.GetName(ScardError.Success), ScardError.GetName(result), "connect to " + Reader);
            return handle;
        }

        public void Disconnect(int handle, int disposition)
        {
            Assert.AreEqual(ScardError.GetName(ScardError.Success), ScardError.GetName(Manager.Disconnect(handle, disposition)), "disconnect " + disposition);
        }

        /// <summary>Sends <paramref name="commandHex"/>; returns the whole response, failing the test when the exchange is not a success.</summary>
        public byte[] Exchange(int handle, int protocol, string commandHex)
        {
            int result;
            byte[] response = TryExchange(handle, protocol, commandHex, out result);
            Assert.AreEqual(ScardError.GetName(ScardError.Success), ScardError.GetName(result), commandHex);
            Assert.IsTrue(response.Length >= 2, commandHex + ": a response ends with SW1 SW2 (ISO 7816-4 §5.1)");
            return response;
        }

        /// <summary>Sends <paramref name="commandHex"/>; returns the response (empty unless <paramref name="result"/> is success).</summary>
        public byte[] TryExchange(int handle, int protocol, string commandHex, out int result)
        {
            byte[] command = Convert.FromHexString(commandHex.Replace(" ", ""));
            byte[] response = new byte[ScardConstants.MaxBufferSize];
            int length;
            result = Manager.Transmit(handle, protocol, command, 0, command.Length, response, 0, response.Length, out length);
            byte[] answer = new byte[result == ScardError.Success ? length : 0];
            Array.Copy(response, answer, answer.Length);
            return answer;
        }
    }
}
