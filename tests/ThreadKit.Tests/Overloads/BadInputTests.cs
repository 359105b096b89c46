using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Overloads;

/// <summary>
/// Every public entry point against the inputs a careless or hostile caller passes. Each row names the call, the input
/// and its documented outcome: a clear exception that names the parameter, or defined behaviour. Nothing crashes, and
/// nothing is lost: a rejected call leaves the worker as it was.
/// </summary>
public sealed partial class BadInputTests : TestBase
{
    // Lazy, because the rows are built from the static tables further down, which must be initialized first.
    private static readonly Lazy<Dictionary<string, Action>> Table =
        new(() => BuildTable().ToDictionary(row => row.Key, row => row.Check));

    public static TheoryData<string> Rows => new(Table.Value.Keys);

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_bad_input_has_its_documented_outcome(string row) => Table.Value[row]();

    [Fact]
    public void The_table_covers_every_public_method_that_takes_a_delegate()
    {
        var delegateTakers = PublicMethodsTakingABody().Count();

        Table.Value.Keys.Count(key => key.Contains("body: null", StringComparison.Ordinal)).Should().Be(delegateTakers);
        delegateTakers.Should().Be(40 + 24 + 6 + 4, "40 overloads of Create (action, function, and their Task forms), 24 of WorkerGroup.Start, 6 of WorkerPool.Start, and 4 of DelayedWorker.Create");
    }

    private static IEnumerable<(string Key, Action Check)> BuildTable()
    {
        foreach (var row in NameRows())
        {
            yield return row;
        }

        foreach (var method in PublicMethodsTakingABody())
        {
            yield return ($"{Describe(method)} | body: null -> ArgumentNullException(body)", () => NullBodyIsRejected(method));
        }

        foreach (var row in TimeoutRows().Concat(StackSizeRows()).Concat(LifecycleRows()).Concat(BodyExceptionRows()))
        {
            yield return row;
        }
    }

    // ---- Names -------------------------------------------------------------------------------------------------

    /// <summary>The ways to name a worker. Each runs <c>probe</c> on the worker's thread.</summary>
    private static readonly (string Call, Func<WorkerGroup, string?, Action, NamedWorker> Create)[] WorkerFactories =
    [
        ("NamedWorker.Create(name, Action)", static (_, name, probe) => NamedWorker.Create(name, probe)),
        ("NamedWorker.Create<T1>(name, Action<T1>, arg1)", static (_, name, probe) => NamedWorker.Create(name, static (Action p) => p(), probe)),
        ("NamedWorker.Create<TResult>(name, Func<TResult>)", static (_, name, probe) => NamedWorker.Create(name, () => { probe(); return 0; })),
        ("NamedWorker.Create(name, Action<CancellationToken>)", static (_, name, probe) => NamedWorker.Create(name, (CancellationToken _) => probe())),
        ("DelayedWorker.Create(name, delay, Action)", static (_, name, probe) => DelayedWorker.Create(name, TimeSpan.Zero, probe)),
        ("WorkerGroup.Start(name, Action)", static (group, name, probe) => group.Start(name, probe)),
    ];

    private static readonly (string Input, string? Name, string? Kept)[] Names =
    [
        ("null", null, null),
        ("empty", "", null),
        ("whitespace", "   ", "   "),
        ("100,000 characters", new string('n', 100_000), new string('n', 100_000)),
        ("emoji and CJK", "工作者 🧵 スレッド", "工作者 🧵 スレッド"),
    ];

    private static IEnumerable<(string, Action)> NameRows()
    {
        foreach (var (call, create) in WorkerFactories)
        {
            foreach (var (input, name, kept) in Names)
            {
                var outcome = kept is null ? "automatic name Thread-N" : "kept whole, on the thread too";
                yield return ($"{call} | name: {input} -> {outcome}", () => NameIsAcceptedAndSetOnTheThread(create, name, kept));
            }

            yield return ($"{call} | name: embedded NUL -> ArgumentException(name)", () =>
            {
                using var group = new WorkerGroup();
        using var pool = new WorkerPool("bad input", 1);
                FluentActions.Invoking(() => create(group, "a\0b", static () => { }))
                    .Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*NUL*Remove it*");
                group.Workers.Should().BeEmpty();
            });
        }

        foreach (var (input, name, kept) in Names)
        {
            yield return ($"new WorkerGroup(name) | name: {input} -> {(kept is null ? "no name" : "kept whole")}", () =>
            {
                using var group = new WorkerGroup(name);
                group.Name.Should().Be(kept);
            });
        }

        yield return ("new WorkerGroup(name) | name: embedded NUL -> ArgumentException(name)", () =>
            FluentActions.Invoking(() => new WorkerGroup("a\0b")).Should().Throw<ArgumentException>().WithParameterName("name"));
    }

    private static void NameIsAcceptedAndSetOnTheThread(Func<WorkerGroup, string?, Action, NamedWorker> create, string? name, string? kept)
    {
        using var group = new WorkerGroup();
        using var pool = new WorkerPool("bad input", 1);
        string? seenOnThread = null;
        var worker = create(group, name, () => seenOnThread = NamedWorker.CurrentThreadName);
        if (worker.State == WorkerState.Unstarted)
        {
            worker.Start();
        }

        Join(worker);

        if (kept is null)
        {
            worker.Name.Should().MatchRegex(@"^Thread-\d+$", "a lambda's compiler-generated method name is left out");
        }
        else
        {
            worker.Name.Should().Be(kept);
        }

        seenOnThread.Should().Be(worker.Name);
    }

