using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using FluentAssertions;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Diagnostics.Stacks.Tests;

[Collection(nameof(StackCaptures))]
public sealed class StallCaptureTests : TestBase, IDisposable
{
    private readonly ConcurrentQueue<StallStackEventArgs> _captured = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public StallCaptureTests()
    {
        WorkerStacks.StallStackCaptured += OnCaptured;
    }

    public void Dispose()
    {
        WorkerStacks.CaptureOnStall = false;
        WorkerStacks.StallCaptureInterval = TimeSpan.FromSeconds(30);
        WorkerStacks.StallStackCaptured -= OnCaptured;
        _arrived.Dispose();
    }

    [Fact]
    public void A_stalled_loops_stall_raises_StallStackCaptured_with_the_stuck_method_off_the_watchdogs_thread()
    {
        WorkerStacks.StallCaptureInterval = TimeSpan.Zero;
        WorkerStacks.CaptureOnStall = true;
        using var release = new ManualResetEventSlim();
        using var loop = WorkerLoop.Start("stuck-sqlite");
        loop.StallThreshold = TimeSpan.FromMilliseconds(300);
        loop.Post(() => Ledger.SaveSlowly(release));
        try
        {
            var captured = Next("stuck-sqlite");

            captured.Error.Should().BeNull();
            captured.Stall.Thread.Name.Should().Be("stuck-sqlite");
            captured.Stack.Should().NotBeNull();
            captured.Stack!.Name.Should().Be("stuck-sqlite");
            captured.Stack.Frames.Should().Contain("ThreadKit.Diagnostics.Stacks.Tests.Ledger.SaveSlowly");
            captured.ToString().Should().Contain("   at ThreadKit.Diagnostics.Stacks.Tests.Ledger.SaveSlowly");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void Stalls_within_the_interval_of_the_last_capture_are_not_captured_again()
    {
        WorkerStacks.StallCaptureInterval = TimeSpan.Zero;
        WorkerStacks.CaptureOnStall = true;
        using var release = new ManualResetEventSlim();
        using var first = WorkerLoop.Start("stuck-first");
        using var second = WorkerLoop.Start("stuck-second");
        first.StallThreshold = TimeSpan.FromMilliseconds(300);
        first.Post(() => Ledger.SaveSlowly(release));
        try
        {
            Next("stuck-first");
            WorkerStacks.StallCaptureInterval = TimeSpan.FromMinutes(10);
            second.StallThreshold = TimeSpan.FromMilliseconds(300);
            second.Post(() => Ledger.SaveSlowly(release));

            _arrived.Wait(TimeSpan.FromSeconds(2)).Should().BeFalse("one capture per interval, however many stalls come");
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void With_CaptureOnStall_off_a_stall_triggers_no_capture()
    {
        WorkerStacks.CaptureOnStall = false;
        using var release = new ManualResetEventSlim();
        using var loop = WorkerLoop.Start("stuck-quiet");
        loop.StallThreshold = TimeSpan.FromMilliseconds(200);
        loop.Post(() => Ledger.SaveSlowly(release));
        try
        {
            _arrived.Wait(TimeSpan.FromSeconds(1.5)).Should().BeFalse("the package does nothing until asked");
        }
        finally
        {
            release.Set();
        }
    }

    private StallStackEventArgs Next(string thread)
    {
        var deadline = DateTime.UtcNow + UnexpectedTimeout;
        while (_arrived.Wait(deadline - DateTime.UtcNow))
        {
            if (_captured.TryDequeue(out var captured) && captured.Stall.Thread.Name == thread)
            {
                return captured;
            }
        }

        throw new TimeoutException($"No stall capture came for '{thread}'.");
    }

    private void OnCaptured(object? sender, StallStackEventArgs captured)
    {
        if (captured.Stall.Thread.Name.StartsWith("stuck-", StringComparison.Ordinal))
        {
            _captured.Enqueue(captured);
            _arrived.Release();
        }
    }
}

internal static class Ledger
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SaveSlowly(ManualResetEventSlim release) => release.Wait(TestBase.UnexpectedTimeout);
}
