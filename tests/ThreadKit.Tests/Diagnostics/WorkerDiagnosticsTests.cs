using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Diagnostics;

/// <summary>The thread listing and the dump: every thread ThreadKit runs, and no other, with what each is doing.</summary>
public sealed class WorkerDiagnosticsTests : TestBase
{
    [Fact]
    public void GetThreads_lists_fresh_workers_and_idle_and_busy_loop_and_pool_threads_and_no_other_thread()
    {
        using var release = new ManualResetEventSlim();
        using var busyLoopEntered = new ManualResetEventSlim();
        using var busyJobEntered = new ManualResetEventSlim();
        var worker = NamedWorker.Create("listed worker", () => release.Wait(UnexpectedTimeout));
        worker.Start();
        using var idleLoop = WorkerLoop.Start("listed idle loop");
        using var busyLoop = WorkerLoop.Start("listed busy loop");
        busyLoop.Post(() =>
        {
            busyLoopEntered.Set();
            release.Wait(UnexpectedTimeout);
        });
        using var pool = new WorkerPool("listed pool", 2);
        using var firstJobGate = new ManualResetEventSlim();
        var first = pool.Start("first job", () => firstJobGate.Wait(UnexpectedTimeout));
        pool.Start("listed job", () =>
        {
            busyJobEntered.Set();
            release.Wait(UnexpectedTimeout);
        });
        Until(() => pool.ThreadCount == 2, "each job should get a thread");
        firstJobGate.Set();
        Join(first);
        var raw = new Thread(() => release.Wait(UnexpectedTimeout)) { Name = "raw thread", IsBackground = true };
        raw.Start();
        Wait(busyLoopEntered);
        Wait(busyJobEntered);
        Until(() => pool.BusyCount == 1, "the pool should have a busy and an idle thread");

        // An idle pool thread keeps its last job's name while it watches for the next job (up to some microseconds),
        // and takes the pool's name back before it blocks: list once it has.
        IReadOnlyList<WorkerThreadInfo> threads = [];
        Until(
            () => (threads = WorkerDiagnostics.GetThreads()).Any(thread => thread.Name.StartsWith("listed pool-", StringComparison.Ordinal)),
            "the idle pool thread should take its pool's name back");

        var fresh = threads.Should().ContainSingle(thread => thread.Name == "listed worker").Subject;
        fresh.Kind.Should().Be(WorkerThreadKind.Worker);
        fresh.ManagedThreadId.Should().Be(worker.ManagedThreadId!.Value);
        fresh.CurrentWork.Should().BeNull("a worker's thread name already says what it runs");
        fresh.QueuedCount.Should().Be(0);
        threads.Should().ContainSingle(thread => thread.Name == "listed idle loop")
            .Which.Should().Match<WorkerThreadInfo>(thread => thread.Kind == WorkerThreadKind.Loop && thread.CurrentWork == null && thread.Owner == "listed idle loop");
        threads.Should().ContainSingle(thread => thread.Name == "listed busy loop").Which.CurrentWork.Should().NotBeNull();
        var poolThreads = threads.Where(thread => thread.Owner == "listed pool").ToList();
        poolThreads.Should().HaveCount(2).And.OnlyContain(thread => thread.Kind == WorkerThreadKind.Pool);
        poolThreads.Should().ContainSingle(thread => thread.Name == "listed job" && thread.CurrentWork == "listed job");
        poolThreads.Should().ContainSingle(thread => thread.Name.StartsWith("listed pool-", StringComparison.Ordinal) && thread.CurrentWork == null);
        threads.Should().NotContain(thread => thread.Name == "raw thread" || thread.ManagedThreadId == raw.ManagedThreadId);
        threads.Should().NotContain(thread => thread.ManagedThreadId == Environment.CurrentManagedThreadId);
        threads.Should().OnlyHaveUniqueItems(thread => thread.ManagedThreadId, "a pooled job or a loop's worker is listed once, under its thread");
        if (OperatingSystem.IsLinux())
        {
            threads.Where(thread => thread.Name.StartsWith("listed", StringComparison.Ordinal))
                .Should().OnlyContain(thread => thread.NativeThreadId > 0);
        }

        release.Set();
        Join(worker);
        Join(raw);
    }

