using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Xml.Linq;

namespace ThreadKit.Tests;

/// <summary>
/// The rules every arity overload family follows, checked by reflection in the spirit of Serilog's
/// <c>MethodOverloadConventionTests</c>, so that an overload that breaks the pattern fails a test, not a review.
/// </summary>
/// <remarks>
/// An overload of a family takes its family's leading parameters (<c>name</c>, and <c>delay</c> for a delayed
/// worker), then <c>body</c>, then <c>arg1</c>…<c>argN</c> typed <c>T1</c>…<c>TN</c>, then, when the body takes a stop
/// token, an optional <c>CancellationToken cancellationToken</c>. Its generic parameters are <c>T1</c>…<c>TN</c>, then
/// <c>TResult</c> if the body returns a value. Its XML docs have a summary, a returns, an exception, and an entry for
/// every parameter and type parameter.
/// </remarks>
internal static class OverloadConventions
{
    /// <summary>One overload family: the public methods named <paramref name="MethodName"/> on <paramref name="Type"/> that take a body.</summary>
    public sealed record Family(Type Type, string MethodName, string[] LeadingParameters, bool StoppableBodiesTakeAToken = true)
    {
        public override string ToString() => $"{Type.Name}.{MethodName}";

        public IReadOnlyList<MethodInfo> Overloads =>
            [.. Type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(method => method.Name == MethodName && method.GetParameters().Any(parameter => parameter.Name == "body"))];
    }

    /// <summary>Every rule <paramref name="family"/> breaks, one line each; empty when it keeps them all.</summary>
    public static IReadOnlyList<string> Violations(Family family, Func<string, XElement?> findDocs)
    {
        var violations = new List<string>();
        foreach (var method in family.Overloads)
        {
            var where = $"{family}({Describe(method)})";
            violations.AddRange(SignatureViolations(family, method).Select(problem => $"{where}: {problem}"));
            violations.AddRange(DocViolations(method, findDocs(DocId(method))).Select(problem => $"{where}: {problem}"));
        }

        return violations;
    }

    /// <summary>The shape of each overload's body, written with its generic parameters' names, e.g. <c>Func&lt;T1, CancellationToken, Task&lt;TResult&gt;&gt;</c>.</summary>
    public static ISet<string> BodyShapes(Family family) =>
        new SortedSet<string>(family.Overloads.Select(method => Describe(method.GetParameters().Single(p => p.Name == "body").ParameterType)), StringComparer.Ordinal);

    /// <summary>Loads the XML documentation file that the compiler wrote beside <paramref name="assembly"/>.</summary>
    public static Func<string, XElement?> DocsOf(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        var members = XDocument.Load(path).Root!.Element("members")!.Elements("member")
            .ToDictionary(member => (string)member.Attribute("name")!, StringComparer.Ordinal);
        return id => members.TryGetValue(id, out var member) ? member : null;
    }

    /// <summary>The documentation id the C# compiler gives <paramref name="method"/>, e.g. <c>M:ThreadKit.NamedWorker.Create``1(System.String,System.Action{``0},``0)</c>.</summary>
    public static string DocId(MethodInfo method)
    {
        var generic = method.IsGenericMethodDefinition ? "``" + method.GetGenericArguments().Length : "";
        var parameters = method.GetParameters().Select(parameter => TypeId(parameter.ParameterType));
        return $"M:{TypeId(method.DeclaringType!)}.{method.Name}{generic}({string.Join(",", parameters)})";
    }

