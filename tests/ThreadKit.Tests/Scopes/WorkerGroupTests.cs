using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Scopes;

/// <summary>Scoped groups, like Rust's thread::scope: no worker outlives its group, and the first fault stops the rest.</summary>
public sealed partial class WorkerGroupTests : TestBase
{
    [Fact]
    public void Start_creates_and_starts_a_worker_in_the_group()
    {
        using var release = new ManualResetEventSlim();
        using var group = new WorkerGroup("crew");

        var worker = group.Start("member", (ManualResetEventSlim gate) => Wait(gate), release);

        worker.IsAlive.Should().BeTrue();
        worker.Group.Should().BeSameAs(group);
        group.Workers.Should().Equal(worker);
        group.Name.Should().Be("crew");
        release.Set();
        group.JoinAll();
        worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public void Start_mirrors_Create_for_results_arguments_and_stop_tokens()
    {
        using var group = new WorkerGroup();

        var plain = group.Start(null, static () => { });
        var result = group.Start("result", static (int a, int b) => a + b, 2, 3);
        var stoppable = group.Start("stoppable", static (string s, CancellationToken stop) => s + stop.CanBeCanceled, "x");
        group.JoinAll();

        plain.State.Should().Be(WorkerState.Completed);
        result.Join().Should().Be(5);
        stoppable.Join().Should().Be("xTrue");
    }

    [Fact]
    public void JoinAll_waits_for_every_worker()
    {
        using var group = new WorkerGroup();
        var finished = 0;
        using var release = new ManualResetEventSlim();
        for (var i = 0; i < 10; i++)
        {
            group.Start(null, () =>
            {
                Wait(release);
                Interlocked.Increment(ref finished);
            });
        }

        release.Set();
        group.JoinAll();

        finished.Should().Be(10);
        group.Workers.Should().BeEmpty("workers that completed leave the group");
    }

    [Fact]
    public void The_first_fault_requests_every_other_worker_to_stop()
    {
        using var group = new WorkerGroup("fails fast");
        using var siblingsRunning = new CountdownEvent(3);
        var siblings = Enumerable.Range(0, 3).Select(i => group.Start($"sibling {i}", (CancellationToken stop) =>
        {
            siblingsRunning.Signal();
            return stop.WaitHandle.WaitOne(UnexpectedTimeout);
        })).ToList();
        Wait(siblingsRunning);

        group.Start("failing", static () => throw new FormatException("first fault"));

        var thrown = FluentActions.Invoking(group.JoinAll).Should().Throw<AggregateException>().Which;
        thrown.InnerExceptions.Should().ContainSingle().Which.Should().BeOfType<FormatException>();
        siblings.Select(sibling => sibling.Join()).Should().OnlyContain(stopped => stopped, "each sibling saw its stop token");
        group.IsStopRequested.Should().BeTrue();
    }

    [Fact]
    public void JoinAll_throws_every_fault_in_start_order_and_names_the_faulted_workers()
    {
        using var group = new WorkerGroup("batch");
        using var release = new ManualResetEventSlim();
        var first = new FormatException("one");
        var second = new InvalidOperationException("two");
        group.Start("alpha", (ManualResetEventSlim gate) => { Wait(gate); throw first; }, release);
        group.Start("fine", static () => { });
        group.Start("beta", (ManualResetEventSlim gate) => { Wait(gate); throw second; }, release);
        release.Set();

        var thrown = FluentActions.Invoking(group.JoinAll).Should().Throw<AggregateException>().Which;

        thrown.InnerExceptions.Should().Equal(first, second);
        thrown.Message.Should().StartWith("2 workers in group 'batch' faulted: 'alpha', 'beta'.");
    }

    [Fact]
    public void Workers_that_honour_the_stop_are_not_counted_as_faults()
    {
        using var group = new WorkerGroup();
        using var running = new ManualResetEventSlim();
        var canceled = group.Start("canceled", (CancellationToken stop) =>
        {
            running.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
            stop.ThrowIfCancellationRequested();
        });
        Wait(running);

        group.RequestStop();

        FluentActions.Invoking(group.JoinAll).Should().NotThrow();
        canceled.State.Should().Be(WorkerState.Canceled);
        group.Workers.Should().BeEmpty("a canceled worker is not a fault to report, so the group keeps nothing of it");
    }

    [Fact]
    public void RequestStop_stops_the_whole_group_and_workers_started_afterwards()
    {
        using var group = new WorkerGroup();
        using var running = new CountdownEvent(2);
        var early = Enumerable.Range(0, 2).Select(_ => group.Start(null, (CancellationToken stop) =>
        {
            running.Signal();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
        })).ToList();

        Wait(running);

        group.RequestStop();
        var late = group.Start("late", static (CancellationToken stop) => stop.IsCancellationRequested);

        late.Join().Should().BeTrue("a worker started after the stop starts stopped");
        group.JoinAll();
        early.Should().OnlyContain(worker => worker.IsStopRequested && !worker.IsAlive);
    }

    [Fact]
    public void An_outside_token_stops_the_group()
    {
        using var outside = new CancellationTokenSource();
        using var group = new WorkerGroup("outside", outside.Token);
        var worker = group.Start(null, static (CancellationToken stop) => stop.WaitHandle.WaitOne(UnexpectedTimeout));

        outside.Cancel();

        worker.Join().Should().BeTrue();
        group.IsStopRequested.Should().BeTrue();
    }

    [Fact]
    public void Dispose_stops_and_joins_so_no_worker_outlives_the_group()
    {
        List<NamedWorker> workers;
        using (var group = new WorkerGroup())
        {
            for (var i = 0; i < 5; i++)
            {
                group.Start(null, static (CancellationToken stop) => { stop.WaitHandle.WaitOne(UnexpectedTimeout); });
            }

            group.Start("faulty", static () => throw new FormatException("ignored by Dispose"));
            workers = [.. group.Workers];
        }

        workers.Should().OnlyContain(worker => !worker.IsAlive);
        workers.Last().State.Should().Be(WorkerState.Faulted);
    }

    [Fact]
    public void Start_after_Dispose_throws()
    {
        var group = new WorkerGroup("closed");
        group.Dispose();

        FluentActions.Invoking(() => group.Start(null, static () => { }))
            .Should().Throw<ObjectDisposedException>().WithMessage("Group 'closed' has been disposed*");
    }

    [Fact]
    public async Task JoinAllAsync_waits_without_blocking_and_throws_the_same_aggregate()
    {
        using var group = new WorkerGroup("async");
        using var release = new ManualResetEventSlim();
        group.Start("ok", (ManualResetEventSlim gate) => Wait(gate), release);
        group.Start("bad", (ManualResetEventSlim gate) => { Wait(gate); throw new FormatException("async fault"); }, release);

        var join = group.JoinAllAsync();
        join.IsCompleted.Should().BeFalse();
        release.Set();

        var thrown = await Record.ExceptionAsync(() => Await(join));
        thrown.Should().BeOfType<AggregateException>().Which.InnerExceptions.Should().ContainSingle()
            .Which.Should().BeOfType<FormatException>();
        thrown!.Message.Should().StartWith("Worker 'bad' in group 'async' faulted.");
    }

    [Fact]
    public async Task JoinAllAsync_cancellation_cancels_only_the_wait()
    {
        using var group = new WorkerGroup();
        using var release = new ManualResetEventSlim();
        using var cts = new CancellationTokenSource();
        var worker = group.Start(null, (ManualResetEventSlim gate) => Wait(gate), release);

        var join = group.JoinAllAsync(cts.Token);
        cts.Cancel();

        await join.Awaiting(t => Await(t)).Should().ThrowAsync<OperationCanceledException>();
        worker.IsAlive.Should().BeTrue();
        group.IsStopRequested.Should().BeFalse();
        release.Set();
        await Await(group.JoinAllAsync());
    }

    [Fact]
    public void A_configured_worker_can_be_handed_to_the_group()
    {
        using var group = new WorkerGroup();
        var worker = NamedWorker.Create("configured", static () => Thread.CurrentThread.IsBackground);
        worker.IsBackground = true;

        group.Start(worker).Should().BeSameAs(worker);

        worker.Join().Should().BeTrue();
        worker.Group.Should().BeSameAs(group);
    }

    [Fact]
    public void A_started_worker_or_another_groups_worker_cannot_be_adopted()
    {
        using var group = new WorkerGroup();
        using var other = new WorkerGroup();
        var started = NamedWorker.Create("started", static () => { });
        started.Start();
        var taken = other.Start("taken", static () => { });
        other.JoinAll();

        FluentActions.Invoking(() => group.Start(started)).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => group.Start(taken)).Should().Throw<InvalidOperationException>();
        group.Workers.Should().BeEmpty();
    }

