using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Diagnostics.Stacks.Tests;

// Captures open a session to this process; the suite's captures take turns with each other's assertions by running
// in one collection.
[Collection(nameof(StackCaptures))]
public sealed class WorkerStacksTests : TestBase
{
    [Fact]
    public async Task A_worker_blocked_in_a_known_method_appears_under_its_name_with_that_method_and_its_native_id()
    {
        using var release = new ManualResetEventSlim();
        using var blocked = new ManualResetEventSlim();
        var worker = NamedWorker.Create("orders-consumer", static (Gates gates) => Orders.WaitForOrder(gates), new Gates(blocked, release));
        worker.Start();
        try
        {
            Wait(blocked);

            var stacks = await Await(WorkerStacks.CaptureAsync());

            var stack = stacks.Should().ContainSingle(s => s.Name == "orders-consumer").Subject;
            stack.NativeThreadId.Should().Be(worker.NativeThreadId!.Value);
            stack.Frames.Should().Contain("ThreadKit.Diagnostics.Stacks.Tests.Orders.WaitForOrder");
            stack.Frames.Should().NotContain(frame => frame.Contains("0x", StringComparison.Ordinal) || frame.Contains('('), "frames carry names, not addresses or arguments");
            stack.Worker.Should().NotBeNull().And.Match<WorkerThreadInfo>(info => info.Kind == WorkerThreadKind.Worker);
            stacks.Should().NotContain(s => s.Name.StartsWith("ThreadKit stack capture", StringComparison.Ordinal), "the capture leaves its own threads out");
        }
        finally
        {
            release.Set();
            Join(worker);
        }
    }

