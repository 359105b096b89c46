using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Diagnostics;

/// <summary>
/// The watchdog and the thread listing at their edges: an async body that blocks on its own thread, thresholds of any
/// size, listings taken while threads start, end and run, all at once.
/// </summary>
public sealed class WatchdogEdgeTests : TestBase
{
    [Fact]
    public void An_async_body_that_blocks_on_work_queued_to_its_own_thread_is_reported_naming_the_worker_and_the_deadlock()
    {
        using var stalls = new StallRecorder("blocks on itself");
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        // A block lambda whose end cannot be reached: C# binds it to Func<Task>, so it runs as an async body on the
        // worker's single-threaded context, where waiting for YieldOnce's continuation, queued behind the wait, deadlocks.
#pragma warning disable TK007 // The test pins down what TK007 warns of: such a lambda runs as an async body.
        var worker = NamedWorker.Create("blocks on itself", () =>
        {
            Task.WhenAny(YieldOnceAsync(), release.Task).Wait();
            throw new OperationCanceledException("released by the test");
        });
#pragma warning restore TK007
        worker.IsBackground = true;
        worker.Start();

        var (stall, _) = stalls.Next(TimeSpan.FromSeconds(20));
        release.SetResult(true);
        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<OperationCanceledException>("the body ends by throwing, once released");

        stall.Thread.Kind.Should().Be(WorkerThreadKind.Worker);
        stall.Thread.Name.Should().Be("blocks on itself");
        stall.Thread.QueuedCount.Should().Be(1, "the continuation waits behind the body");
        stall.Elapsed.Should().BeGreaterThanOrEqualTo(WorkerLoop.DefaultStallThreshold);
        stall.Message.Should().StartWith("Worker 'blocks on itself'")
            .And.Contain("waits synchronously").And.Contain("for work queued to its own thread").And.Contain("cast the lambda to Action");
        stalls.Stalls.Should().ContainSingle();
    }

    [Fact]
    public async Task An_async_body_that_awaits_is_listed_as_a_plain_worker_and_never_reported()
    {
        using var stalls = new StallRecorder("awaits properly");
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = NamedWorker.Create("awaits properly", async () => await release.Task);
        worker.Start();

        var listed = WorkerDiagnostics.GetThreads().Where(static thread => thread.Name == "awaits properly").ToList();
        release.SetResult(true);
        await Await(worker.JoinAsync());

        listed.Should().ContainSingle().Which.Kind.Should().Be(WorkerThreadKind.Worker);
        stalls.Stalls.Should().BeEmpty();
    }

    [Fact]
    public void A_huge_threshold_is_accepted_and_the_watchdog_keeps_reporting_other_loops()
    {
        using var stalls = new StallRecorder("still watched");
        using var huge = WorkerLoop.Start("huge threshold");
        huge.StallThreshold = TimeSpan.MaxValue;
        using var year = WorkerLoop.Start("a year's threshold");
        year.StallThreshold = TimeSpan.FromDays(365);
        using var watched = WorkerLoop.Start("still watched");
        watched.StallThreshold = TimeSpan.FromMilliseconds(200);
        using var release = new ManualResetEventSlim();
        watched.Post(() => release.Wait(UnexpectedTimeout));

        var (stall, _) = stalls.Next(UnexpectedTimeout);
        release.Set();

        stall.Thread.Name.Should().Be("still watched");
        huge.StallThreshold.Should().Be(TimeSpan.MaxValue);
        WorkerLoop.Start("after a huge threshold").Dispose();
    }

    [Fact]
    public void Listings_taken_from_six_threads_at_once_never_show_a_negative_elapsed_time()
    {
        // Short items one after another, so that listings keep meeting items no listing has seen yet.
        using var loop = WorkerLoop.Start("listed while busy");
        var stop = false;
        void Item()
        {
            Thread.SpinWait(500);
            if (!Volatile.Read(ref stop))
            {
                loop.Post(Item);
            }
        }

        loop.Post(Item);
        var negative = new ConcurrentQueue<TimeSpan>();

        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, _ =>
        {
            for (var i = 0; i < 2000; i++)
            {
                foreach (var thread in WorkerDiagnostics.GetThreads())
                {
                    if (thread.CurrentWorkElapsed is { } elapsed && elapsed < TimeSpan.Zero)
                    {
                        negative.Enqueue(elapsed);
                    }
                }
            }
        });
        Volatile.Write(ref stop, true);

        negative.Should().BeEmpty("an elapsed time is measured from a clock read in the order of the samples");
    }

    [Fact]
    public async Task A_loop_that_is_starting_or_ending_is_never_listed_as_a_plain_worker()
    {
        var wrong = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();
        var lister = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                foreach (var thread in WorkerDiagnostics.GetThreads().Where(static t => t.Name.StartsWith("kind-loop-", StringComparison.Ordinal)))
                {
                    if (thread.Kind != WorkerThreadKind.Loop)
                    {
                        wrong.Enqueue(thread.ToString());
                    }
                }
            }
        });

        for (var i = 0; i < 300; i++)
        {
            WorkerLoop.Start("kind-loop-" + i).Dispose();
        }

        done.Cancel();
        await Await(lister);
        wrong.Should().BeEmpty("a loop's worker is only ever listed as its loop thread");
    }

    private static async Task YieldOnceAsync() => await Task.Yield();
}
