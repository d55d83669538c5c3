namespace EmbeddedSmartCard.Manager.Iso7816
{
    /// <summary>Where the session's lines go: Console on .NET, Debug output on a board.</summary>
    public interface ISessionOutput
    {
        void WriteLine(string line);
    }
}
