using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Async;

/// <summary>
/// An async body stays on its worker's thread: after every await it is still on that thread, under the worker's
/// name, with the worker as <see cref="NamedWorker.Current"/>, and with the same single-threaded context.
/// </summary>
public sealed class AsyncPlacementTests : TestBase
{
    [Fact]
    public void After_every_await_the_body_is_on_the_workers_thread_under_its_name()
    {
        var released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        NamedWorker? worker = null;
        worker = NamedWorker.Create("AsyncBody", async () =>
        {
            var where = new Placement(worker!);
            await Task.Yield();
            where.Check("after Task.Yield");
            await Task.Delay(1);
            where.Check("after Task.Delay, which completes on a timer thread");
            awaiting.Set();
            await released.Task;
            where.Check("after a task completed by another thread");
            await Task.Run(static () => { });
            where.Check("after Task.Run");
        });

        worker.Start();
        Wait(awaiting);
        released.SetResult(true);
        worker.Join(UnexpectedTimeout).Should().BeTrue();
    }

    [Fact]
    public void While_the_body_awaits_its_thread_blocks_and_no_pool_thread_is_held()
    {
        var released = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        var resumedOnPoolThread = true;
        var worker = NamedWorker.Create("Blocking awaiter", async () =>
        {
            awaiting.Set();
            await released.Task;
            resumedOnPoolThread = Thread.CurrentThread.IsThreadPoolThread;
        });
        worker.Start();
        Wait(awaiting);

        var thread = worker.Thread!;
        Until(() => IsBlocked(thread), "the awaiting worker's thread should block, not spin");

        released.SetResult(true);
        Join(worker);
        resumedOnPoolThread.Should().BeFalse();
    }

    [Fact]
    public void The_context_is_the_same_single_object_across_awaits_and_TaskScheduler_Current_is_the_default()
    {
        SynchronizationContext? before = null, after = null;
        TaskScheduler? scheduler = null;
        var ranOnPool = false;
        var worker = NamedWorker.Create("Context", async () =>
        {
            before = SynchronizationContext.Current;
            scheduler = TaskScheduler.Current;
            await Task.Yield();
            after = SynchronizationContext.Current;
            ranOnPool = await Task.Run(static () => Thread.CurrentThread.IsThreadPoolThread);
        });

        worker.Start();
        Join(worker);

        before.Should().NotBeNull().And.BeSameAs(after);
        before!.CreateCopy().Should().BeSameAs(before, "the context is single-threaded; a copy is the same thread");
        scheduler.Should().BeSameAs(TaskScheduler.Default, "Task.Run and StartNew must never land on the worker by accident");
        ranOnPool.Should().BeTrue();
    }

    [Fact]
    public void Send_from_the_workers_own_thread_runs_inline()
    {
        int? sentOn = null, bodyOn = null;
        var worker = NamedWorker.Create("Sender", async () =>
        {
            await Task.Yield();
            bodyOn = Environment.CurrentManagedThreadId;
            var order = 0;
            SynchronizationContext.Current!.Send(_ => { sentOn = Environment.CurrentManagedThreadId; order = 1; }, null);
            order.Should().Be(1, "Send returns only after the callback ran, inline");
        });

        worker.Start();
        Join(worker);
        sentOn.Should().Be(bodyOn);
    }

    [Fact]
    public async Task Send_from_another_thread_runs_on_the_worker_and_rethrows_there()
    {
        var context = new TaskCompletionSource<SynchronizationContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = NamedWorker.Create("Send target", async () =>
        {
            context.SetResult(SynchronizationContext.Current!);
            await release.Task;
        });
        worker.Start();
        var target = await Await(context.Task);

        string? ranUnder = null;
        target.Send(_ => ranUnder = NamedWorker.CurrentThreadName, null);
        var thrown = Record.Exception(() => target.Send(_ => throw new FormatException("sent"), null));

        ranUnder.Should().Be("Send target");
        thrown.Should().BeOfType<FormatException>();
        release.SetResult(true);
        Join(worker);
        worker.State.Should().Be(WorkerState.Completed, "a Send that throws hands its fault to the sender, not the worker");
    }

    [Fact]
    public async Task Post_from_any_thread_runs_on_the_worker_while_the_body_is_pending()
    {
        var context = new TaskCompletionSource<SynchronizationContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = NamedWorker.Create("Post target", async () =>
        {
            context.SetResult(SynchronizationContext.Current!);
            await release.Task;
        });
        worker.Start();
        var target = await Await(context.Task);

        using var ran = new ManualResetEventSlim();
        string? ranUnder = null;
        NamedWorker? current = null;
        target.Post(_ => { ranUnder = NamedWorker.CurrentThreadName; current = NamedWorker.Current; ran.Set(); }, null);

        Wait(ran);
        ranUnder.Should().Be("Post target");
        current.Should().BeSameAs(worker);
        release.SetResult(true);
        Join(worker);
    }

    [Fact]
    public void Synchronous_bodies_get_no_context()
    {
        SynchronizationContext? inAction = new(), inFunc = new();
        var action = NamedWorker.Create("Sync action", () => { inAction = SynchronizationContext.Current; });
        var func = NamedWorker.Create("Sync func", () => inFunc = SynchronizationContext.Current);

        action.Start();
        func.Start();
        Join(action);
        Join(func);

        inAction.Should().BeNull("sync-over-async code in an ordinary body must not deadlock on a context");
        inFunc.Should().BeNull();
    }

    private sealed class Placement(NamedWorker worker)
    {
        private readonly int _threadId = Environment.CurrentManagedThreadId;
        private readonly SynchronizationContext? _context = SynchronizationContext.Current;

        public void Check(string where)
        {
            Environment.CurrentManagedThreadId.Should().Be(_threadId, where);
            NamedWorker.CurrentThreadName.Should().Be(worker.Name, where);
            NamedWorker.Current.Should().BeSameAs(worker, where);
            SynchronizationContext.Current.Should().BeSameAs(_context, where);
            Thread.CurrentThread.IsThreadPoolThread.Should().BeFalse(where);
        }
    }
}
