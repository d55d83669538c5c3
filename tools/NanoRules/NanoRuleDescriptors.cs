using Microsoft.CodeAnalysis;

namespace EmbeddedSmartCard.Tools.NanoRules
{
    /// <summary>The rules of the portable subset the reference assemblies alone cannot enforce (docs/portability.md).</summary>
    internal static class NanoRuleDescriptors
    {
        private const string Category = "Portability";

        public static readonly DiagnosticDescriptor GenericDeclaration = new DiagnosticDescriptor(
            "NANO001",
            "Generic declaration",
            "'{0}' declares type parameters: portable code targets nanoFramework 1.x, which has no generics",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor GenericUse = new DiagnosticDescriptor(
            "NANO002",
            "Generic type or method used",
            "'{0}' is a generic type or method: portable code targets nanoFramework 1.x, which has no generics (use object, ArrayList, Hashtable or a non-generic delegate)",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor MultiDimensionalArray = new DiagnosticDescriptor(
            "NANO003",
            "Multi-dimensional array",
            "'{0}' is a multi-dimensional array: nanoFramework 1.x supports only single-dimensional (and jagged) arrays",
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true);
    }
}
