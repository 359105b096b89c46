using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Loops;

/// <summary>Shutting a loop down loses nothing: queued work drains, started async work finishes, late work is refused.</summary>
public sealed class WorkerLoopShutdownTests : TestBase
{
    [Fact]
    public async Task Complete_drains_queued_work_and_waits_for_async_work_it_started_before_the_thread_ends()
    {
        var loop = WorkerLoop.Start("draining");
        using var hold = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ran = new List<string>();
        loop.Post(() => { holding.Set(); Wait(hold); ran.Add("first"); });
        Wait(holding);
        loop.Post(() => ran.Add("queued"));
        var asyncWork = loop.InvokeAsync(async () =>
        {
            await release.Task;
            ran.Add($"async, on loop: {loop.IsLoopThread}");
        });

        loop.Complete();
        hold.Set();
        await Task.Yield();
        loop.Completion.IsCompleted.Should().BeFalse("async work the loop started is still awaiting");

        release.SetResult(true);
        await Await(loop.Completion);
        await Await(asyncWork);
        ran.Should().Equal("first", "queued", "async, on loop: True");
        loop.Worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task Work_handed_to_a_busy_loop_just_before_Complete_still_runs_before_the_thread_ends()
    {
        var loop = WorkerLoop.Start("last call");
        using var hold = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        loop.Post(() => { holding.Set(); Wait(hold); });
        Wait(holding);
        var last = loop.InvokeAsync(static () => "ran");

        loop.Complete();
        hold.Set();

        (await Await(last)).Should().Be("ran");
        await Await(loop.Completion);
        loop.QueuedCount.Should().Be(0);
    }

    [Fact]
    public async Task Work_submitted_after_Complete_is_refused_with_an_exception_naming_the_loop()
    {
        var loop = WorkerLoop.Start("closed shop");
        loop.Complete();
        loop.Complete();

        loop.Invoking(l => l.Post(static () => { })).Should().Throw<InvalidOperationException>().WithMessage("Loop 'closed shop' has been completed*");
        loop.Invoking(l => { _ = l.InvokeAsync(static () => 1); }).Should().Throw<InvalidOperationException>().WithMessage("*closed shop*");
        loop.Invoking(l => { _ = l.InvokeAsync(static () => Task.CompletedTask); }).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => { _ = Task.Factory.StartNew(static () => { }, CancellationToken.None, TaskCreationOptions.None, loop.Scheduler); })
            .Should().Throw<TaskSchedulerException>().WithInnerException<InvalidOperationException>();
        await Await(loop.Completion);
    }

    [Fact]
    public void Dispose_completes_the_loop_and_waits_for_everything_queued()
    {
        var loop = WorkerLoop.Start("disposed");
        var count = 0;
        for (var i = 0; i < 1000; i++)
        {
            loop.Post(() => count++);
        }

        loop.Dispose();

        count.Should().Be(1000);
        loop.Completion.IsCompletedSuccessfully.Should().BeTrue();
        loop.Worker.IsAlive.Should().BeFalse();
    }

    [Fact]
    public async Task DisposeAsync_completes_the_loop_and_waits_for_it()
    {
        var loop = WorkerLoop.Start("disposed async");
        var ran = false;
        loop.Post(() => ran = true);

        await Await(loop.DisposeAsync().AsTask());

        ran.Should().BeTrue();
        loop.Worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task Dispose_from_the_loops_own_thread_completes_without_waiting()
    {
        var loop = WorkerLoop.Start("self disposing");

        await Await(loop.InvokeAsync(() => loop.Dispose()));

        await Await(loop.Completion);
        loop.Worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public async Task The_loop_shows_in_the_meter_like_any_worker_with_its_own_instruments_tagged_by_name()
    {
        using var recorder = new TelemetryRecorder();
        var loop = WorkerLoop.Start("metered loop");
        using var hold = new ManualResetEventSlim();
        using var holding = new ManualResetEventSlim();
        loop.Post(() => { holding.Set(); Wait(hold); });
        Wait(holding);
        loop.Post(static () => { });
        loop.Post(static () => { });

        var queueLengths = recorder.Observe("threadkit.loop.queue.length")
            .Where(m => (string?)m.Tags["threadkit.loop.name"] == "metered loop").ToList();
        hold.Set();
        await Await(loop.InvokeAsync(static () => { }));
        loop.Dispose();

        queueLengths.Should().ContainSingle().Which.Value.Should().Be(2);
        var measurements = recorder.MeasurementsOf("metered loop");
        measurements.Should().Contain(m => m.Instrument == "threadkit.workers.started");
        measurements.Where(m => m.Instrument == "threadkit.loop.items.processed")
            .Should().HaveCount(4).And.OnlyContain(m => (string?)m.Tags["threadkit.loop.name"] == "metered loop");
        recorder.Observe("threadkit.loop.queue.length").Should().NotContain(m => (string?)m.Tags["threadkit.loop.name"] == "metered loop",
            "a loop that has ended is no longer observed");
    }
}
