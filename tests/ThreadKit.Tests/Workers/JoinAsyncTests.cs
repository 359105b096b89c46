using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Awaiting a worker, which dotnet/runtime declined to add to Thread.</summary>
public sealed class JoinAsyncTests : TestBase
{
    [Fact]
    public async Task JoinAsync_completes_when_the_body_ends()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("awaited", () => Wait(release));
        worker.Start();

        var join = worker.JoinAsync();
        join.IsCompleted.Should().BeFalse();

        release.Set();
        await Await(join);
        worker.State.Should().Be(WorkerState.Completed);
        worker.IsAlive.Should().BeFalse();
    }

    [Fact]
    public async Task JoinAsync_of_a_result_worker_gives_the_value()
    {
        var worker = NamedWorker.Create("async answer", static (int x) => x + 1, 41);
        worker.Start();

        (await Await(worker.JoinAsync())).Should().Be(42);
    }

    [Fact]
    public async Task Await_throws_the_bodys_own_exception()
    {
        var worker = NamedWorker.Create("async fault", static () => throw new FormatException("original"));
        worker.Start();

        var thrown = await Record.ExceptionAsync(() => Await(worker.JoinAsync()));

        thrown.Should().BeOfType<FormatException>().And.BeSameAs(worker.Exception);
    }

    [Fact]
    public async Task JoinAsync_after_the_worker_ended_completes_at_once()
    {
        var ok = NamedWorker.Create("ended", static () => 7);
        var failed = NamedWorker.Create("ended badly", static () => throw new FormatException("x"));
        ok.Start();
        failed.Start();
        Join(ok);
        failed.Invoking(w => w.Join()).Should().Throw<FormatException>();

        (await ok.JoinAsync()).Should().Be(7);
        await failed.Awaiting(w => w.JoinAsync()).Should().ThrowAsync<FormatException>();
    }

    [Fact]
    public async Task Cancelling_the_token_cancels_only_the_wait()
    {
        using var release = new ManualResetEventSlim();
        using var cts = new CancellationTokenSource();
        var worker = NamedWorker.Create("keeps running", () =>
        {
            Wait(release);
            return "finished anyway";
        });
        worker.Start();

        var wait = worker.JoinAsync(cts.Token);
        cts.Cancel();

        await wait.Awaiting(t => Await(t)).Should().ThrowAsync<OperationCanceledException>();
        worker.IsAlive.Should().BeTrue("cancelling a wait never stops the worker");
        worker.IsStopRequested.Should().BeFalse();

        release.Set();
        (await Await(worker.JoinAsync())).Should().Be("finished anyway");
    }

    [Fact]
    public void JoinAsync_before_Start_throws()
    {
        var worker = NamedWorker.Create("not yet", static () => { });

        worker.Invoking(w => { _ = w.JoinAsync(); }).Should().Throw<InvalidOperationException>("a wrong call fails at once, not in the task");
    }

    [Fact]
    public void When_nobody_calls_JoinAsync_the_worker_allocates_nothing_for_it()
    {
        var quiet = NamedWorker.Create("never awaited", static () => { });
        quiet.Start();
        Join(quiet);

        quiet.HasJoinSourceAllocated().Should().BeFalse();
        quiet.HasExtrasAllocated().Should().BeFalse("a plain worker needs no stop or option state either");

        using var release = new ManualResetEventSlim();
        var awaited = NamedWorker.Create("awaited", () => Wait(release));
        awaited.Start();
        _ = awaited.JoinAsync();
        awaited.HasJoinSourceAllocated().Should().BeTrue("the completion source is made on the first JoinAsync");
        release.Set();
        Join(awaited);
    }

    [Fact]
    public async Task Cancellation_racing_completion_gives_one_of_the_two_outcomes_and_never_loses_the_worker()
    {
        for (var i = 0; i < 300; i++)
        {
            using var cts = new CancellationTokenSource();
            using var go = new ManualResetEventSlim();
            var worker = NamedWorker.Create("race", (ManualResetEventSlim gate) => Wait(gate), go);
            worker.Start();
            var wait = worker.JoinAsync(cts.Token);

            var canceller = Task.Run(cts.Cancel);
            go.Set();
            await canceller;

            var outcome = await Record.ExceptionAsync(() => Await(wait));
            if (outcome is not null)
            {
                outcome.Should().BeAssignableTo<OperationCanceledException>();
            }

            await Await(worker.JoinAsync());
            worker.State.Should().Be(WorkerState.Completed);
        }
    }
}
