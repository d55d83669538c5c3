using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace EmbeddedSmartCard.Tools.NanoRules
{
    /// <summary>
    /// Reports, at their file and line, the forms the C# compiler accepts against the nanoFramework
    /// reference assemblies although the nanoFramework 1.x subset excludes them: generic
    /// declarations, uses of generic types or methods (mscorlib 1.17.11 declares Action&lt;T&gt; and
    /// friends, but 1.x firmware is not meant to run generic code) and multi-dimensional arrays.
    /// Purely syntactic, so it costs next to nothing.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoSubsetAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            NanoRuleDescriptors.GenericDeclaration,
            NanoRuleDescriptors.GenericUse,
            NanoRuleDescriptors.MultiDimensionalArray);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxNodeAction(ReportGenericDeclaration, SyntaxKind.TypeParameterList);
            context.RegisterSyntaxNodeAction(ReportGenericUse, SyntaxKind.GenericName);
            context.RegisterSyntaxNodeAction(ReportMultiDimensionalArray, SyntaxKind.ArrayRankSpecifier);
        }

        private static void ReportGenericDeclaration(SyntaxNodeAnalysisContext context)
        {
            var declaration = context.Node.Parent;
            var name = declaration is BaseTypeDeclarationSyntax type ? type.Identifier.Text
                : declaration is MethodDeclarationSyntax method ? method.Identifier.Text
                : declaration is DelegateDeclarationSyntax handler ? handler.Identifier.Text
                : declaration is LocalFunctionStatementSyntax local ? local.Identifier.Text
                : declaration?.ToString() ?? string.Empty;
            context.ReportDiagnostic(Diagnostic.Create(NanoRuleDescriptors.GenericDeclaration, context.Node.GetLocation(), name + context.Node));
        }

        private static void ReportGenericUse(SyntaxNodeAnalysisContext context)
        {
            context.ReportDiagnostic(Diagnostic.Create(NanoRuleDescriptors.GenericUse, context.Node.GetLocation(), context.Node.ToString()));
        }

        private static void ReportMultiDimensionalArray(SyntaxNodeAnalysisContext context)
        {
            var rank = (ArrayRankSpecifierSyntax)context.Node;
            if (rank.Rank > 1)
            {
                var subject = context.Node.Parent?.ToString() ?? context.Node.ToString();
                context.ReportDiagnostic(Diagnostic.Create(NanoRuleDescriptors.MultiDimensionalArray, context.Node.GetLocation(), subject));
            }
        }
    }
}
