using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ThreadKit.CodeFixes;

/// <summary>TK005: <c>x.ConfigureAwait(false)</c> becomes <c>x</c>, so the body resumes on its named thread.</summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RemoveConfigureAwaitFix)), Shared]
public sealed class RemoveConfigureAwaitFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TK005");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var call = root?.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (root is null || call?.Expression is not MemberAccessExpressionSyntax access)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Remove ConfigureAwait(false), to resume on the named thread",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(call, access.Expression.WithTriviaFrom(call)))),
                nameof(RemoveConfigureAwaitFix)),
            context.Diagnostics);
    }
}
