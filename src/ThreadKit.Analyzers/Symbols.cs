using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>Questions about symbols that several rules ask.</summary>
internal static class Symbols
{
    /// <summary>Whether <paramref name="type"/> is a ThreadKit type that runs delegates given to it.</summary>
    public static bool IsThreadKitRunner(INamedTypeSymbol? type) =>
        type is { ContainingNamespace: { Name: "ThreadKit", ContainingNamespace.IsGlobalNamespace: true } }
        && type.Name is "NamedWorker" or "WorkerLoop" or "WorkerPool" or "WorkerGroup" or "DelayedWorker";

    /// <summary>Whether <paramref name="type"/> is <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public static bool IsTaskLike(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    public static bool Is(ITypeSymbol? type, string metadataName, Compilation compilation) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, compilation.GetTypeByMetadataName(metadataName));

    /// <summary>Whether <paramref name="type"/> is ThreadKit's <c>WorkerLoop</c>.</summary>
    public static bool IsLoop(INamedTypeSymbol? type) =>
        type is { Name: "WorkerLoop", ContainingNamespace: { Name: "ThreadKit", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>The call that an anonymous function is an argument of, past the delegate creation that wraps it.</summary>
    public static IInvocationOperation? CallTaking(IAnonymousFunctionOperation function)
    {
        IOperation? parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;
    }

    /// <summary>The ThreadKit call that an anonymous function is an argument of, if it is one.</summary>
    public static IInvocationOperation? ThreadKitCallTaking(IAnonymousFunctionOperation function) =>
        CallTaking(function) is { } call && IsThreadKitRunner(call.TargetMethod.ContainingType) ? call : null;

    /// <summary>The nearest lambda or local function an operation is in: an await or a block there runs wherever it runs.</summary>
    public static IOperation? NearestFunction(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }
        }

        return null;
    }
}