    [Fact]
    public async Task CurrentWork_names_a_loop_item_by_its_method_and_a_lambda_by_the_method_that_contains_it()
    {
        using var loop = WorkerLoop.Start("work names");
        using var gates = new SemaphoreSlim(0);
        using var entered = new SemaphoreSlim(0);
        void Hold()
        {
            entered.Release();
            gates.Wait(UnexpectedTimeout);
        }

        loop.Post(() => Hold());
        entered.Wait(UnexpectedTimeout).Should().BeTrue();
        var lambda = WorkerDiagnostics.GetThreads().Single(thread => thread.Name == "work names");
        gates.Release();

        var method = loop.InvokeAsync(Hold);
        entered.Wait(UnexpectedTimeout).Should().BeTrue();
        var named = WorkerDiagnostics.GetThreads().Single(thread => thread.Name == "work names");
        gates.Release();
        await Await(method);

        lambda.CurrentWork.Should().Be($"{nameof(WorkerDiagnosticsTests)}.{nameof(CurrentWork_names_a_loop_item_by_its_method_and_a_lambda_by_the_method_that_contains_it)} lambda");
        named.CurrentWork.Should().Be($"{nameof(WorkerDiagnosticsTests)}.Hold");
        named.CurrentWorkElapsed.Should().NotBeNull().And.BeGreaterThanOrEqualTo(TimeSpan.Zero);
    }

    [Fact]
    public void CurrentWork_is_null_for_a_fresh_worker_with_an_async_body()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("async listed", async () =>
        {
            await Task.Yield();
            release.Wait(UnexpectedTimeout);
        });
        worker.Start();
        Until(() => WorkerDiagnostics.GetThreads().Any(thread => thread.Name == "async listed"), "the worker should be listed");

        WorkerDiagnostics.GetThreads().Single(thread => thread.Name == "async listed").CurrentWork.Should().BeNull();

        release.Set();
        Join(worker);
    }

    [Fact]
    public void CurrentWorkElapsed_grows_while_one_item_runs()
    {
        using var loop = WorkerLoop.Start("elapsed");
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        loop.Post(() =>
        {
            entered.Set();
            release.Wait(UnexpectedTimeout);
        });
        Wait(entered);

        var first = WorkerDiagnostics.GetThreads().Single(thread => thread.Name == "elapsed").CurrentWorkElapsed!.Value;
        StaysClosed(release);
        var later = WorkerDiagnostics.GetThreads().Single(thread => thread.Name == "elapsed").CurrentWorkElapsed!.Value;

        (later - first).Should().BeGreaterThanOrEqualTo(ExpectedTimeout - TimeSpan.FromMilliseconds(20));
        release.Set();
    }

    [Fact]
    public void Dump_prints_one_block_per_thread_with_name_kind_owner_ids_work_elapsed_and_queue()
    {
        using var loop = WorkerLoop.Start("dumped loop");
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        loop.Post(() =>
        {
            entered.Set();
            release.Wait(UnexpectedTimeout);
        });
        loop.Post(static () => { });
        Wait(entered);

        var dump = WorkerDiagnostics.Dump();
        release.Set();

        dump.Should().StartWith("ThreadKit thread dump, ");
        var line = dump.Split('\n').Should().ContainSingle(text => text.StartsWith("\"dumped loop\"", StringComparison.Ordinal)).Subject;
        line.Should().MatchRegex(@"^""dumped loop"" loop owner=dumped loop tid=\d+ nid=(\d+|\?) running WorkerDiagnosticsTests\.\S+ lambda for \d+ ms, 1 queued$");
        dump.Should().Contain("    at WorkerDiagnosticsTests.");
        dump.Should().MatchRegex(@"\n\d+ threads?\n$");
    }

    [Fact]
    public void GetThreads_with_a_thousand_live_workers_lists_them_all()
    {
        using var release = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 1000).Select(i => NamedWorker.Create("many-" + i, () => release.Wait(UnexpectedTimeout))).ToList();
        workers.ForEach(static worker => worker.Start());
        try
        {
            WorkerDiagnostics.GetThreads().Count(thread => thread.Name.StartsWith("many-", StringComparison.Ordinal)).Should().Be(1000);
        }
        finally
        {
            release.Set();
            workers.ForEach(Join);
        }
    }
}