    // ---- Delegates ---------------------------------------------------------------------------------------------

    private static IEnumerable<MethodInfo> PublicMethodsTakingABody() =>
        new[] { typeof(NamedWorker), typeof(DelayedWorker), typeof(WorkerGroup), typeof(WorkerPool) }
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.GetParameters().Any(parameter => parameter.Name == "body"))
            .OrderBy(Describe, StringComparer.Ordinal);

    private static void NullBodyIsRejected(MethodInfo method)
    {
        var closed = method.IsGenericMethodDefinition
            ? method.MakeGenericMethod(method.GetGenericArguments().Select(static _ => typeof(int)).ToArray())
            : method;
        using var group = new WorkerGroup();
        using var pool = new WorkerPool("bad input", 1);
        var arguments = closed.GetParameters().Select(parameter => parameter.Name switch
        {
            "name" => "null body",
            "body" => null,
            "delay" => TimeSpan.Zero,
            _ => parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null,
        }).ToArray();

        var target = closed.IsStatic ? null : closed.DeclaringType == typeof(WorkerPool) ? pool : (object)group;
        var thrown = FluentActions.Invoking(() => closed.Invoke(target, arguments))
            .Should().Throw<TargetInvocationException>().Which.InnerException;

        thrown.Should().BeOfType<ArgumentNullException>().Which.ParamName.Should().Be("body");
        group.Workers.Should().BeEmpty("a rejected call starts nothing");
        pool.QueuedCount.Should().Be(0, "a rejected call queues nothing");
        pool.ThreadCount.Should().Be(0);
    }

    private static string Describe(MethodInfo method)
    {
        static string Name(Type type) => type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">"
            : type.Name;

        var generics = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(Name)) + ">" : "";
        var parameters = string.Join(", ", method.GetParameters().Select(parameter => Name(parameter.ParameterType)));
        return $"{method.DeclaringType!.Name}.{method.Name}{generics}({parameters})";
    }

    // ---- Timeouts ----------------------------------------------------------------------------------------------

    private static IEnumerable<(string, Action)> TimeoutRows()
    {
        var joins = new (string Call, Func<NamedWorker<int>, TimeSpan, bool> Join)[]
        {
            ("NamedWorker.Join(timeout)", static (worker, timeout) => ((NamedWorker)worker).Join(timeout)),
            ("NamedWorker<TResult>.Join(timeout, out result)", static (worker, timeout) => worker.Join(timeout, out _)),
        };

        foreach (var (call, join) in joins)
        {
            yield return ($"{call} | timeout: negative -> ArgumentOutOfRangeException(timeout)", () =>
                WithRunningWorker((worker, _) =>
                    FluentActions.Invoking(() => join(worker, TimeSpan.FromMilliseconds(-2)))
                        .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout")));

            yield return ($"{call} | timeout: zero -> polls, false while running and true once ended", () =>
                WithRunningWorker((worker, release) =>
                {
                    join(worker, TimeSpan.Zero).Should().BeFalse();
                    release.Set();
                    Join(worker);
                    join(worker, TimeSpan.Zero).Should().BeTrue();
                }));

            yield return ($"{call} | timeout: infinite -> waits for the end", () =>
                WithRunningWorker((worker, release) =>
                {
                    using var releaser = ReleaseSoon(release);
                    join(worker, Timeout.InfiniteTimeSpan).Should().BeTrue();
                }));

            yield return ($"{call} | timeout: beyond int.MaxValue ms -> honoured, never overflowed", () =>
                WithRunningWorker((worker, release) =>
                {
                    using var releaser = ReleaseSoon(release);
                    join(worker, TimeSpan.FromDays(30)).Should().BeTrue();
                    join(worker, TimeSpan.MaxValue).Should().BeTrue();
                }));
        }

        foreach (var (input, delay) in new[] { ("negative", TimeSpan.FromMilliseconds(-2)), ("infinite", Timeout.InfiniteTimeSpan), ("beyond int.MaxValue ms", TimeSpan.FromDays(30)) })
        {
            yield return ($"DelayedWorker.Create(name, delay, body) | delay: {input} -> ArgumentOutOfRangeException(delay)", () =>
                FluentActions.Invoking(() => DelayedWorker.Create("delayed", delay, static () => { }))
                    .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("delay"));
        }

        yield return ("DelayedWorker.Create(name, delay, body) | delay: zero -> runs at once", () =>
        {
            var worker = DelayedWorker.Create("at once", TimeSpan.Zero, static () => { });
            worker.Start();
            worker.Join().Should().BeTrue();
        });
    }

    /// <summary>Runs <paramref name="test"/> with a started worker that ends when its gate is set, and always ends it.</summary>
    private static void WithRunningWorker(Action<NamedWorker<int>, ManualResetEventSlim> test)
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("timed", static (ManualResetEventSlim gate) => { Wait(gate); return 1; }, release);
        worker.Start();
        try
        {
            test(worker, release);
        }
        finally
        {
            release.Set();
            Join(worker);
        }
    }

    /// <summary>Sets the gate from another thread, so that a join that really waits is released.</summary>
    private static Timer ReleaseSoon(ManualResetEventSlim release) =>
        new(static state => ((ManualResetEventSlim)state!).Set(), release, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
}
