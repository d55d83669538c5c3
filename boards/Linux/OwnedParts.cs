using System;
using System.Collections.Generic;

namespace EmbeddedSmartCard.Boards.Linux
{
    /// <summary>The hardware a board opened so far, released in reverse order on Dispose or when building the board fails.</summary>
    internal sealed class OwnedParts
    {
        private readonly List<IDisposable> items = new List<IDisposable>();

        public T Own<T>(T part) where T : IDisposable
        {
            items.Add(part);
            return part;
        }

        public void DisposeAll()
        {
            for (int i = items.Count - 1; i >= 0; i--)
            {
                items[i].Dispose();
            }
            items.Clear();
        }
    }
}
