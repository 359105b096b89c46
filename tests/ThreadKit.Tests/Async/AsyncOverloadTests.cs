using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Async;

/// <summary>
/// Overload resolution picks the Task-returning shapes for async lambdas and Task-returning method groups, as it does
/// for <see cref="Task.Run(Func{Task})"/>: the worker is a <see cref="NamedWorker"/> or a
/// <see cref="NamedWorker{TResult}"/> of the awaited value, never a <c>NamedWorker&lt;Task&gt;</c>.
/// </summary>
public sealed class AsyncOverloadTests : TestBase
{
    [Fact]
    public void An_async_lambda_gives_a_plain_worker_not_a_worker_of_Task()
    {
        var worker = NamedWorker.Create("Plain", async () => await Task.Yield());

        StaticTypeOf(worker).Should().Be<NamedWorker>();
        worker.Should().NotBeAssignableTo<NamedWorker<Task>>();
        worker.Start();
        Join(worker);
    }

    [Fact]
    public void An_async_lambda_with_a_value_gives_a_worker_of_the_awaited_value()
    {
        var worker = NamedWorker.Create("Valued", async (int x) => { await Task.Yield(); return x + 1; }, 41);

        StaticTypeOf(worker).Should().Be<NamedWorker<int>>();
        worker.Start();
        worker.Join().Should().Be(42);
    }

    [Fact]
    public void Task_returning_method_groups_bind_to_the_Task_shapes()
    {
        var plain = NamedWorker.Create("Method group", YieldAsync);
        var valued = NamedWorker.Create("Valued method group", LengthAsync, "four");

        StaticTypeOf(plain).Should().Be<NamedWorker>();
        StaticTypeOf(valued).Should().Be<NamedWorker<int>>();
        plain.Start();
        valued.Start();
        Join(plain);
        valued.Join().Should().Be(4);
    }

    [Fact]
    public void A_token_aware_async_lambda_receives_the_workers_stop_token()
    {
        using var outside = new CancellationTokenSource();
        CancellationToken received = default;
        var worker = NamedWorker.Create("Token", async (string tag, CancellationToken stop) =>
        {
            await Task.Yield();
            received = stop;
            return tag;
        }, "tagged", outside.Token);

        StaticTypeOf(worker).Should().Be<NamedWorker<string>>();
        worker.Start();
        worker.Join().Should().Be("tagged");
        received.Should().Be(worker.StopToken);
    }

    [Fact]
    public void WorkerGroup_Start_takes_async_bodies_too()
    {
        using var group = new WorkerGroup("async group");

        var plain = group.Start("group plain", async () => await Task.Yield());
        var valued = group.Start("group valued", async (CancellationToken stop) => { await Task.Yield(); return stop.CanBeCanceled; });

        StaticTypeOf(plain).Should().Be<NamedWorker>();
        group.JoinAll();
        valued.Join().Should().BeTrue();
    }

    [Fact]
    public void DelayedWorker_takes_async_bodies_and_keeps_them_on_its_thread()
    {
        string? plainRanUnder = null;
        var tokenSeen = false;
        var plain = DelayedWorker.Create("Delayed async", TimeSpan.Zero, async () =>
        {
            await Task.Yield();
            plainRanUnder = NamedWorker.CurrentThreadName;
        });
        var stoppable = DelayedWorker.Create("Delayed async token", TimeSpan.Zero, async (CancellationToken stop) =>
        {
            await Task.Yield();
            tokenSeen = stop.CanBeCanceled;
        });
        plain.Start();
        stoppable.Start();

        plain.Join().Should().BeTrue();
        stoppable.Join().Should().BeTrue();
        plainRanUnder.Should().Be("Delayed async");
        tokenSeen.Should().BeTrue();
    }

    private static Type StaticTypeOf<T>(T value) => typeof(T);

    private static async Task YieldAsync() => await Task.Yield();

    private static async Task<int> LengthAsync(string text)
    {
        await Task.Yield();
        return text.Length;
    }
}
