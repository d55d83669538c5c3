using System.Collections;

namespace EmbeddedSmartCard.Drivers
{
    /// <summary>What the interface bytes mean (ISO 7816-3 §8.3 global bytes, §10.2 T=0, §11.4 T=1, T=15 class/clock stop).</summary>
    public sealed partial class Atr
    {
        private const int FirstSpecificGroup = 3;
        private const int IfscInvalidHigh = 0xFF;

        private void Interpret(ArrayList errors)
        {
            InterpretGlobal(errors);
            bool t1Ta = false;
            bool t1Tb = false;
            bool t1Tc = false;
            bool t15Ta = false;
            for (int i = FirstSpecificGroup; i <= GroupCount; i++)
            {
                int type = _td[i - 1] & 0x0F;
                if (type == Type1)
                {
                    InterpretT1(i, ref t1Ta, ref t1Tb, ref t1Tc, errors);
                }
                else if (type == GlobalParametersType && !t15Ta && _ta[i] >= 0)
                {
                    t15Ta = true;
                    InterpretClassAndClockStop(_ta[i]);
                }
            }
        }

        /// <summary>TA1 (Fi, Di), TC1 (N) and TC2 (WI); TB1/TB2 are deprecated and ignored (§8.3).</summary>
        private void InterpretGlobal(ArrayList errors)
        {
            if (_ta[1] >= 0)
            {
                Ta1 = _ta[1];
                if (Fi == 0)
                {
                    errors.Add(new AtrError(AtrErrorCode.RfuFi, 2, "TA1 = " + Ta1.ToString("X2") + ": FI = " + FiIndex.ToString("X1") + " is reserved"));
                }

                if (Di == 0)
                {
                    errors.Add(new AtrError(AtrErrorCode.RfuDi, 2, "TA1 = " + Ta1.ToString("X2") + ": DI = " + DiIndex.ToString("X1") + " is reserved"));
                }
            }

            if (_tc[1] >= 0)
            {
                N = _tc[1];
            }

            if (_tc[2] >= 0)
            {
                if (_tc[2] == 0)
                {
                    errors.Add(new AtrError(AtrErrorCode.RfuWi, PositionOf(_tc, 2), "TC2 = 00: WI = 0 is reserved (default 10 used)"));
                }
                else
                {
                    WI = _tc[2];
                }
            }
        }

        /// <summary>The first TA, TB and TC after a TD announcing T=1 give IFSC, CWI/BWI and the EDC (§11.4).</summary>
        private void InterpretT1(int i, ref bool taSeen, ref bool tbSeen, ref bool tcSeen, ArrayList errors)
        {
            if (!taSeen && _ta[i] >= 0)
            {
                taSeen = true;
                if (_ta[i] == 0 || _ta[i] == IfscInvalidHigh)
                {
                    errors.Add(new AtrError(AtrErrorCode.RfuIfsc, PositionOf(_ta, i),
                        "TA" + i.ToString() + " = " + _ta[i].ToString("X2") + ": IFSC must be 01..FE (default 32 used)"));
                }
                else
                {
                    Ifsc = _ta[i];
                }
            }

            if (!tbSeen && _tb[i] >= 0)
            {
                tbSeen = true;
                Cwi = _tb[i] & 0x0F;
                Bwi = _tb[i] >> 4;
            }

            if (!tcSeen && _tc[i] >= 0)
            {
                tcSeen = true;
                UsesCrc = (_tc[i] & 0x01) != 0;
            }
        }

        private void InterpretClassAndClockStop(int ta)
        {
            GlobalTa15Present = true;
            ClockStop = ta >> 6;
            Classes = ta & 0x3F;
        }

        /// <summary>Index within the ATR of an interface byte known to be present (for error positions), counting in reading order.</summary>
        private int PositionOf(int[] store, int group)
        {
            int position = 2;
            for (int i = 1; i < group; i++)
            {
                position += CountPresent(i);
            }

            if (store != _ta && _ta[group] >= 0)
            {
                position++;
            }

            if (store == _tc && _tb[group] >= 0)
            {
                position++;
            }

            return position;
        }

        private int CountPresent(int group)
        {
            int count = 0;
            count += _ta[group] >= 0 ? 1 : 0;
            count += _tb[group] >= 0 ? 1 : 0;
            count += _tc[group] >= 0 ? 1 : 0;
            count += _td[group] >= 0 ? 1 : 0;
            return count;
        }
    }
}
