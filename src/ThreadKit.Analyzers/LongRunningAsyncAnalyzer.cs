using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK002: <c>Task.Factory.StartNew</c> with an async delegate and <c>TaskCreationOptions.LongRunning</c>. The
/// dedicated thread it starts runs the delegate only until its first await, and the result is a <c>Task&lt;Task&gt;</c>
/// whose outer task completes at that await.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LongRunningAsyncAnalyzer : DiagnosticAnalyzer
{
    private const int LongRunning = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.LongRunningAsync);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var options = start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCreationOptions");
            if (options is null)
            {
                return;
            }

            start.RegisterOperationAction(context => Analyze(context, options), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol creationOptions)
    {
        var call = (IInvocationOperation)context.Operation;
        if (call.TargetMethod is not { Name: "StartNew", ContainingType: { Name: "TaskFactory" } factory }
            || !factory.ContainingNamespace.ToDisplayString().Equals("System.Threading.Tasks", System.StringComparison.Ordinal))
        {
            return;
        }

        var longRunning = call.Arguments.Any(argument =>
            SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, creationOptions)
            && argument.Value.ConstantValue is { HasValue: true, Value: int flags }
            && (flags & LongRunning) != 0);
        if (longRunning && IsAsyncDelegate(call))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.LongRunningAsync, call.Syntax.GetLocation()));
        }
    }

    /// <summary>An async lambda, or any delegate that returns a task (whose thread is released at its first await).</summary>
    private static bool IsAsyncDelegate(IInvocationOperation call)
    {
        var body = call.Arguments.FirstOrDefault(static a => a.Parameter?.Type.TypeKind == TypeKind.Delegate);
        if (body is null)
        {
            return false;
        }

        var value = body.Value is IDelegateCreationOperation creation ? creation.Target : body.Value;
        return value is IAnonymousFunctionOperation { Symbol.IsAsync: true }
            || (body.Parameter!.Type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke } && Symbols.IsTaskLike(invoke.ReturnType));
    }
}