    [Fact]
    public void JoinAll_from_a_worker_of_the_same_group_throws()
    {
        using var group = new WorkerGroup();
        using var ready = new ManualResetEventSlim();
        var inside = group.Start("inside", (ManualResetEventSlim gate) =>
        {
            Wait(gate);
            return Record.Exception(() => NamedWorker.Current!.Group!.JoinAll());
        }, ready);
        ready.Set();

        inside.Join().Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void A_fault_while_siblings_are_still_starting_stops_every_sibling()
    {
        for (var round = 0; round < 50; round++)
        {
            using var group = new WorkerGroup("racing");
            var failing = group.Start("fails at once", static () => throw new FormatException("early"));
            var siblings = Enumerable.Range(0, 10)
                .Select(_ => group.Start(null, static (CancellationToken stop) => stop.WaitHandle.WaitOne(UnexpectedTimeout)))
                .ToList();

            var thrown = FluentActions.Invoking(group.JoinAll).Should().Throw<AggregateException>().Which;

            thrown.InnerExceptions.Should().ContainSingle().Which.Should().BeSameAs(failing.Exception);
            siblings.Should().OnlyContain(worker => worker.IsStopRequested && !worker.IsAlive);
            group.Workers.Should().BeEmpty("the one fault has been reported, so the group keeps nothing");
        }
    }

    [Fact]
    public void A_group_keeps_running_workers_and_unreported_faults_and_forgets_the_rest()
    {
        using var group = new WorkerGroup("supervisor");
        using var release = new ManualResetEventSlim();
        var done = group.Start("done", static () => { });
        var faulted = group.Start("faulted", static () => throw new FormatException("kept until reported"));
        var running = group.Start("running", () => Wait(release));
        Join(done);
        faulted.Invoking(w => w.Join()).Should().Throw<FormatException>();

        Until(() => group.Workers.Count == 2, "the completed worker should leave the group");
        group.Workers.Should().Equal(faulted, running);

        release.Set();
        group.Invoking(g => g.JoinAll()).Should().Throw<AggregateException>().Which.InnerExceptions.Should().ContainSingle();
        group.Workers.Should().BeEmpty();
        group.Invoking(g => g.JoinAll()).Should().NotThrow("each fault is reported once");
    }
}
