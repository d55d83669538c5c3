namespace EmbeddedSmartCard.Firmware.DoorAccess
{
    /// <summary>Told of each decision once it is logged and shown on the outputs.</summary>
    public delegate void DoorDecisionHandler(DoorDecision decision);
}
