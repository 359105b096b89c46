using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ThreadKit.CodeFixes;

/// <summary>Adds a using directive that a fix's new code needs, in order among the file's own (System first).</summary>
internal static class Usings
{
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax root, string name)
    {
        if (root.Usings.Any(u => u.Name?.ToString() == name))
        {
            return root;
        }

        // The file's own line ending, from its first line break; "\n" in a file that has none.
        var ending = root.DescendantTrivia().FirstOrDefault(static t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = ending.IsKind(SyntaxKind.EndOfLineTrivia) ? ending : SyntaxFactory.EndOfLine("\n");
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(name)).WithTrailingTrivia(newLine);
        if (root.Usings.Count == 0)
        {
            // Before the first member, with a blank line between.
            return root.WithUsings(root.Usings.Add(directive.WithTrailingTrivia(newLine, newLine)));
        }

        var position = root.Usings.TakeWhile(u => Before(u.Name?.ToString() ?? string.Empty, name)).Count();
        return root.WithUsings(root.Usings.Insert(position, directive));
    }

    private static bool Before(string existing, string added) =>
        IsSystem(existing) != IsSystem(added) ? IsSystem(existing) : string.CompareOrdinal(existing, added) < 0;

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