    private static IEnumerable<string> SignatureViolations(Family family, MethodInfo method)
    {
        var generics = method.GetGenericArguments().Select(type => type.Name).ToList();
        var arity = generics.Count(name => name.StartsWith('T') && name != "TResult");
        var parameters = method.GetParameters();
        var body = parameters.FirstOrDefault(parameter => parameter.Name == "body")?.ParameterType;
        var bodyArguments = body is null ? [] : body.GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToList();
        var stoppable = bodyArguments.Count > 0 && bodyArguments[^1] == typeof(CancellationToken);
        var returnsValue = generics.Contains("TResult");

        var expectedGenerics = Enumerable.Range(1, arity).Select(i => $"T{i}").Concat(returnsValue ? ["TResult"] : []).ToList();
        if (!generics.SequenceEqual(expectedGenerics))
        {
            yield return $"generic parameters are <{string.Join(", ", generics)}>, expected <{string.Join(", ", expectedGenerics)}>";
        }

        var expectedNames = family.LeadingParameters.Append("body")
            .Concat(Enumerable.Range(1, arity).Select(i => $"arg{i}"))
            .Concat(stoppable && family.StoppableBodiesTakeAToken ? ["cancellationToken"] : [])
            .ToList();
        var names = parameters.Select(parameter => parameter.Name!).ToList();
        if (!names.SequenceEqual(expectedNames))
        {
            yield return $"parameters are ({string.Join(", ", names)}), expected ({string.Join(", ", expectedNames)})";
            yield break;
        }

        var bodyStart = family.LeadingParameters.Length;
        for (var i = 1; i <= arity; i++)
        {
            var argument = parameters[bodyStart + i];
            if (argument.ParameterType.Name != $"T{i}")
            {
                yield return $"arg{i} is {Describe(argument.ParameterType)}, expected T{i}";
            }

            if (bodyArguments.Count < i || bodyArguments[i - 1].Name != $"T{i}")
            {
                yield return $"the body's parameter {i} is not T{i}";
            }
        }

        if (bodyArguments.Count != arity + (stoppable ? 1 : 0))
        {
            yield return $"the body takes {bodyArguments.Count} parameters; expected {arity} arguments{(stoppable ? " and the stop token" : "")}";
        }

        if (stoppable && family.StoppableBodiesTakeAToken)
        {
            var token = parameters[^1];
            if (token.ParameterType != typeof(CancellationToken) || !token.HasDefaultValue)
            {
                yield return "cancellationToken must be a CancellationToken that defaults to default";
            }
        }
    }

    private static IEnumerable<string> DocViolations(MethodInfo method, XElement? docs)
    {
        if (docs is null)
        {
            yield return "has no XML documentation";
            yield break;
        }

        foreach (var tag in new[] { "summary", "returns", "exception" })
        {
            if (docs.Element(tag) is null || string.IsNullOrWhiteSpace(docs.Element(tag)!.Value))
            {
                yield return $"its XML docs lack <{tag}>";
            }
        }

        foreach (var parameter in method.GetParameters().Where(parameter => !Documents(docs, "param", parameter.Name!)))
        {
            yield return $"its XML docs lack <param name=\"{parameter.Name}\">";
        }

        foreach (var generic in method.GetGenericArguments().Where(generic => !Documents(docs, "typeparam", generic.Name)))
        {
            yield return $"its XML docs lack <typeparam name=\"{generic.Name}\">";
        }
    }

    private static bool Documents(XElement docs, string tag, string name) =>
        docs.Elements(tag).Any(element => (string?)element.Attribute("name") == name && !string.IsNullOrWhiteSpace(element.Value));

    private static string Describe(MethodInfo method) =>
        string.Join(", ", method.GetParameters().Select(parameter => $"{Describe(parameter.ParameterType)} {parameter.Name}"));

    private static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }

    private static string TypeId(Type type)
    {
        if (type.IsGenericMethodParameter)
        {
            return "``" + type.GenericParameterPosition;
        }

        if (type.IsGenericTypeParameter)
        {
            return "`" + type.GenericParameterPosition;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            var name = definition[..definition.IndexOf('`', StringComparison.Ordinal)];
            return $"{name.Replace('+', '.')}{{{string.Join(",", type.GetGenericArguments().Select(TypeId))}}}";
        }

        return type.FullName!.Replace('+', '.');
    }
}
