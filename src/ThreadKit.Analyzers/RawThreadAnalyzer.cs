using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ThreadKit.Analyzers;

/// <summary>
/// TK001: a local <c>new Thread(...)</c> that is only named, started, joined, made a background thread or asked whether
/// it is alive: <c>NamedWorker.Create</c> does the same and more (an exception in its body is rethrown by
/// <c>Join</c> instead of ending the process). Info: the code is not wrong, the suggestion is to move.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RawThreadAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rules.RawThread);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Only where ThreadKit is referenced: the fix has nothing to move to otherwise.
            var thread = start.Compilation.GetTypeByMetadataName("System.Threading.Thread");
            if (thread is null || start.Compilation.GetTypeByMetadataName("ThreadKit.NamedWorker") is null)
            {
                return;
            }

            start.RegisterOperationBlockAction(block =>
            {
                foreach (var body in block.OperationBlocks)
                {
                    foreach (var found in RawThreadUses.Find(body, thread))
                    {
                        block.ReportDiagnostic(Diagnostic.Create(Rules.RawThread, found.Creation.Syntax.GetLocation(), found.Local.Name));
                    }
                }
            });
        });
    }
}
