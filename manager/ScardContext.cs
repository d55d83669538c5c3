using System.Collections;

namespace EmbeddedSmartCard.Manager
{
    /// <summary>One SCardEstablishContext: its scope and the card handles opened through it.</summary>
    internal sealed class ScardContext
    {
        public int Id;
        public int Scope;

        /// <summary>The CardHandle objects of this context (open or connecting).</summary>
        public readonly ArrayList Handles = new ArrayList();
    }
}
