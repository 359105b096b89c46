using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK003: an override of <c>BackgroundService.ExecuteAsync</c> that blocks: a loop with no await in it, or
/// <c>Thread.Sleep</c>, <c>.Wait()</c>, <c>.Result</c>, <c>GetAwaiter().GetResult()</c> or
/// <c>BlockingCollection.Take</c>. Such a service holds a thread-pool thread for as long as it runs, and the host's
/// start waits for its first await (dotnet/runtime#36063). Code in lambdas and local functions is not counted.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingBackgroundServiceAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.BlockingBackgroundService);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.BackgroundService") is not { } backgroundService)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block =>
            {
                if (block.OwningSymbol is IMethodSymbol { Name: "ExecuteAsync", IsOverride: true } method && Overrides(method, backgroundService))
                {
                    var finder = new Finder();
                    block.RegisterOperationAction(finder.Visit, OperationKind.Invocation, OperationKind.PropertyReference, OperationKind.Loop);
                    block.RegisterOperationBlockEndAction(end => finder.Report(end, method));
                }
            });
        });
    }

    private static bool Overrides(IMethodSymbol method, INamedTypeSymbol backgroundService)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.ContainingType, backgroundService))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Keeps the first blocking construct found in one method's body; operation actions may run concurrently.</summary>
    private sealed class Finder
    {
        private string? _reason;

        public void Visit(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (Symbols.NearestFunction(operation) is not null || Reason(operation) is not { } reason)
            {
                return;
            }

            Interlocked.CompareExchange(ref _reason, reason, null);
        }

        public void Report(OperationBlockAnalysisContext context, IMethodSymbol method)
        {
            if (Volatile.Read(ref _reason) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rules.BlockingBackgroundService, method.Locations[0], method.ContainingType.Name, reason));
            }
        }

        private static string? Reason(IOperation operation) => operation switch
        {
            IInvocationOperation { TargetMethod: { Name: "Sleep", ContainingType: { Name: "Thread" } } } => "Thread.Sleep",
            IInvocationOperation { TargetMethod: { Name: "Wait" } wait } when Symbols.IsTaskLike(wait.ContainingType) => ".Wait()",
            IInvocationOperation { TargetMethod.Name: "GetResult", Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter" } } => "GetAwaiter().GetResult()",
            IInvocationOperation { TargetMethod: { Name: "Take", ContainingType.Name: "BlockingCollection" } } => "BlockingCollection.Take",
            IPropertyReferenceOperation { Property: { Name: "Result" } result } when Symbols.IsTaskLike(result.ContainingType) => ".Result",
            ILoopOperation loop when loop is not IForEachLoopOperation { IsAsynchronous: true } && !AwaitsIn(loop.Body) => "a loop with no await in it",
            _ => null,
        };

        private static bool AwaitsIn(IOperation body) =>
            body.Descendants().Any(static operation => operation is IAwaitOperation or IForEachLoopOperation { IsAsynchronous: true } or IUsingOperation { IsAsynchronous: true });
    }
}
