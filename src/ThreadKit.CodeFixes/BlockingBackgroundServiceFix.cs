using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ThreadKit.CodeFixes;

/// <summary>
/// TK003, offered where ThreadKit.Hosting is referenced: the service derives from <c>NamedWorkerService</c> instead,
/// its <c>ExecuteAsync</c> becomes <c>Execute(CancellationToken)</c> on a named thread of its own (an <c>await x</c>
/// becomes <c>x.GetAwaiter().GetResult()</c>, which blocks only that thread; <c>return Task.CompletedTask;</c> becomes
/// <c>return;</c>), and every <c>AddHostedService&lt;T&gt;()</c> of it in the project becomes <c>AddNamedWorker&lt;T&gt;()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingBackgroundServiceFix)), Shared]
public sealed class BlockingBackgroundServiceFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TK003");

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindToken(context.Span.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (model?.Compilation.GetTypeByMetadataName("ThreadKit.Hosting.NamedWorkerService") is null
            || method is not { Body: not null, Parent: ClassDeclarationSyntax { BaseList: not null } service }
            || model.GetDeclaredSymbol(service, context.CancellationToken) is not { } serviceType)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Derive from NamedWorkerService, to run on a named thread of its own",
                token => RewriteAsync(context.Document, method, service, serviceType, token),
                nameof(BlockingBackgroundServiceFix)),
            context.Diagnostics);
    }

    private static async Task<Solution> RewriteAsync(Document document, MethodDeclarationSyntax method, ClassDeclarationSyntax service, INamedTypeSymbol serviceType, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var baseType = service.BaseList!.Types.First(static t => t.Type.ToString().EndsWith("BackgroundService", System.StringComparison.Ordinal));
        var newService = service.ReplaceNodes(
            new SyntaxNode[] { baseType, method },
            (original, _) => original == baseType
                ? baseType.WithType(SyntaxFactory.ParseTypeName("NamedWorkerService").WithTriviaFrom(baseType.Type))
                : Execute(method));
        root = Usings.Ensure(root.ReplaceNode(service, newService), "ThreadKit.Hosting");
        var solution = document.WithSyntaxRoot(root).Project.Solution;
        return await RegistrationsAsync(solution, document.Project.Id, serviceType, cancellationToken).ConfigureAwait(false);
    }

    private static MethodDeclarationSyntax Execute(MethodDeclarationSyntax method)
    {
        var original = method.Body!;
        var body = original.ReplaceNodes(
            original.DescendantNodes(static n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                .Where(static n => n is AwaitExpressionSyntax or ReturnStatementSyntax { Expression: not null }),
            static (_, rewritten) => rewritten switch
            {
                AwaitExpressionSyntax awaited => SyntaxFactory.ParseExpression($"{awaited.Expression}.GetAwaiter().GetResult()").WithTriviaFrom(awaited),
                ReturnStatementSyntax returned => returned.WithExpression(null).WithReturnKeyword(returned.ReturnKeyword.WithTrailingTrivia()),
                _ => rewritten,
            });
        var modifiers = SyntaxFactory.TokenList(method.Modifiers.Where(static m => !m.IsKind(SyntaxKind.AsyncKeyword)));
        return method
            .WithModifiers(modifiers)
            .WithReturnType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword)).WithTriviaFrom(method.ReturnType))
            .WithIdentifier(SyntaxFactory.Identifier("Execute").WithTriviaFrom(method.Identifier))
            .WithBody(body);
    }

    /// <summary>Every <c>AddHostedService&lt;T&gt;()</c> of the service in the project becomes <c>AddNamedWorker&lt;T&gt;()</c>.</summary>
    private static async Task<Solution> RegistrationsAsync(Solution solution, ProjectId projectId, INamedTypeSymbol serviceType, CancellationToken cancellationToken)
    {
        foreach (var documentId in solution.GetProject(projectId)!.DocumentIds)
        {
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var registrations = root.DescendantNodes().OfType<GenericNameSyntax>()
                .Where(name => name.Identifier.Text == "AddHostedService" && name.TypeArgumentList.Arguments.Count == 1
                    && model.GetTypeInfo(name.TypeArgumentList.Arguments[0], cancellationToken).Type is { } type
                    && type.Name == serviceType.Name && type.ContainingNamespace.ToDisplayString() == serviceType.ContainingNamespace.ToDisplayString())
                .ToList();
            if (registrations.Count > 0)
            {
                root = root.ReplaceNodes(registrations, static (original, _) => original.WithIdentifier(SyntaxFactory.Identifier("AddNamedWorker").WithTriviaFrom(original.Identifier)));
                solution = solution.WithDocumentSyntaxRoot(documentId, root);
            }
        }

        return solution;
    }
}
