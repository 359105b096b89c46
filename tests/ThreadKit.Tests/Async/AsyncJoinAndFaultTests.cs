using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Async;

/// <summary>Joins wait for the whole async body, give its value, and rethrow its fault as it was thrown.</summary>
public sealed class AsyncJoinAndFaultTests : TestBase
{
    [Fact]
    public async Task Every_join_completes_only_when_the_bodys_task_does_and_gives_its_value()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        var worker = NamedWorker.Create("Answer", async () =>
        {
            awaiting.Set();
            var value = await release.Task;
            await Task.Yield();
            return value * 2;
        });
        worker.Start();
        Wait(awaiting);

        var joinAsync = worker.JoinAsync();
        worker.Join(ExpectedTimeout, out _).Should().BeFalse("the body's task is still pending");
        worker.State.Should().Be(WorkerState.Running);
        joinAsync.IsCompleted.Should().BeFalse();

        release.SetResult(21);
        worker.Join().Should().Be(42);
        worker.Join(UnexpectedTimeout, out var viaTimeout).Should().BeTrue();
        viaTimeout.Should().Be(42);
        (await Await(joinAsync)).Should().Be(42);
        worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task A_fault_after_an_await_is_rethrown_by_every_join_with_its_type_and_stack_never_as_an_AggregateException()
    {
        var worker = NamedWorker.Create("Thrower", ThrowAfterAwaitAsync);
        worker.Start();

        var fromJoin = Record.Exception(() => worker.Join());
        var fromTimedJoin = Record.Exception(() => worker.Join(UnexpectedTimeout));
        var fromJoinAsync = await Record.ExceptionAsync(() => worker.JoinAsync());

        fromJoin.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("boom");
        fromJoin!.StackTrace.Should().Contain(nameof(ThrowAfterAwaitAsync), "the original stack is kept");
        fromTimedJoin.Should().BeSameAs(fromJoin);
        fromJoinAsync.Should().BeSameAs(fromJoin);
        worker.Exception.Should().BeSameAs(fromJoin);
        worker.State.Should().Be(WorkerState.Faulted);
    }

    [Fact]
    public void The_fault_is_reported_once_through_UnhandledException()
    {
        var reports = new ConcurrentBag<Exception>();
        void OnFault(object? sender, WorkerExceptionEventArgs e)
        {
            if (e.Worker.Name == "Reported once")
            {
                reports.Add(e.Exception);
            }
        }

        NamedWorker.UnhandledException += OnFault;
        try
        {
            var worker = NamedWorker.Create("Reported once", ThrowAfterAwaitAsync);
            worker.Start();
            worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();

            reports.Should().ContainSingle().Which.Should().BeSameAs(worker.Exception);
        }
        finally
        {
            NamedWorker.UnhandledException -= OnFault;
        }
    }

    [Fact]
    public void A_callback_posted_to_the_context_that_throws_faults_the_worker_and_asks_it_to_stop()
    {
        var worker = NamedWorker.Create("Posted fault", async (CancellationToken stop) =>
        {
            SynchronizationContext.Current!.Post(static _ => throw new FormatException("posted"), null);
            await Task.Delay(Timeout.Infinite, stop).ContinueWith(static _ => { }, TaskScheduler.Default);
        });
        worker.Start();

        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<FormatException>().WithMessage("posted");
        worker.State.Should().Be(WorkerState.Faulted);
        worker.IsStopRequested.Should().BeTrue("the fault asks the body to stop, so that it can end");
    }

    [Fact]
    public void A_callback_fault_is_not_hidden_by_the_cancellation_it_caused()
    {
        var worker = NamedWorker.Create("Fault then cancel", async (CancellationToken stop) =>
        {
            SynchronizationContext.Current!.Post(static _ => throw new FormatException("posted"), null);
            await Task.Delay(Timeout.Infinite, stop);
        });
        worker.Start();

        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<FormatException>();
        worker.State.Should().Be(WorkerState.Faulted);
    }

    [Fact]
    public async Task OperationCanceledException_for_the_workers_own_stop_token_ends_it_Canceled()
    {
        using var awaiting = new ManualResetEventSlim();
        var worker = NamedWorker.Create("Stoppable", async (CancellationToken stop) =>
        {
            awaiting.Set();
            await Task.Delay(Timeout.Infinite, stop);
        });
        worker.Start();
        Wait(awaiting);

        worker.RequestStop();

        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<OperationCanceledException>();
        worker.State.Should().Be(WorkerState.Canceled);
        await FluentActions.Awaiting(() => worker.JoinAsync()).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void A_body_that_returns_a_null_task_faults_with_a_message_naming_the_worker()
    {
        var plain = NamedWorker.Create("Null task", static () => (Task)null!);
        var valued = NamedWorker.Create("Null valued task", static () => (Task<int>)null!);
        plain.Start();
        valued.Start();

        plain.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>()
            .WithMessage("The body of worker 'Null task' returned a null Task.*");
        valued.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>()
            .WithMessage("The body of worker 'Null valued task' returned a null Task.*");
    }

    [Fact]
    public void A_body_that_throws_before_its_first_await_faults_like_any_other()
    {
        var worker = NamedWorker.Create("Throws early", static Task () => throw new ArgumentException("early"));
        worker.Start();

        worker.Invoking(w => w.Join()).Should().Throw<ArgumentException>().WithMessage("early");
        worker.State.Should().Be(WorkerState.Faulted);
    }

    [Fact]
    public void An_async_worker_that_nobody_awaits_allocates_no_completion_source()
    {
        var quiet = NamedWorker.Create("Quiet async", static async () => await Task.Yield());
        quiet.Start();
        Join(quiet);

        quiet.HasJoinSourceAllocated().Should().BeFalse("the pump waits on the body's own task, not on the worker's completion source");
        quiet.HasExtrasAllocated().Should().BeFalse("an async body without a stop token needs no stop state either");
    }

    private static async Task ThrowAfterAwaitAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("boom");
    }
}
