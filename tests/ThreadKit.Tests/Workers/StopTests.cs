using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Cooperative stop, like C++20's jthread: a stop token, RequestStop, and Dispose that stops and joins.</summary>
public sealed class StopTests : TestBase
{
    [Fact]
    public void RequestStop_signals_the_token_a_stoppable_body_receives()
    {
        using var running = new ManualResetEventSlim();
        var worker = NamedWorker.Create("stoppable", (CancellationToken stop) =>
        {
            running.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
            return stop.IsCancellationRequested;
        });
        worker.Start();
        Wait(running);

        worker.RequestStop();

        worker.Join().Should().BeTrue();
        worker.IsStopRequested.Should().BeTrue();
        worker.State.Should().Be(WorkerState.Completed, "returning when asked to stop is a normal end");
    }

    [Fact]
    public void Typed_arguments_come_before_the_stop_token()
    {
        var worker = NamedWorker.Create("args then token", static (int a, string b, CancellationToken stop) => $"{a}{b}{stop.CanBeCanceled}", 1, "b");

        worker.Start();

        worker.Join().Should().Be("1bTrue");
    }

    [Fact]
    public void An_outside_token_also_stops_the_worker()
    {
        using var outside = new CancellationTokenSource();
        using var running = new ManualResetEventSlim();
        var worker = NamedWorker.Create("outside", (CancellationToken stop) =>
        {
            running.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
        }, outside.Token);
        worker.Start();
        Wait(running);

        outside.Cancel();

        Join(worker);
        worker.IsStopRequested.Should().BeTrue();
    }

    [Fact]
    public void The_outside_token_registration_is_released_when_the_worker_ends()
    {
        using var outside = new CancellationTokenSource();
        var worker = NamedWorker.Create("released", static (CancellationToken _) => { }, outside.Token);
        worker.Start();
        Join(worker);

        outside.Cancel();

        worker.IsStopRequested.Should().BeFalse("the worker stopped listening to the outside token when it ended");
    }

    [Fact]
    public void Throwing_for_its_own_stop_token_ends_the_worker_Canceled_not_Faulted()
    {
        var reported = false;
        using var running = new ManualResetEventSlim();
        var worker = NamedWorker.Create("honours stop", (CancellationToken stop) =>
        {
            running.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
            stop.ThrowIfCancellationRequested();
        });
        EventHandler<WorkerExceptionEventArgs> handler = (_, e) => reported |= e.Worker == worker;
        NamedWorker.UnhandledException += handler;
        try
        {
            worker.Start();
            Wait(running);
            worker.RequestStop();

            worker.Invoking(w => w.Join()).Should().Throw<OperationCanceledException>();
            worker.State.Should().Be(WorkerState.Canceled);
            worker.Exception.Should().BeAssignableTo<OperationCanceledException>();
            reported.Should().BeFalse("honouring a stop request is not a fault");
        }
        finally
        {
            NamedWorker.UnhandledException -= handler;
        }
    }

    [Fact]
    public async Task JoinAsync_of_a_Canceled_worker_is_a_canceled_task()
    {
        var worker = NamedWorker.Create("canceled async", static (CancellationToken stop) =>
        {
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
            stop.ThrowIfCancellationRequested();
        });
        worker.Start();
        worker.RequestStop();

        var join = worker.JoinAsync();
        await join.Awaiting(t => Await(t)).Should().ThrowAsync<OperationCanceledException>();
        join.IsCanceled.Should().BeTrue();
    }

    [Fact]
    public void An_OperationCanceledException_for_another_token_is_a_fault()
    {
        using var unrelated = new CancellationTokenSource();
        unrelated.Cancel();
        var worker = NamedWorker.Create("unrelated cancel", (CancellationToken _) => unrelated.Token.ThrowIfCancellationRequested());
        worker.Start();

        worker.Invoking(w => w.Join()).Should().Throw<OperationCanceledException>();
        worker.State.Should().Be(WorkerState.Faulted);
    }

    [Fact]
    public void RequestStop_before_Start_starts_the_body_with_the_token_signalled()
    {
        var worker = NamedWorker.Create("pre-stopped", static (CancellationToken stop) => stop.IsCancellationRequested);

        worker.RequestStop();
        worker.Start();

        worker.Join().Should().BeTrue();
    }

    [Fact]
    public void A_plain_body_can_read_its_stop_token_through_Current()
    {
        using var running = new ManualResetEventSlim();
        var worker = NamedWorker.Create("plain", () =>
        {
            var stop = NamedWorker.Current!.StopToken;
            running.Set();
            return stop.WaitHandle.WaitOne(UnexpectedTimeout);
        });
        worker.Start();
        Wait(running);

        worker.RequestStop();

        worker.Join().Should().BeTrue();
    }

    [Fact]
    public void Dispose_requests_stop_then_joins()
    {
        using var running = new ManualResetEventSlim();
        var worker = NamedWorker.Create("disposed", (CancellationToken stop) =>
        {
            running.Set();
            stop.WaitHandle.WaitOne(UnexpectedTimeout);
        });
        worker.Start();
        Wait(running);

        worker.Dispose();

        worker.IsAlive.Should().BeFalse("Dispose returns only after the body ended");
        worker.IsStopRequested.Should().BeTrue();
        worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public void Dispose_never_throws_the_bodys_exception()
    {
        var worker = NamedWorker.Create("fails quietly", static () => throw new FormatException("kept"));
        worker.Start();

        worker.Invoking(w => w.Dispose()).Should().NotThrow();

        worker.Exception.Should().BeOfType<FormatException>();
        worker.Invoking(w => w.Join()).Should().Throw<FormatException>("a disposed worker can still be joined");
    }

    [Fact]
    public void Disposing_a_worker_that_never_started_does_nothing_but_forbids_starting_it()
    {
        var ran = false;
        var worker = NamedWorker.Create("never", () => ran = true);

        worker.Dispose();

        worker.State.Should().Be(WorkerState.Unstarted);
        worker.IsStopRequested.Should().BeFalse();
        worker.Invoking(w => w.Start()).Should().Throw<ObjectDisposedException>().WithMessage("*Create a new worker*");
        worker.Invoking(w => w.Join()).Should().Throw<ObjectDisposedException>();
        ran.Should().BeFalse();
    }

    [Fact]
    public void Dispose_from_the_workers_own_thread_requests_stop_without_waiting_for_itself()
    {
        NamedWorker? self = null;
        using var ready = new ManualResetEventSlim();
        var worker = NamedWorker.Create("self-disposer", () =>
        {
            Wait(ready);
            self!.Dispose();
            return self.IsStopRequested;
        });
        self = worker;
        worker.Start();
        ready.Set();

        worker.Join().Should().BeTrue();
    }

    [Fact]
    public void RequestStop_racing_completion_never_faults_and_never_hangs()
    {
        for (var i = 0; i < 500; i++)
        {
            var worker = NamedWorker.Create("stop race", static (CancellationToken stop) => stop.ThrowIfCancellationRequested());
            worker.Start();
            worker.RequestStop();

            var outcome = Record.Exception(() => Join(worker));

            worker.State.Should().BeOneOf(WorkerState.Completed, WorkerState.Canceled);
            if (worker.State == WorkerState.Canceled)
            {
                outcome.Should().BeAssignableTo<OperationCanceledException>();
            }
            else
            {
                outcome.Should().BeNull();
            }
        }
    }
}
