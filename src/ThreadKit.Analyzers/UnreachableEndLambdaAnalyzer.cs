using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK007: a non-async block lambda with no <c>return</c> that C# bound to a task-returning delegate of a ThreadKit call
/// which also takes a <c>void</c> one. That happens when the lambda's end cannot be reached (<c>while (true)</c>, or a
/// final <c>throw</c>): any return type fits it, and C# prefers the delegate that returns a value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreachableEndLambdaAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.UnreachableEndLambda);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(Analyze, OperationKind.AnonymousFunction);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var function = (IAnonymousFunctionOperation)context.Operation;
        if (function.Symbol.IsAsync
            || !Symbols.IsTaskLike(function.Symbol.ReturnType)
            || BlockOf(function.Syntax) is not { } block
            || ContainsOwnReturn(block)
            || Symbols.ThreadKitCallTaking(function) is not { } call
            || !HasVoidAlternative(call, function))
        {
            return;
        }

        var bound = function.Parent is IDelegateCreationOperation creation ? creation.Type : null;
        context.ReportDiagnostic(Diagnostic.Create(
            Rules.UnreachableEndLambda,
            function.Syntax is LambdaExpressionSyntax lambda ? lambda.ArrowToken.GetLocation() : function.Syntax.GetFirstToken().GetLocation(),
            bound?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "Func<Task>",
            ActionFor(function.Symbol)));
    }

    internal static BlockSyntax? BlockOf(SyntaxNode syntax) => syntax switch
    {
        LambdaExpressionSyntax { Block: { } block } => block,
        AnonymousMethodExpressionSyntax { Block: { } block } => block,
        _ => null,
    };

    /// <summary>The <c>Action</c> type with the lambda's parameters, which a cast names.</summary>
    internal static string ActionFor(IMethodSymbol lambda) => lambda.Parameters.Length == 0
        ? "Action"
        : "Action<" + string.Join(", ", lambda.Parameters.Select(static p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))) + ">";

    private static bool ContainsOwnReturn(BlockSyntax block) =>
        block.DescendantNodes(static node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Any(static node => node is ReturnStatementSyntax);

    /// <summary>Whether the called method's type has an overload of the same name taking a <c>void</c> delegate at this argument.</summary>
    private static bool HasVoidAlternative(IInvocationOperation call, IAnonymousFunctionOperation function)
    {
        var argument = call.Arguments.FirstOrDefault(a => a.Value.Descendants().Contains(function) || a.Value == function);
        if (argument?.Parameter is not { } parameter)
        {
            return false;
        }

        return call.TargetMethod.ContainingType.GetMembers(call.TargetMethod.Name).OfType<IMethodSymbol>().Any(method =>
            method.Parameters.Length > parameter.Ordinal
            && method.Parameters[parameter.Ordinal].Type is INamedTypeSymbol { DelegateInvokeMethod: { ReturnsVoid: true } invoke }
            && invoke.Parameters.Length == function.Symbol.Parameters.Length);
    }
}
