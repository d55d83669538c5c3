namespace EmbeddedSmartCard.Tests.Integration.EndToEnd
{
    /// <summary>Where a suite's [TestClass] runs: the simulator (always) or the real board the environment describes.</summary>
    public enum ReaderTarget
    {
        Simulator,
        RealBoard,
    }
}
