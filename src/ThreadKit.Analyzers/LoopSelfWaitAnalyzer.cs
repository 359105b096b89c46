using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK004: a blocking wait (<c>.Wait()</c>, <c>.Result</c>, <c>GetAwaiter().GetResult()</c>) on a
/// <c>WorkerLoop.InvokeAsync</c>, written in a lambda that is posted to that same loop. The loop runs one thing at a
/// time, so it cannot run the work its own item waits for. <c>WorkerLoop.Invoke</c> is not reported: on the loop's own
/// thread it runs the work inline, so it never deadlocks.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LoopSelfWaitAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.LoopSelfWait);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeResult, OperationKind.PropertyReference);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var call = (IInvocationOperation)context.Operation;
        var method = call.TargetMethod;
        if (method.Name == "Wait" && Symbols.IsTaskLike(method.ContainingType) && SentToLoop(call.Instance) is { } loop)
        {
            Report(context, call, loop, ".Wait()");
        }
        else if (method.Name == "GetResult"
            && call.Instance is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } awaiter
            && SentToLoop(awaiter.Instance) is { } sent)
        {
            Report(context, call, sent, "GetAwaiter().GetResult()");
        }
    }

    private static void AnalyzeResult(OperationAnalysisContext context)
    {
        var property = (IPropertyReferenceOperation)context.Operation;
        if (property.Property.Name == "Result" && Symbols.IsTaskLike(property.Property.ContainingType) && SentToLoop(property.Instance) is { } loop)
        {
            Report(context, property, loop, ".Result");
        }
    }

    /// <summary>The loop that <paramref name="task"/> is the <c>InvokeAsync</c> of, if it is one.</summary>
    private static IOperation? SentToLoop(IOperation? task) =>
        task is IInvocationOperation { TargetMethod: { Name: "InvokeAsync" } method } call && Symbols.IsLoop(method.ContainingType) ? call.Instance : null;

    private static void Report(OperationAnalysisContext context, IOperation wait, IOperation? loop, string how)
    {
        if (ReferencedSymbol(loop) is not { } target)
        {
            return;
        }

        // Only the nearest function counts: a lambda nested in the posted one may run anywhere.
        if (Symbols.NearestFunction(wait) is IAnonymousFunctionOperation function
            && Symbols.CallTaking(function) is { TargetMethod: var sentThrough, Instance: var receiver }
            && Symbols.IsLoop(sentThrough.ContainingType)
            && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(receiver), target))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.LoopSelfWait, wait.Syntax.GetLocation(), how, target.Name));
        }
    }

    private static ISymbol? ReferencedSymbol(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation property => property.Property,
        IConversionOperation conversion => ReferencedSymbol(conversion.Operand),
        _ => null,
    };
}
