namespace EmbeddedSmartCard.Boards.Profiles
{
    /// <summary>The door outputs a profile wires, by role; the role is also the settings key that moves it.</summary>
    public static class OutputRole
    {
        /// <summary>The door strike relay.</summary>
        public const string Relay = "relay";

        public const string LedGreen = "led.green";

        public const string LedRed = "led.red";

        public const string Buzzer = "buzzer";

        /// <summary>Every role, as usage and error text list them.</summary>
        public const string Names = Relay + ", " + LedGreen + ", " + LedRed + ", " + Buzzer;

        /// <summary>Every role, in the order profiles list them.</summary>
        public static readonly string[] All = { Relay, LedGreen, LedRed, Buzzer };

        /// <summary>Position of <paramref name="role"/> in <see cref="All"/>, or -1 when it is no role.</summary>
        public static int IndexOf(string role)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i] == role)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
