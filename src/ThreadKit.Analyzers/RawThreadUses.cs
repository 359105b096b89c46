using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// What TK001 asks of a local <c>Thread</c>: made by <c>new Thread(ThreadStart)</c> and used only in ways a
/// <c>NamedWorker</c> also has: named (in the initializer, or once as a statement), made a background thread, given a
/// priority, started, joined, asked whether it is alive. The code fix reuses it to know what it rewrites.
/// </summary>
internal sealed class RawThreadUses
{
    private static readonly HashSet<string> s_settable = ["Name", "IsBackground", "Priority"];
    private static readonly HashSet<string> s_readable = ["Name", "IsBackground", "IsAlive", "Priority"];

    private RawThreadUses(ILocalSymbol local, IObjectCreationOperation creation, IReadOnlyList<IOperation> uses)
    {
        Local = local;
        Creation = creation;
        Uses = uses;
    }

    public ILocalSymbol Local { get; }

    public IObjectCreationOperation Creation { get; }

    /// <summary>Each use of the local: the property reference or invocation it is the receiver of.</summary>
    public IReadOnlyList<IOperation> Uses { get; }

    /// <summary>The creations in <paramref name="body"/> that qualify, each with its uses.</summary>
    public static IEnumerable<RawThreadUses> Find(IOperation body, INamedTypeSymbol thread)
    {
        var all = body.Descendants().ToList();
        foreach (var creation in all.OfType<IObjectCreationOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, thread)
                || creation.Arguments.Length != 1
                || creation.Arguments[0].Parameter?.Type.Name != "ThreadStart"
                || creation.Parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
                || !InitializerIsAllowed(creation))
            {
                continue;
            }

            var uses = new List<IOperation>();
            var qualifies = true;
            foreach (var reference in all.OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, declarator.Symbol)))
            {
                if (Allowed(reference) is { } use)
                {
                    uses.Add(use);
                }
                else
                {
                    qualifies = false;
                    break;
                }
            }

            if (qualifies && uses.Any(static use => use is IInvocationOperation { TargetMethod.Name: "Start" }))
            {
                yield return new RawThreadUses(declarator.Symbol, creation, uses);
            }
        }
    }

    private static bool InitializerIsAllowed(IObjectCreationOperation creation) =>
        creation.Initializer is null
        || creation.Initializer.Initializers.All(static member =>
            member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } && s_settable.Contains(property.Property.Name));

    private static IOperation? Allowed(ILocalReferenceOperation reference) => reference.Parent switch
    {
        IInvocationOperation { TargetMethod.Name: "Start", Arguments.Length: 0 } start => start,
        IInvocationOperation { TargetMethod.Name: "Join" } join
            when join.Arguments.Length == 0 || join.Arguments[0].Value.Type?.Name == "TimeSpan" => join,
        IPropertyReferenceOperation property when property.Parent is ISimpleAssignmentOperation assignment && assignment.Target == property
            => s_settable.Contains(property.Property.Name) && assignment.Parent is IExpressionStatementOperation ? property : null,
        IPropertyReferenceOperation property => s_readable.Contains(property.Property.Name) ? property : null,
        _ => null,
    };
}
