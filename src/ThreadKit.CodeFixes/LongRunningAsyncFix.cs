using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ThreadKit.CodeFixes;

/// <summary>
/// TK002: for a call whose result is discarded, an async <c>NamedWorker</c> started in its place, named after the
/// method it is in, so the body keeps a thread of its own across its awaits; anywhere, <c>Task.Run</c>, which unwraps
/// the inner task and asks for no thread of its own.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LongRunningAsyncFix)), Shared]
public sealed class LongRunningAsyncFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TK002");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var call = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (root is null || model is null || call is null || call.ArgumentList.Arguments.Count == 0)
        {
            return;
        }

        var body = call.ArgumentList.Arguments[0].Expression;
        if (call.Parent is ExpressionStatementSyntax)
        {
            var name = call.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.Text ?? "worker";
            var worker = SyntaxFactory.ParseExpression($"NamedWorker.Create(\"{name}\", {body}).Start()").WithTriviaFrom(call);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Start an async NamedWorker, which keeps its thread across awaits",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(Usings.Ensure(root.ReplaceNode(call, worker), "ThreadKit"))),
                    nameof(LongRunningAsyncFix) + ".Worker"),
                context.Diagnostics);
        }

        // Task.Run(Func<Task>, CancellationToken) keeps a token the call passed; the options and scheduler have no place in it.
        var token = call.ArgumentList.Arguments.Skip(1).FirstOrDefault(a =>
            model.GetTypeInfo(a.Expression, context.CancellationToken).Type is { Name: "CancellationToken" });
        var run = SyntaxFactory.ParseExpression(token is null ? $"Task.Run({body})" : $"Task.Run({body}, {token})").WithTriviaFrom(call);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use Task.Run, for work that needs no thread of its own",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(call, run))),
                nameof(LongRunningAsyncFix) + ".TaskRun"),
            context.Diagnostics);
    }
}