    [Fact]
    public async Task The_dump_prints_a_jstack_style_block_per_thread_with_ThreadKit_threads_first()
    {
        using var release = new ManualResetEventSlim();
        using var blocked = new ManualResetEventSlim();
        var worker = NamedWorker.Create("payments-reconciler", static (Gates gates) => Orders.WaitForOrder(gates), new Gates(blocked, release));
        worker.Start();
        try
        {
            Wait(blocked);

            var dump = await Await(WorkerStacks.DumpAsync());

            var blocks = dump.Split(Environment.NewLine + Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var block = blocks.Should().ContainSingle(b => b.StartsWith("\"payments-reconciler\"", StringComparison.Ordinal)).Subject;
            block.Should().StartWith($"\"payments-reconciler\" worker nid=0x{worker.NativeThreadId!.Value:X}");
            block.Should().Contain(Environment.NewLine + "   at ThreadKit.Diagnostics.Stacks.Tests.Orders.WaitForOrder");
            var firstOther = blocks.FindIndex(b => !b.StartsWith("\"payments-reconciler\"", StringComparison.Ordinal) && !b.Contains(" worker ", StringComparison.Ordinal) && !b.Contains(" loop ", StringComparison.Ordinal) && !b.Contains(" pool ", StringComparison.Ordinal));
            blocks.IndexOf(block).Should().BeLessThan(firstOther, "ThreadKit's threads come first");
        }
        finally
        {
            release.Set();
            Join(worker);
        }
    }

    [Fact]
    public async Task A_canceled_token_ends_a_capture_at_once_and_the_next_capture_still_runs()
    {
        using var cancel = new CancellationTokenSource();
        var capture = WorkerStacks.CaptureAsync(cancel.Token);
        cancel.Cancel();

        await FluentActions.Awaiting(() => Await(capture, TimeSpan.FromSeconds(2))).Should().ThrowAsync<OperationCanceledException>();
        Until(() => !WorkerDiagnostics.GetThreads().Any(thread => thread.Name.StartsWith("ThreadKit stack capture", StringComparison.Ordinal)),
            "the capture's threads end once its session is stopped; the reader ends only when the session's stream does");
        (await Await(WorkerStacks.CaptureAsync())).Should().NotBeEmpty("a canceled capture stops its session and frees the way for the next");
    }

    [Fact]
    public async Task A_capture_that_outlasts_its_timeout_throws_TimeoutException_stops_its_session_and_leaves_the_next_free()
    {
        WorkerStacks.CaptureTimeout = TimeSpan.FromMilliseconds(1);
        try
        {
            (await FluentActions.Awaiting(() => Await(WorkerStacks.CaptureAsync())).Should().ThrowAsync<TimeoutException>())
                .WithMessage("*CaptureTimeout*");
        }
        finally
        {
            WorkerStacks.CaptureTimeout = TimeSpan.FromSeconds(10);
        }

        Until(() => !WorkerDiagnostics.GetThreads().Any(thread => thread.Name.StartsWith("ThreadKit stack capture", StringComparison.Ordinal)),
            "a timed-out capture's threads end, which its reader does only once the session's stream has ended");
        (await Await(WorkerStacks.CaptureAsync())).Should().NotBeEmpty();
    }

    [Fact]
    public async Task An_already_canceled_token_throws_before_anything_starts()
    {
        await FluentActions.Awaiting(() => WorkerStacks.CaptureAsync(new CancellationToken(canceled: true))).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Concurrent_captures_take_turns_and_all_succeed()
    {
        var captures = Enumerable.Range(0, 3).Select(_ => WorkerStacks.CaptureAsync()).ToArray();

        var results = await Await(Task.WhenAll(captures));

        results.Should().AllSatisfy(stacks => stacks.Should().NotBeEmpty());
    }

    [Fact]
    public async Task A_disabled_diagnostic_port_fails_at_once_with_NotSupportedException_naming_the_setting()
    {
        Environment.SetEnvironmentVariable("DOTNET_EnableDiagnostics", "0");
        try
        {
            var capture = WorkerStacks.CaptureAsync();
            capture.IsCompleted.Should().BeTrue("the check runs before any session or thread");
            (await FluentActions.Awaiting(() => capture).Should().ThrowAsync<NotSupportedException>())
                .WithMessage("*DOTNET_EnableDiagnostics*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_EnableDiagnostics", null);
        }

        (await Await(WorkerStacks.CaptureAsync())).Should().NotBeEmpty("a refused capture leaves the process as it was");
    }

    [Fact]
    public async Task A_capture_after_the_first_creates_no_EventSource_which_a_process_tracing_itself_must_not()
    {
        await Await(WorkerStacks.CaptureAsync());
        using var listener = new SourceWatcher();

        await Await(WorkerStacks.CaptureAsync());

        listener.CreatedDuringCapture.Should().BeEmpty("a new EventSource during a session of the process's own can deadlock it (dotnet/runtime#1892)");
    }

    [Fact]
    public void The_capture_timeout_refuses_zero_and_negative_values()
    {
        FluentActions.Invoking(() => WorkerStacks.CaptureTimeout = TimeSpan.Zero).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => WorkerStacks.StallCaptureInterval = TimeSpan.FromSeconds(-1)).Should().Throw<ArgumentOutOfRangeException>();
        WorkerStacks.CaptureTimeout.Should().Be(TimeSpan.FromSeconds(10));
    }
}

/// <summary>Records every EventSource created after it is, as EventListener reports each source when it appears.</summary>
internal sealed class SourceWatcher : EventListener
{
    private readonly ConcurrentQueue<string> _created = new();
    private readonly bool _ready;

    public SourceWatcher() => _ready = true;

    public IReadOnlyCollection<string> CreatedDuringCapture => _created;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // The base constructor reports every existing source before this one's constructor body has run.
        if (_ready)
        {
            _created.Enqueue(eventSource.Name);
        }
    }
}

internal sealed record Gates(ManualResetEventSlim Blocked, ManualResetEventSlim Release);

internal static class Orders
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void WaitForOrder(Gates gates)
    {
        gates.Blocked.Set();
        gates.Release.Wait(TestBase.UnexpectedTimeout);
    }
}

[CollectionDefinition(nameof(StackCaptures), DisableParallelization = true)]
public sealed class StackCaptures;
