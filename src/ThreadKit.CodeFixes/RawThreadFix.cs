using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Operations;
using ThreadKit.Analyzers;

namespace ThreadKit.CodeFixes;

/// <summary>
/// TK001, and TK006 on such a thread's <c>Priority</c>: rewrites a raw named thread as a <c>NamedWorker</c>, keeping its
/// name (or the variable's, where it had none), its body, and its other settings, which <c>NamedWorker</c> has by the
/// same names; <c>Priority</c> then takes effect on Linux too.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RawThreadFix)), Shared]
public sealed class RawThreadFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("TK001", "TK006");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false) as CompilationUnitSyntax;
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var thread = model?.Compilation.GetTypeByMetadataName("System.Threading.Thread");
        var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
        var body = node?.FirstAncestorOrSelf<SyntaxNode>(static n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or GlobalStatementSyntax);
        if (root is null || model is null || thread is null || node is null || body is null)
        {
            return;
        }

        var operation = body is GlobalStatementSyntax ? model.GetOperation(root, context.CancellationToken) : model.GetOperation(body, context.CancellationToken);
        var found = operation is null ? null : RawThreadUses.Find(operation, thread).FirstOrDefault(uses =>
            uses.Creation.Syntax.Span.Contains(context.Span) || uses.Uses.Any(use => use.Parent?.Syntax.Span.Contains(context.Span) == true));
        if (found is null || found.Creation.Syntax is not ObjectCreationExpressionSyntax creation)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use a NamedWorker",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(Rewrite(root, model, found, creation, context.CancellationToken))),
                nameof(RawThreadFix)),
            context.Diagnostics);
    }

    private static CompilationUnitSyntax Rewrite(CompilationUnitSyntax root, SemanticModel model, RawThreadUses found, ObjectCreationExpressionSyntax creation, CancellationToken cancellationToken)
    {
        var declarator = (VariableDeclaratorSyntax)creation.Parent!.Parent!;
        var declaration = (VariableDeclarationSyntax)declarator.Parent!;
        var statement = (LocalDeclarationStatementSyntax)declaration.Parent!;

        // The name: the initializer's, else a `t.Name = ...;` statement's, which goes, else the variable's.
        var initializerMembers = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>().ToList() ?? [];
        ExpressionSyntax? name = initializerMembers.FirstOrDefault(static a => a.Left.ToString() == "Name")?.Right;
        var nameStatement = found.Uses
            .Where(static use => use is IPropertyReferenceOperation { Property.Name: "Name" } && use.Parent is ISimpleAssignmentOperation)
            .Select(static use => use.Parent!.Syntax.Parent)
            .OfType<ExpressionStatementSyntax>()
            .FirstOrDefault();
        if (name is null && nameStatement?.Expression is AssignmentExpressionSyntax named)
        {
            name = named.Right;
        }

        name ??= SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(declarator.Identifier.Text));
        var create = SyntaxFactory.ParseExpression($"NamedWorker.Create({name.WithoutTrivia()}, {Body(creation.ArgumentList!.Arguments[0].Expression, model, cancellationToken)})");

        // The initializer's other settings become statements after the declaration, as NamedWorker has them too.
        var indentation = statement.GetLeadingTrivia();
        var settings = initializerMembers.Where(static a => a.Left.ToString() != "Name")
            .Select(a => (StatementSyntax)SyntaxFactory.ParseStatement($"{declarator.Identifier.Text}.{a.Left} = {a.Right};").WithLeadingTrivia(indentation).WithTrailingTrivia(statement.GetTrailingTrivia()))
            .ToList();

        var newDeclarator = declarator.WithInitializer(declarator.Initializer!.WithValue(create));
        var newDeclaration = declaration.ReplaceNode(declarator, newDeclarator);
        if (!declaration.Type.IsVar)
        {
            newDeclaration = newDeclaration.WithType(SyntaxFactory.ParseTypeName("NamedWorker").WithTriviaFrom(declaration.Type));
        }

        var replacements = new List<StatementSyntax> { statement.WithDeclaration(newDeclaration) };
        replacements.AddRange(settings);
        var tracked = root.TrackNodes(new SyntaxNode?[] { statement, nameStatement }.OfType<SyntaxNode>());
        if (nameStatement is not null)
        {
            tracked = tracked.RemoveNode(tracked.GetCurrentNode(nameStatement)!, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        tracked = tracked.ReplaceNode(tracked.GetCurrentNode(statement)!, replacements);
        return Usings.Ensure(tracked, "ThreadKit");
    }

    /// <summary>
    /// The body for <c>NamedWorker.Create</c>: a <c>new ThreadStart(x)</c> unwrapped; a block lambda whose end cannot be
    /// reached cast to <c>Action</c>, since C# would otherwise bind it to the async overload (TK007).
    /// </summary>
    private static string Body(ExpressionSyntax body, SemanticModel model, CancellationToken cancellationToken)
    {
        if (body is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } wrapped)
        {
            body = wrapped.ArgumentList.Arguments[0].Expression;
        }

        if (body is AnonymousFunctionExpressionSyntax { Block: { } block } && model.AnalyzeControlFlow(block) is { Succeeded: true, EndPointIsReachable: false })
        {
            return $"(Action)({body.WithoutTrivia()})";
        }

        return body.WithoutTrivia().ToString();
    }
}
