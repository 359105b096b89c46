using System;
using System.Linq;
using System.Threading;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;
using static ThreadKit.Tests.OverloadConventions;

namespace ThreadKit.Tests;

/// <summary>The convention checker itself: it must catch each kind of break, or the convention tests prove nothing.</summary>
public sealed class OverloadConventionsTests : TestBase
{
    private static readonly Func<string, XElement?> FullDocs = static _ => XElement.Parse(
        """
        <member>
          <summary>s</summary><returns>r</returns><exception cref="T:System.Exception">e</exception>
          <param name="name">n</param><param name="body">b</param><param name="arg1">a</param><param name="arg">a</param>
          <param name="cancellationToken">c</param><typeparam name="T1">t</typeparam><typeparam name="TResult">t</typeparam>
        </member>
        """);

    [Fact]
    public void A_family_that_keeps_the_pattern_has_no_violations()
    {
        Violations(new Family(typeof(Fixtures.Good), "Create", ["name"]), FullDocs).Should().BeEmpty();
    }

    [Fact]
    public void A_misnamed_argument_is_a_violation()
    {
        Violations(new Family(typeof(Fixtures.MisnamedArgument), "Create", ["name"]), FullDocs)
            .Should().ContainSingle().Which.Should().Contain("expected (name, body, arg1)");
    }

    [Fact]
    public void Generic_parameters_out_of_order_are_a_violation()
    {
        Violations(new Family(typeof(Fixtures.ResultFirst), "Create", ["name"]), FullDocs)
            .Should().Contain(violation => violation.Contains("expected <T1, TResult>"));
    }

    [Fact]
    public void A_stoppable_body_without_a_trailing_optional_token_is_a_violation()
    {
        Violations(new Family(typeof(Fixtures.RequiredToken), "Create", ["name"]), FullDocs)
            .Should().ContainSingle().Which.Should().Contain("cancellationToken must be a CancellationToken that defaults to default");
    }

    [Fact]
    public void Missing_XML_docs_are_a_violation()
    {
        Violations(new Family(typeof(Fixtures.Good), "Create", ["name"]), static _ => null)
            .Should().OnlyContain(violation => violation.EndsWith("has no XML documentation"));
        Violations(new Family(typeof(Fixtures.Good), "Create", ["name"]), static _ => XElement.Parse("<member><summary>s</summary></member>"))
            .Should().Contain(violation => violation.Contains("lack <returns>"))
            .And.Contain(violation => violation.Contains("lack <param name=\"body\">"))
            .And.Contain(violation => violation.Contains("lack <typeparam name=\"T1\">"));
    }

    [Fact]
    public void Doc_ids_match_the_ones_the_compiler_writes()
    {
        var method = typeof(NamedWorker).GetMethods()
            .Single(m => m.Name == "Create" && m.GetGenericArguments().Length == 1 && m.GetParameters()[1].ParameterType.Name == "Action`1");

        DocId(method).Should().Be("M:ThreadKit.NamedWorker.Create``1(System.String,System.Action{``0},``0)");
        DocsOf(typeof(NamedWorker).Assembly)(DocId(method)).Should().NotBeNull();
    }

    private static class Fixtures
    {
        public static class Good
        {
            public static void Create<T1>(string? name, Action<T1> body, T1 arg1) => _ = (name, body, arg1);

            public static TResult Create<T1, TResult>(string? name, Func<T1, CancellationToken, TResult> body, T1 arg1, CancellationToken cancellationToken = default) =>
                body(arg1, cancellationToken) ?? throw new ArgumentException(name);
        }

        public static class MisnamedArgument
        {
            public static void Create<T1>(string? name, Action<T1> body, T1 arg) => _ = (name, body, arg);
        }

        public static class ResultFirst
        {
            public static TResult Create<TResult, T1>(string? name, Func<T1, TResult> body, T1 arg1) =>
                body(arg1) ?? throw new ArgumentException(name);
        }

        public static class RequiredToken
        {
            public static void Create(string? name, Action<CancellationToken> body, CancellationToken cancellationToken) =>
                _ = (name, body, cancellationToken);
        }
    }
}
