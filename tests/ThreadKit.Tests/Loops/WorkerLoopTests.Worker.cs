using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Loops;

// A loop's worker is the loop: stopping, disposing and joining it act on the loop. Its completion task is stable, and
// the loop keeps nothing of an item once the item has run.
public sealed partial class WorkerLoopTests
{
    [Fact]
    public async Task RequestStop_on_the_loops_worker_completes_the_loop_letting_queued_work_drain()
    {
        var loop = WorkerLoop.Start("stopped through its worker");
        using var gate = new ManualResetEventSlim();
        loop.Post(() => gate.Wait(UnexpectedTimeout));
        var queued = loop.InvokeAsync(static () => NamedWorker.Current!.IsStopRequested);

        loop.Worker.RequestStop();

        loop.Invoking(l => l.Post(static () => { })).Should().Throw<InvalidOperationException>().WithMessage("Loop 'stopped through its worker'*");
        gate.Set();
        (await Await(queued)).Should().BeTrue("queued work drains, and sees the stop");
        await Await(loop.Completion);
        loop.Worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task Dispose_on_the_loops_worker_completes_drains_and_joins_the_loop()
    {
        var loop = WorkerLoop.Start("disposed through its worker");
        var ran = 0;
        for (var i = 0; i < 100; i++)
        {
            loop.Post(() => ran++);
        }

        var disposing = Task.Run(loop.Worker.Dispose);

        await Await(disposing);
        ran.Should().Be(100);
        loop.Completion.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void The_workers_stop_token_is_signalled_at_Complete()
    {
        var loop = WorkerLoop.Start("completing");
        using var gate = new ManualResetEventSlim();
        loop.Post(() => gate.Wait(UnexpectedTimeout));
        var token = loop.Worker.StopToken;
        token.IsCancellationRequested.Should().BeFalse();

        loop.Complete();

        token.IsCancellationRequested.Should().BeTrue("the loop is completing, though its queued work is still running");
        loop.Worker.IsAlive.Should().BeTrue();
        gate.Set();
        Join(loop.Worker);
    }

    [Fact]
    public void Join_on_the_loops_worker_returns_when_the_loop_has_ended()
    {
        var loop = WorkerLoop.Start("joined");
        loop.Worker.Join(ExpectedTimeout).Should().BeFalse("the loop serves until it is completed");

        loop.Complete();

        Join(loop.Worker);
        loop.Completion.IsCompleted.Should().BeTrue();
    }

    [Fact]
    public void A_stop_callback_that_throws_still_completes_and_drains_the_loop_before_Dispose_throws()
    {
        var loop = WorkerLoop.Start("throwing callback");
        loop.Worker.StopToken.Register(static () => throw new InvalidOperationException("callback"));
        var ran = false;
        loop.Post(() => ran = true);

        loop.Invoking(l => l.Dispose()).Should().Throw<AggregateException>();

        ran.Should().BeTrue();
        loop.Completion.IsCompleted.Should().BeTrue("Dispose waits for the loop before it throws");
    }

    [Fact]
    public async Task Completion_is_the_same_task_on_every_read_before_and_after_the_end()
    {
        var loop = WorkerLoop.Start("stable");
        var before = loop.Completion;

        loop.Complete();
        await Await(loop.Completion);

        loop.Completion.Should().BeSameAs(before);
        (await Task.WhenAny(loop.Completion, Task.Delay(UnexpectedTimeout))).Should().BeSameAs(loop.Completion,
            "a loop that did complete must be recognised as the task that won");
    }

    [Fact]
    public void An_idle_loop_keeps_no_finished_item_its_delegate_or_its_result()
    {
        using var loop = WorkerLoop.Start("forgetful");
        var (task, body, result) = RunOneLoopItem(loop);
        Until(() => loop.QueuedCount == 0, "the loop should go idle");

        task.ShouldBeCollected("the loop must not hold its last item's task");
        body.ShouldBeCollected("nor its delegate");
        result.ShouldBeCollected("nor its result, once taken");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Task, WeakReference Body, WeakReference Result) RunOneLoopItem(WorkerLoop loop)
    {
        var captured = new object();
        Func<byte[]> body = () => captured is null ? [] : new byte[1024 * 1024];
        var task = loop.InvokeAsync(body);
        Until(() => task.IsCompleted, "the item should run");
        var result = task.Result;
        return (new WeakReference(task), new WeakReference(body), new WeakReference(result));
    }
}
