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

    /// <summary>The ThreadKit call that an anonymous function is an argument of, if it is one.</summary>
    public static IInvocationOperation? ThreadKitCallTaking(IAnonymousFunctionOperation function)
    {
        IOperation? parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation call } && IsThreadKitRunner(call.TargetMethod.ContainingType)
            ? call
            : null;
    }
}
