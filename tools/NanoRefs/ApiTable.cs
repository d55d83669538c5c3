namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>One data row of nanoframework-1x-api.tsv (format: nanoframework/README.md "TSV format").</summary>
public sealed record ApiRow(string Assembly, string Package, string Version, string Kind, string DocId, string Signature)
{
    /// <summary>The doc ID without its "X:" prefix, parameter list and conversion suffix.</summary>
    public string QualifiedName
    {
        get
        {
            var name = DocId.Substring(2);
            var cut = name.IndexOfAny(new[] { '(', '~' });
            return cut < 0 ? name : name.Substring(0, cut);
        }
    }

    /// <summary>For a member row: the doc-ID name of the type that declares it.</summary>
    public string OwnerName => QualifiedName.Substring(0, QualifiedName.LastIndexOf('.'));

    /// <summary>For a member row: the member's own name (#ctor, op_Implicit, Chars ...).</summary>
    public string MemberName => QualifiedName.Substring(QualifiedName.LastIndexOf('.') + 1);
}

/// <summary>A type of the API data with its members and nested types, as the stub writer needs it.</summary>
public sealed class ApiType
{
    public ApiType(ApiRow row)
    {
        Row = row;
    }

    public ApiRow Row { get; }

    /// <summary>Doc-ID name, e.g. <c>System.Action`1</c> or <c>System.IO.IOException.IOExceptionErrorCode</c>.</summary>
    public string FullName => Row.QualifiedName;

    public ApiType? Parent { get; set; }

    public List<ApiRow> Members { get; } = new();

    public List<ApiType> Nested { get; } = new();

    /// <summary>Name without namespace, parents or generic arity.</summary>
    public string SimpleName
    {
        get
        {
            var name = FullName.Substring(FullName.LastIndexOf('.') + 1);
            var tick = name.IndexOf('`');
            return tick < 0 ? name : name.Substring(0, tick);
        }
    }

    /// <summary>The dotted namespace (empty for none); only meaningful for top-level types.</summary>
    public string Namespace
    {
        get
        {
            var dot = FullName.LastIndexOf('.');
            return dot < 0 ? string.Empty : FullName.Substring(0, dot);
        }
    }

    /// <summary>Signature with its bracketed prefixes ([Flags], [Obsolete], [ExcludeType]) removed.</summary>
    public string Declaration => Signatures.StripPrefixes(Row.Signature, out _);

    public string Kind
    {
        get
        {
            foreach (var word in Declaration.Split(' '))
            {
                if (word is "class" or "struct" or "interface" or "enum" or "delegate")
                {
                    return word;
                }
            }

            throw new FormatException("No type kind in: " + Row.Signature);
        }
    }

    /// <summary>Doc-ID name of the base class, for classes whose base is in the data (null for object or none).</summary>
    public string? BaseClassName
    {
        get
        {
            if (Kind != "class")
            {
                return null;
            }

            var colon = Declaration.IndexOf(" : ", StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            var first = Declaration.Substring(colon + 3).Split(',')[0].Trim();
            return first == "object" ? null : first;
        }
    }
}

/// <summary>The whole table, indexed by assembly and by type.</summary>
public sealed class ApiTable
{
    private ApiTable(List<ApiRow> rows)
    {
        Rows = rows;
        foreach (var row in rows.Where(r => r.Kind == "type"))
        {
            Types[row.QualifiedName] = new ApiType(row);
        }

        foreach (var type in Types.Values)
        {
            var dot = type.FullName.LastIndexOf('.');
            if (dot > 0 && Types.TryGetValue(type.FullName.Substring(0, dot), out var parent))
            {
                type.Parent = parent;
                parent.Nested.Add(type);
            }
        }

        // The owner comes from the doc ID, not from row order: a nested type's rows can sit
        // between its parent's members (nanoframework/GENERATING.md).
        foreach (var row in rows.Where(r => r.Kind != "type"))
        {
            Types[row.OwnerName].Members.Add(row);
        }
    }

    public List<ApiRow> Rows { get; }

    public Dictionary<string, ApiType> Types { get; } = new(StringComparer.Ordinal);

    public static ApiTable Load(string path)
    {
        var rows = new List<ApiRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 6)
            {
                throw new FormatException($"{path}: expected 6 tab-separated fields: {line}");
            }

            rows.Add(new ApiRow(f[0], f[1], f[2], f[3], f[4], f[5]));
        }

        return new ApiTable(rows);
    }

    public IEnumerable<ApiType> TopLevelTypes(string assembly) =>
        Types.Values.Where(t => t.Parent == null && t.Row.Assembly == assembly);
}
