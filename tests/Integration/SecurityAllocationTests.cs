using System;
using EmbeddedSmartCard.Firmware.Security;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace EmbeddedSmartCard.Tests.Integration
{
    /// <summary>
    /// Hashing, MACs and the challenge check allocate nothing once their objects exist (.NET only: the
    /// thread's allocation counter). As in ManagerRig, a window may see bytes of the tiered JIT while it
    /// re-compiles the path, so up to <see cref="MaxWindows"/> windows are measured and the first clean one ends it.
    /// </summary>
    [TestClass]
    public class SecurityAllocationTests
    {
        private const int WarmUpRounds = 200;
        private const int MeasuredRounds = 50;
        private const int MaxWindows = 40;

        private readonly byte[] _message = new byte[1000];
        private readonly byte[] _key = new byte[100];
        private readonly byte[] _cardId = new byte[7];
        private readonly byte[] _output = new byte[HmacSha256.MacLength];
        private readonly Sha256 _sha = new Sha256();
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly CardKeyDerivation _derivation = new CardKeyDerivation();
        private readonly AccessResponse _response = new AccessResponse();
        private AccessChallenge _challenge;

        [TestMethod]
        public void Sha256AllocatesNothingPerBlock()
        {
            AssertAllocatesNothing(HashOnce);
        }

        [TestMethod]
        public void HmacDerivationAndChallengeCheckAllocateNothing()
        {
            _challenge = new AccessChallenge(new ZeroChallengeSource());
            AssertAllocatesNothing(AuthenticateOnce);
        }

        private void HashOnce()
        {
            _sha.Update(_message, 0, _message.Length);
            _sha.Finish(_output, 0);
        }

        private void AuthenticateOnce()
        {
            _hmac.Start(_key, 0, _key.Length);
            _hmac.Update(_message, 0, _message.Length);
            _hmac.Finish(_output, 0);
            _derivation.Derive(_key, 0, 32, _cardId, 0, _cardId.Length, _output, 0);
            byte[] challenge = _challenge.Next();
            _response.Compute(_output, 0, CardKeyDerivation.KeyLength, challenge, 0, challenge.Length, _cardId, 0, _cardId.Length, _message, 0);
            Assert.IsTrue(_challenge.Verify(_output, 0, CardKeyDerivation.KeyLength, _cardId, 0, _cardId.Length, _message, 0, AccessResponse.Length));
        }

        private static void AssertAllocatesNothing(Action round)
        {
            Repeat(round, WarmUpRounds);
            string windows = "";
            for (int window = 0; window < MaxWindows; window++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Repeat(round, MeasuredRounds);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated == 0)
                {
                    return;
                }

                windows += " " + allocated;
            }

            Assert.Fail("bytes allocated per window of " + MeasuredRounds + " rounds:" + windows);
        }

        private static void Repeat(Action round, int count)
        {
            for (int i = 0; i < count; i++)
            {
                round();
            }
        }

        private sealed class ZeroChallengeSource : IChallengeSource
        {
            public void Fill(byte[] buffer, int offset, int count)
            {
                Array.Clear(buffer, offset, count);
            }
        }
    }
}
