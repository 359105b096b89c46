using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK006: <c>Thread.Priority</c> set, which does nothing on Linux (dotnet/runtime#91165), or
/// <c>Process.ProcessorAffinity</c> set, which pins the whole process (on Linux, only its main thread) rather than the
/// thread whose work it was meant for.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ThreadTuningAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.ThreadTuning);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var thread = start.Compilation.GetTypeByMetadataName("System.Threading.Thread");
            var process = start.Compilation.GetTypeByMetadataName("System.Diagnostics.Process");
            start.RegisterOperationAction(context => Analyze(context, thread, process), OperationKind.PropertyReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol? thread, INamedTypeSymbol? process)
    {
        var property = (IPropertyReferenceOperation)context.Operation;
        if (property.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != property)
        {
            return;
        }

        var owner = property.Property.ContainingType;
        if (property.Property.Name == "Priority" && SymbolEqualityComparer.Default.Equals(owner, thread))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.ThreadTuning, assignment.Syntax.GetLocation(),
                "Thread.Priority does nothing on Linux, where .NET does not change a thread's priority (dotnet/runtime#91165)", "Priority"));
        }
        else if (property.Property.Name == "ProcessorAffinity" && SymbolEqualityComparer.Default.Equals(owner, process))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rules.ThreadTuning, assignment.Syntax.GetLocation(),
                "Process.ProcessorAffinity pins the whole process, and on Linux only its main thread, not the thread whose work it is meant for", "ProcessorAffinity"));
        }
    }
}
