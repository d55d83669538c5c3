using System.Diagnostics;
using System.Threading;
using EmbeddedSmartCard.Boards.NanoFramework;
using EmbeddedSmartCard.Boards.Profiles;
using EmbeddedSmartCard.Hal.Storage;
using EmbeddedSmartCard.Manager;

namespace EmbeddedSmartCard.Firmware.DoorAccess.Nano
{
    /// <summary>
    /// The door controller on a nanoFramework ESP32 (<see cref="NanoDoorSite"/>): the profile's PN532 reader and
    /// door outputs through <see cref="NanoHardware"/>, the audit log on the I2C FRAM, challenges from the hardware
    /// RNG, and <see cref="DoorController"/> deciding every presentation, each decision written to the debug
    /// output. A log that cannot be opened leaves the door shut: the controller grants nothing it cannot record.
    /// </summary>
    public static class NanoProgram
    {
        public static void Main()
        {
            NanoHardware hardware = NanoHardware.Esp32();
            ProfileBoard board = ProfileBoard.Build(ProfileCatalog.Find(NanoDoorSite.ProfileName), hardware);
            AuditLog log = OpenLog(hardware);
            DoorOutputs outputs = new DoorOutputs(hardware.Clock, board.GetOutput(OutputRole.Relay),
                board.GetOutput(OutputRole.LedGreen), board.GetOutput(OutputRole.LedRed), board.GetOutput(OutputRole.Buzzer));
            DoorController controller = new DoorController(new SCardManager(board), NanoDoorSite.Configuration(),
                new HardwareRandomChallengeSource(), log, outputs, hardware.Clock);
            controller.DecisionMade += OnDecision;
            int result = controller.Start();
            if (result == ScardError.Success)
            {
                controller.Run();
            }
            else
            {
                Debug.WriteLine("door: the controller did not start: " + ScardError.GetName(result));
            }

            // A device program does not return.
            Thread.Sleep(Timeout.Infinite);
        }

        private static AuditLog OpenLog(NanoHardware hardware)
        {
            I2cMemoryAppendStorage storage = new I2cMemoryAppendStorage(hardware.OpenI2c(NanoDoorSite.FramWiring()), NanoDoorSite.FramChip());
            AuditLog log = new AuditLog(storage);
            if (!storage.Open() || log.Open() != AuditLogStatus.Ok)
            {
                Debug.WriteLine("door: the audit FRAM cannot be read; every card will be denied");
            }

            return log;
        }

        private static void OnDecision(DoorDecision decision)
        {
            Debug.WriteLine(DoorDecisionText.Format("door", decision));
        }
    }
}
