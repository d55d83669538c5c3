using System.Text.RegularExpressions;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>Small rewrites that turn a TSV signature (README.md "signature") into compilable C#.</summary>
public static class Signatures
{
    private static readonly Regex Prefix = new(@"^\[(?<name>[A-Za-z]+)(?<arg>\([a-z]*\))?\]\s*", RegexOptions.Compiled);
    private static readonly Regex AutoAccessor = new(@"\b(?<accessor>get|set|init);", RegexOptions.Compiled);
    private static readonly Regex FloatLiteral = new(@"= (?<value>-?[0-9][0-9.E+\-]*)$", RegexOptions.Compiled);

    /// <summary>Removes the leading [Flags] / [Obsolete] / [Obsolete(error)] / [ExcludeType] markers and returns them as C# attributes.</summary>
    public static string StripPrefixes(string signature, out List<string> attributes)
    {
        attributes = new List<string>();
        var match = Prefix.Match(signature);
        while (match.Success)
        {
            var attribute = ToAttribute(match.Groups["name"].Value, match.Groups["arg"].Value);
            if (attribute != null)
            {
                attributes.Add(attribute);
            }

            signature = signature.Substring(match.Length);
            match = Prefix.Match(signature);
        }

        return signature;
    }

    private static string? ToAttribute(string name, string argument) => name switch
    {
        "Flags" => "[System.Flags]",
        "Obsolete" when argument == "(error)" => "[System.Obsolete(\"\", true)]",
        "Obsolete" => "[System.Obsolete]",
        // ExcludeType only matters to the metadata processor, never to the compiler.
        "ExcludeType" => null,
        _ => throw new FormatException("Unknown signature prefix [" + name + argument + "]"),
    };

    /// <summary>Gives every auto-accessor of a non-abstract property a stub body.</summary>
    public static string WithAccessorBodies(string property) =>
        AutoAccessor.Replace(property, m => m.Groups["accessor"].Value == "get" ? "get { throw null; }" : m.Groups["accessor"].Value + " { }");

    /// <summary>
    /// Makes a const field initializer valid C#: NaN and the infinities become expressions, and
    /// float literals get their F suffix (nanoframework/GENERATING.md).
    /// </summary>
    public static string FixConstant(string field)
    {
        var isFloat = field.Contains(" const float ", StringComparison.Ordinal);
        var suffix = isFloat ? "F" : "D";
        if (field.EndsWith("= NaN", StringComparison.Ordinal))
        {
            return field.Replace("= NaN", $"= 0.0{suffix} / 0.0{suffix}");
        }

        if (field.EndsWith("= -Infinity", StringComparison.Ordinal))
        {
            return field.Replace("= -Infinity", $"= -1.0{suffix} / 0.0{suffix}");
        }

        if (field.EndsWith("= Infinity", StringComparison.Ordinal))
        {
            return field.Replace("= Infinity", $"= 1.0{suffix} / 0.0{suffix}");
        }

        return isFloat ? FloatLiteral.Replace(field, m => "= " + m.Groups["value"].Value + "F") : field;
    }

    /// <summary>True when the signature's modifiers include <paramref name="modifier"/> (before the first parenthesis).</summary>
    public static bool HasModifier(string signature, string modifier)
    {
        var head = signature.Split('(')[0];
        return (" " + head + " ").Contains(" " + modifier + " ", StringComparison.Ordinal);
    }

    /// <summary>The parameter types of a doc ID, e.g. "System.String,System.Int32[]" for M:T.#ctor(System.String,System.Int32[]).</summary>
    public static string[] DocIdParameterTypes(string docId)
    {
        var open = docId.IndexOf('(');
        if (open < 0)
        {
            return Array.Empty<string>();
        }

        var inner = docId.Substring(open + 1, docId.LastIndexOf(')') - open - 1);
        return inner.Split(',').Select(p => p.TrimEnd('@')).ToArray();
    }
}
