using System.Collections;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>
    /// One SCardEstablishContext: its scope, the card handles opened through it and its blocked calls.
    /// <see cref="Handles"/> is guarded by the manager lock; the blocked calls by a private leaf lock,
    /// so <see cref="CancelAll"/> can run from any thread, with or without the manager lock.
    /// </summary>
    internal sealed class ScardContext
    {
        public int Id;
        public int Scope;

        /// <summary>The CardHandle objects of this context (open or connecting).</summary>
        public readonly ArrayList Handles = new ArrayList();

        private readonly ArrayList waits = new ArrayList();
        private bool closed;

        /// <summary>
        /// Registers a blocking call of this context. Call it before evaluating the condition waited
        /// for, and always pair it with <see cref="EndWait"/> (try/finally). After <see cref="Close"/>
        /// the wait comes back already cancelled, so a call racing ReleaseContext cannot block.
        /// </summary>
        public BlockingWait BeginWait()
        {
            BlockingWait wait = new BlockingWait();
            lock (waits)
            {
                if (closed)
                {
                    wait.Cancel();
                }
                else
                {
                    waits.Add(wait);
                }
            }

            return wait;
        }

        public void EndWait(BlockingWait wait)
        {
            lock (waits)
            {
                waits.Remove(wait);
            }
        }

        /// <summary>
        /// SCardCancel: every call of this context blocked now (or registered and about to block) returns
        /// SCARD_E_CANCELLED. Like pcsc-lite and Windows, a call that starts afterwards is not affected.
        /// </summary>
        public void CancelAll()
        {
            lock (waits)
            {
                for (int i = 0; i < waits.Count; i++)
                {
                    ((BlockingWait)waits[i]).Cancel();
                }
            }
        }

        /// <summary>How many calls of this context are registered to block right now.</summary>
        public int BlockedCalls
        {
            get
            {
                lock (waits)
                {
                    return waits.Count;
                }
            }
        }

        /// <summary>SCardReleaseContext: cancels every blocked call and every later one.</summary>
        public void Close()
        {
            lock (waits)
            {
                closed = true;
            }

            CancelAll();
        }
    }
}
