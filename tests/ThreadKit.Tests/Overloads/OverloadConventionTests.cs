using System;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using Xunit;
using static ThreadKit.Tests.OverloadConventions;

namespace ThreadKit.Tests.Overloads;

/// <summary>
/// Every overload family keeps one pattern: the same parameter names in the same order, the same generic-parameter
/// order, and full XML docs. The families are listed here; a new family joins the table.
/// </summary>
public sealed class OverloadConventionTests : TestBase
{
    private const int MaxArity = 4;

    public static readonly TheoryData<string> FamilyNames = [.. Families.All.Select(family => family.ToString())];

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void Every_overload_names_and_orders_its_parameters_and_generics_alike_and_is_documented(string familyName)
    {
        var family = Families.Named(familyName);
        family.Overloads.Should().NotBeEmpty();

        Violations(family, DocsOf(typeof(NamedWorker).Assembly)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void Every_shape_of_an_arity_family_comes_in_every_arity_from_0_to_4(string familyName)
    {
        var family = Families.Named(familyName);
        Assert.SkipUnless(Families.HasEveryArity(family), $"{family} takes no typed arguments.");

        var byShape = BodyShapes(family).GroupBy(shape => Regex.Replace(shape, @"T\d+(, )?", "").Replace("<>", "", StringComparison.Ordinal));
        foreach (var shape in byShape)
        {
            shape.Should().HaveCount(MaxArity + 1, $"{family} should take the body {shape.Key} with 0 to {MaxArity} arguments");
        }
    }

    [Fact]
    public void WorkerPool_Start_mirrors_every_shape_of_WorkerGroup_Start()
    {
        BodyShapes(Families.PoolStart).Should().BeEquivalentTo(BodyShapes(Families.GroupStart));
    }

    [Fact]
    public void WorkerGroup_Start_mirrors_every_shape_of_NamedWorker_Create()
    {
        BodyShapes(Families.GroupStart).Should().BeEquivalentTo(BodyShapes(Families.Create));
    }
}
