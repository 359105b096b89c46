using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
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

    [Fact]
    public void Every_shape_of_NamedWorker_Create_comes_in_every_arity_from_0_to_4()
    {
        var byShape = BodyShapes(Families.Create).GroupBy(shape => Regex.Replace(shape, @"T\d+(, )?", "").Replace("<>", "", StringComparison.Ordinal));

        byShape.Should().HaveCount(8, "four kinds of body, each with and without a stop token");
        foreach (var shape in byShape)
        {
            shape.Should().HaveCount(MaxArity + 1, $"Create should take the body {shape.Key} with 0 to {MaxArity} arguments");
        }
    }

    [Fact]
    public void WorkerGroup_Start_has_1_0_0s_synchronous_shapes_in_every_arity_and_async_bodies_without_arguments()
    {
        var expected = BodyShapes(Families.Create).Where(shape => !shape.Contains("Task", StringComparison.Ordinal) || !shape.Contains("T1", StringComparison.Ordinal));

        BodyShapes(Families.GroupStart).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void WorkerPool_Start_has_one_compact_form_per_kind_of_body_and_a_typed_state_for_synchronous_bodies()
    {
        BodyShapes(Families.PoolStart).Should().BeEquivalentTo(
            "Action", "Action<T1>", "Func<TResult>", "Func<T1, TResult>", "Func<Task>", "Func<Task<TResult>>");
        typeof(WorkerPool).GetMethods().Count(method => method.Name == nameof(WorkerPool.Start)).Should().BeLessThanOrEqualTo(8, "Start(worker) and the compact forms");
    }

    [Fact]
    public void The_public_API_has_at_most_240_entries_and_the_group_at_most_8_new_Start_overloads()
    {
        var shipped = ApiEntries("PublicAPI.Shipped.txt");
        var unshipped = ApiEntries("PublicAPI.Unshipped.txt");

        (shipped.Count + unshipped.Count).Should().BeLessThanOrEqualTo(240, "1.1.0's API is small and one way before it ships");
        unshipped.Count(entry => entry.StartsWith("ThreadKit.WorkerGroup.Start", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(8);
    }

    [Theory]
    [InlineData("group")]
    [InlineData("pool")]
    public void An_async_body_sent_to_a_synchronous_form_by_its_arity_is_refused_with_the_way_to_start_it(string owner)
    {
        using var group = new WorkerGroup("async by arity");
        using var pool = new WorkerPool("async by arity", 1);
        static async Task<int> Twice(int x)
        {
            await Task.Yield();
            return x * 2;
        }

        var act = owner == "group"
            ? () => group.Start("twice", (System.Func<int, Task<int>>)Twice, 21)
            : (System.Func<NamedWorker<Task<int>>>)(() => pool.Start("twice", (System.Func<int, Task<int>>)Twice, 21));

        act.Should().Throw<ArgumentException>().WithParameterName("body")
            .WithMessage($"The body of worker 'twice' returns a Task`1: it is an async body, which this {owner} overload would not await. Create the worker with NamedWorker.Create*");
        var created = (owner == "group" ? group.Start(NamedWorker.Create("twice", Twice, 21)) : pool.Start(NamedWorker.Create("twice", Twice, 21)));
        created.Join().Should().Be(42, "a worker made by Create runs the async body to its end");
    }

    private static System.Collections.Generic.List<string> ApiEntries(string file) =>
        [.. System.IO.File.ReadAllLines(System.IO.Path.Combine(Repository.Root, "src", "ThreadKit", file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];
}
