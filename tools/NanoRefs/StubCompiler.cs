using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace EmbeddedSmartCard.Tools.NanoRefs;

/// <summary>
/// Compiles the stub source of every package in dependency order: mscorlib as the core library
/// (no references, runtime metadata version v4.0.30319 as CoreLibrary's coreAssembly.rsp says),
/// every other assembly against the in-memory images of the ones it references.
/// </summary>
public sealed class StubCompiler
{
    private const string RuntimeMetadataVersion = "v4.0.30319";

    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithAllowUnsafe(true)
        .WithNullableContextOptions(NullableContextOptions.Disable)
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithDeterministic(true)
        .WithGeneralDiagnosticOption(ReportDiagnostic.Suppress);

    private readonly ApiTable _table;
    private readonly Dictionary<string, MetadataReference> _images = new(StringComparer.Ordinal);

    public StubCompiler(ApiTable table)
    {
        _table = table;
    }

    /// <summary>Compiles <paramref name="package"/> and returns its image; the source written is kept in <paramref name="source"/>.</summary>
    public byte[] Compile(NanoPackage package, IReadOnlyList<NanoPackage> all, out string source)
    {
        var references = NanoPackageCatalog.Closure(all, new[] { package.Id })
            .Where(p => p.Assembly != package.Assembly)
            .Select(p => _images[p.Assembly])
            .ToList();

        var explicitImplementations = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        source = new StubWriter(_table, explicitImplementations).Write(package.Assembly);
        var compilation = CreateCompilation(package.Assembly, source, references);

        // Explicit interface implementations are private in metadata, so the data cannot show
        // them: find what each type leaves unimplemented and write it, then compile again.
        if (CollectMissingImplementations(compilation, explicitImplementations))
        {
            source = new StubWriter(_table, explicitImplementations).Write(package.Assembly);
            compilation = CreateCompilation(package.Assembly, source, references);
        }

        using var image = new MemoryStream();
        var emitOptions = new EmitOptions(runtimeMetadataVersion: RuntimeMetadataVersion);
        var result = compilation.Emit(image, options: emitOptions);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
            throw new InvalidOperationException($"Stub {package.Assembly} does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }

        var bytes = image.ToArray();
        _images[package.Assembly] = MetadataReference.CreateFromImage(bytes);
        return bytes;
    }

    private static CSharpCompilation CreateCompilation(string assembly, string source, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assembly,
            new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: assembly + ".cs") },
            references,
            Options);

    private static bool CollectMissingImplementations(CSharpCompilation compilation, Dictionary<string, List<string>> implementations)
    {
        var found = false;
        foreach (var type in AllTypes(compilation.Assembly.GlobalNamespace).Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct))
        {
            foreach (var (face, member) in UnimplementedInterfaceMembers(type))
            {
                var key = type.GetDocumentationCommentId()!.Substring(2);
                if (!implementations.TryGetValue(key, out var list))
                {
                    implementations[key] = list = new List<string>();
                }

                list.Add(ExplicitImplementation(face, member));
                found = true;
            }
        }

        return found;
    }

    /// <summary>Members of the interfaces the type adds (not those its base class already brings) that nothing implements.</summary>
    private static IEnumerable<(INamedTypeSymbol Face, ISymbol Member)> UnimplementedInterfaceMembers(INamedTypeSymbol type)
    {
        var inherited = type.BaseType?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty;
        return from face in type.AllInterfaces
               where !inherited.Contains(face, SymbolEqualityComparer.Default)
               from member in face.GetMembers()
               where IsImplementable(member) && type.FindImplementationForInterfaceMember(member) == null
               select (face, member);
    }

    private static bool IsImplementable(ISymbol member) =>
        member.IsAbstract && (member is IPropertySymbol or IEventSymbol || member is IMethodSymbol { MethodKind: MethodKind.Ordinary });

    private static string ExplicitImplementation(INamedTypeSymbol face, ISymbol member)
    {
        var faceName = face.ToDisplayString(TypeFormat);
        switch (member)
        {
            case IMethodSymbol method:
                return $"{Display(method.ReturnType)} {faceName}.{method.Name}({Parameters(method.Parameters)}) {{ throw null; }}";
            case IPropertySymbol property:
                var name = property.IsIndexer ? $"this[{Parameters(property.Parameters)}]" : property.Name;
                var get = property.GetMethod != null ? "get { throw null; } " : string.Empty;
                var set = property.SetMethod != null ? "set { } " : string.Empty;
                return $"{Display(property.Type)} {faceName}.{name} {{ {get}{set}}}";
            case IEventSymbol e:
                return $"event {Display(e.Type)} {faceName}.{e.Name} {{ add {{ }} remove {{ }} }}";
            default:
                throw new NotSupportedException(member.ToString());
        }
    }

    private static string Parameters(IEnumerable<IParameterSymbol> parameters) =>
        string.Join(", ", parameters.Select(p => RefKindPrefix(p) + Display(p.Type) + " " + p.Name));

    private static string RefKindPrefix(IParameterSymbol p) => p.RefKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        _ => p.IsParams ? "params " : string.Empty,
    };

    private static string Display(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (var nested in AllTypes(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}
