using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Async;

/// <summary>What happens at the edges of an async body: leaving the thread on purpose, late posts, Dispose, telemetry.</summary>
public sealed class AsyncEdgeTests : TestBase
{
    [Fact]
    public void ConfigureAwait_false_continuations_leave_the_thread_but_the_worker_still_waits_for_the_whole_task()
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        bool? stayedAfterConfigureAwaitFalse = null;
        var worker = NamedWorker.Create("Leaves", async () =>
        {
            var own = Environment.CurrentManagedThreadId;
            awaiting.Set();
#pragma warning disable TK005 // The test pins down what TK005 warns of: ConfigureAwait(false) leaves the named thread.
            await release.Task.ConfigureAwait(false);
#pragma warning restore TK005
            stayedAfterConfigureAwaitFalse = Environment.CurrentManagedThreadId == own;
            return 7;
        });
        worker.Start();
        Wait(awaiting);
        worker.Join(ExpectedTimeout, out _).Should().BeFalse();

        release.SetResult(true);

        worker.Join().Should().Be(7);
        stayedAfterConfigureAwaitFalse.Should().BeFalse("ConfigureAwait(false) asks to leave the context, as with AsyncContext");
    }

    [Fact]
    public void Continuations_posted_after_the_body_has_ended_run_on_the_thread_pool()
    {
        SynchronizationContext? context = null;
        var worker = NamedWorker.Create("Ended", async () =>
        {
            await Task.Yield();
            context = SynchronizationContext.Current;
        });
        worker.Start();
        Join(worker);

        using var ran = new ManualResetEventSlim();
        var onPool = false;
        context!.Post(_ => { onPool = Thread.CurrentThread.IsThreadPoolThread; ran.Set(); }, null);

        Wait(ran, "a late post must never be dropped");
        onPool.Should().BeTrue();
    }

    [Fact]
    public void Dispose_requests_stop_and_waits_for_the_whole_async_body()
    {
        using var awaiting = new ManualResetEventSlim();
        var cleanedUp = false;
        var worker = NamedWorker.Create("Disposed", async (CancellationToken stop) =>
        {
            awaiting.Set();
            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                await Task.Yield();
                cleanedUp = true;
            }
        });
        worker.Start();
        Wait(awaiting);

        worker.Dispose();

        cleanedUp.Should().BeTrue("Dispose returns only after the body, awaits included, has ended");
        worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public void The_workers_activity_spans_the_whole_async_body_and_is_current_after_every_await()
    {
        using var recorder = new TelemetryRecorder(listenToActivities: true);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        Activity? atStart = null, afterYield = null, afterRelease = null;
        var worker = NamedWorker.Create("Traced async", async () =>
        {
            atStart = Activity.Current;
            await Task.Yield();
            afterYield = Activity.Current;
            awaiting.Set();
            await release.Task;
            afterRelease = Activity.Current;
        });
        worker.Start();
        Wait(awaiting);
        var held = Stopwatch.StartNew();
        Thread.Sleep(ExpectedTimeout); // A span to measure, not a synchronization: the gate above already holds the body.
        release.SetResult(true);
        Join(worker);
        held.Stop();

        var activity = recorder.ActivitiesOf("Traced async").Should().ContainSingle().Subject;
        atStart.Should().BeSameAs(activity);
        afterYield.Should().BeSameAs(activity);
        afterRelease.Should().BeSameAs(activity);
        activity.Duration.Should().BeGreaterThanOrEqualTo(ExpectedTimeout, "the activity ends with the body's task, not at its first await");
        recorder.MeasurementsOf("Traced async").Where(m => m.Instrument == "threadkit.worker.duration")
            .Should().ContainSingle().Which.Value.Should().BeGreaterThanOrEqualTo(ExpectedTimeout.TotalSeconds);
    }
}
