using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK005: <c>ConfigureAwait(false)</c> directly inside an async lambda given to ThreadKit (a worker, a loop item, a
/// pool job), where the continuation then runs on the thread pool instead of the named thread.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfigureAwaitInBodyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ConfigureAwaitInBody);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(Analyze, OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var call = (IInvocationOperation)context.Operation;
        if (call.TargetMethod.Name != "ConfigureAwait"
            || !Symbols.IsTaskLike(call.TargetMethod.ContainingType)
            || call.Arguments.Length != 1
            || call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: false })
        {
            return;
        }

        // The nearest function decides: an await in a lambda nested inside the body runs wherever that lambda runs.
        var function = Symbols.NearestFunction(call);
        if (function is IAnonymousFunctionOperation { Symbol.IsAsync: true } body && Symbols.ThreadKitCallTaking(body) is { } runner)
        {
            var location = call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? Location.Create(call.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.OperatorToken.SpanStart, call.Syntax.Span.End))
                : call.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Rules.ConfigureAwaitInBody, location, runner.TargetMethod.ContainingType.Name + "." + runner.TargetMethod.Name));
        }
    }
}
