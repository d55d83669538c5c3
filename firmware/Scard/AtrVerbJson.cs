using System.IO;
using System.Text;
using System.Text.Json;
using EmbeddedSmartCard.Drivers;

namespace EmbeddedSmartCard.Scard
{
    /// <summary>One ATR as one line of JSON, with the fields scripts rely on (named in the atr verb's usage).</summary>
    public static class AtrVerbJson
    {
        public static string Format(Atr atr)
        {
            using (MemoryStream stream = new MemoryStream())
            {
                using (Utf8JsonWriter json = new Utf8JsonWriter(stream))
                {
                    json.WriteStartObject();
                    json.WriteString("convention", AtrVerbText.ConventionName(atr.Convention));
                    WriteProtocols(json, atr.OfferedTypes);
                    json.WriteNumber("defaultProtocol", atr.DefaultProtocolType);
                    json.WriteBoolean("specificMode", atr.SpecificMode);
                    WriteNumberOrNull(json, "fi", atr.Fi);
                    WriteNumberOrNull(json, "di", atr.Di);
                    if (atr.FMaxHz == 0)
                    {
                        json.WriteNull("fmaxMHz");
                    }
                    else
                    {
                        json.WriteNumber("fmaxMHz", atr.FMaxHz / 1e6);
                    }

                    json.WriteNumber("n", atr.N);
                    json.WriteNumber("wi", atr.WI);
                    json.WriteNumber("ifsc", atr.Ifsc);
                    json.WriteNumber("cwi", atr.Cwi);
                    json.WriteNumber("bwi", atr.Bwi);
                    json.WriteString("edc", atr.UsesCrc ? "CRC" : "LRC");
                    json.WriteString("historical", AtrVerbText.Hex(atr.Bytes, atr.HistoricalOffset, atr.HistoricalLength));
                    json.WriteBoolean("tckPresent", atr.TckPresent);
                    json.WriteBoolean("tckValid", atr.TckValid);
                    WriteErrors(json, atr.Errors);
                    json.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        /// <summary>The offered protocol type numbers, e.g. [0, 1].</summary>
        private static void WriteProtocols(Utf8JsonWriter json, int offeredTypes)
        {
            json.WriteStartArray("protocols");
            for (int type = 0; type < 16; type++)
            {
                if ((offeredTypes & (1 << type)) != 0)
                {
                    json.WriteNumberValue(type);
                }
            }

            json.WriteEndArray();
        }

        /// <summary>Reserved Fi/Di codings have no value: null.</summary>
        private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int value)
        {
            if (value == 0)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteNumber(name, value);
            }
        }

        private static void WriteErrors(Utf8JsonWriter json, AtrError[] errors)
        {
            json.WriteStartArray("errors");
            foreach (AtrError error in errors)
            {
                json.WriteStartObject();
                json.WriteString("code", error.Code.ToString());
                json.WriteBoolean("structural", error.IsStructural);
                json.WriteNumber("position", error.Position);
                json.WriteString("message", error.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }
}
