using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ThreadKit.Analyzers;

namespace ThreadKit.CodeFixes;

/// <summary>
/// TK007: casts the lambda to its <c>Action</c> type, so the plain-body overload is chosen; or, as a second choice,
/// marks it <c>async</c>, for a body meant to be one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnreachableEndLambdaFix)), Shared]
public sealed class UnreachableEndLambdaFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TK007");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var lambda = root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>();
        if (root is null || model is null || lambda is null || model.GetSymbolInfo(lambda, context.CancellationToken).Symbol is not IMethodSymbol symbol)
        {
            return;
        }

        var action = UnreachableEndLambdaAnalyzer.ActionFor(symbol);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Cast to {action}, to run it as a plain body",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(WithSystem(root.ReplaceNode(lambda, Cast(lambda, action))))),
                nameof(UnreachableEndLambdaFix) + ".Cast"),
            context.Diagnostics);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Make it async, to run it as an async body",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(lambda, MakeAsync(lambda)))),
                nameof(UnreachableEndLambdaFix) + ".Async"),
            context.Diagnostics);
    }

    private static SyntaxNode WithSystem(SyntaxNode root) => root is CompilationUnitSyntax unit ? Usings.Ensure(unit, "System") : root;

    private static ExpressionSyntax Cast(AnonymousFunctionExpressionSyntax lambda, string action) =>
        SyntaxFactory.CastExpression(
                SyntaxFactory.ParseTypeName(action),
                SyntaxFactory.ParenthesizedExpression(lambda.WithoutTrivia()))
            .WithTriviaFrom(lambda);

    private static AnonymousFunctionExpressionSyntax MakeAsync(AnonymousFunctionExpressionSyntax lambda) =>
        lambda.WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithLeadingTrivia(lambda.GetLeadingTrivia());
}
