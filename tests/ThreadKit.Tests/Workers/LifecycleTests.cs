using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

public sealed class LifecycleTests : TestBase
{
    [Fact]
    public void A_new_worker_is_unstarted_with_no_thread_id()
    {
        var worker = NamedWorker.Create("fresh", static () => { });

        worker.State.Should().Be(WorkerState.Unstarted);
        worker.IsAlive.Should().BeFalse();
        worker.ManagedThreadId.Should().BeNull();
        worker.NativeThreadId.Should().BeNull();
        worker.Exception.Should().BeNull();
    }

    [Fact]
    public void Once_Start_returns_the_id_is_set_and_the_worker_is_alive_until_its_body_ends()
    {
        using var release = new ManualResetEventSlim();
        var seenId = 0;
        var worker = NamedWorker.Create("alive", () =>
        {
            seenId = Environment.CurrentManagedThreadId;
            Wait(release);
        });

        worker.Start();

        worker.ManagedThreadId.Should().NotBeNull();
        worker.IsAlive.Should().BeTrue();
        worker.State.Should().Be(WorkerState.Running);

        release.Set();
        worker.Join();

        worker.ManagedThreadId.Should().Be(seenId, "the id is kept after the worker ends");
        worker.IsAlive.Should().BeFalse();
        worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public void Join_with_a_timeout_returns_false_while_running_and_true_once_finished()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("timed", () => Wait(release));
        worker.Start();

        worker.Join(TimeSpan.Zero).Should().BeFalse();
        worker.Join(TimeSpan.FromMilliseconds(20)).Should().BeFalse();

        release.Set();
        worker.Join(UnexpectedTimeout).Should().BeTrue();
        worker.Join(TimeSpan.Zero).Should().BeTrue("joining again is allowed");
    }

    [Fact]
    public void Join_is_safe_from_many_threads_at_once_and_any_number_of_times()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("shared", () => Wait(release));
        worker.Start();
        const int joiners = 16;
        using var waiting = new CountdownEvent(joiners);
        var states = new WorkerState[joiners];
        var threads = Enumerable.Range(0, joiners).Select(i => new Thread(() =>
        {
            waiting.Signal();
            worker.Join();
            states[i] = worker.State;
            worker.Join();
        })).ToList();

        threads.ForEach(thread => thread.Start());
        Wait(waiting);
        release.Set();
        threads.ForEach(Join);

        states.Should().AllBeEquivalentTo(WorkerState.Completed);
    }

    [Fact]
    public void After_Join_returns_the_state_is_final_and_the_worker_is_not_alive()
    {
        for (var i = 0; i < 200; i++)
        {
            var worker = NamedWorker.Create("quick", static () => { });
            worker.Start();
            worker.Join();

            worker.IsAlive.Should().BeFalse();
            worker.State.Should().Be(WorkerState.Completed);
        }
    }

    [Fact]
    public void AsyncLocal_values_flow_into_the_worker()
    {
        var local = new AsyncLocal<string?> { Value = "from the starter" };
        string? seen = null;
        var worker = NamedWorker.Create("flows", () => seen = local.Value);

        worker.Start();
        Join(worker);

        seen.Should().Be("from the starter");
    }

    [Fact]
    public void With_FlowExecutionContext_off_AsyncLocal_values_do_not_flow()
    {
        var local = new AsyncLocal<string?> { Value = "from the starter" };
        string? seen = "unset";
        var worker = NamedWorker.Create("isolated", () => seen = local.Value);
        worker.FlowExecutionContext = false;

        worker.Start();
        Join(worker);

        seen.Should().BeNull();
        local.Value.Should().Be("from the starter", "the starter's own context is untouched");
    }

    [Fact]
    public void A_worker_is_foreground_by_default()
    {
        bool? background = null;
        var worker = NamedWorker.Create("fg", () => background = Thread.CurrentThread.IsBackground);

        worker.IsBackground.Should().BeFalse();
        worker.Start();
        Join(worker);

        background.Should().BeFalse();
    }

    [Fact]
    public void IsBackground_set_before_Start_makes_a_background_thread()
    {
        bool? background = null;
        var worker = NamedWorker.Create("bg", () => background = Thread.CurrentThread.IsBackground);
        worker.IsBackground = true;

        worker.Start();
        Join(worker);

        background.Should().BeTrue();
        worker.IsBackground.Should().BeTrue();
    }

    [Fact]
    public void A_foreground_worker_keeps_the_process_alive_after_Main_returns()
    {
        var result = ChildProcess.RunScenario("foreground-keeps-alive");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("main returning", "worker finished after main");
    }

    [Fact]
    public void ToString_shows_name_state_and_thread_id_like_Python()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("TestThread", () => Wait(release));

        worker.ToString().Should().Be("<NamedWorker(TestThread, unstarted)>");
        worker.Start();
        worker.ToString().Should().Be($"<NamedWorker(TestThread, running {worker.ManagedThreadId})>");
        release.Set();
        worker.Join();
        worker.ToString().Should().Be($"<NamedWorker(TestThread, completed {worker.ManagedThreadId})>");
    }

    [Fact]
    public void ToString_marks_background_workers_and_faults()
    {
        var worker = NamedWorker.Create("daemon", static () => throw new InvalidOperationException("x"));
        worker.IsBackground = true;
        worker.Start();
        worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();

        worker.ToString().Should().Be($"<NamedWorker(daemon, faulted background {worker.ManagedThreadId})>");
    }
}
