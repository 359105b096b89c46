using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Platform;

/// <summary>
/// What a pump blocks on: a wake-up is never lost, one that comes first is kept, a timed park is never cut short, and
/// on Linux the wait is a futex, woken without a lock.
/// </summary>
public sealed class ParkerTests : TestBase
{
    [Fact]
    public void On_Linux_on_x64_or_Arm64_the_parker_waits_on_a_futex()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64, "the futex is Linux's");

        new Parker().Park(TimeSpan.FromMilliseconds(1));

        Parker.UsesFutex.Should().BeTrue("the kernel here accepts the call, so no parker falls back to a monitor");
    }

    [Fact]
    public void A_wake_up_that_comes_before_the_park_is_kept_and_the_park_returns_at_once()
    {
        var parker = new Parker();
        parker.Unpark();

        var elapsed = Stopwatch.StartNew();
        parker.Park(UnexpectedTimeout);

        elapsed.Elapsed.Should().BeLessThan(UnexpectedTimeout);
    }

    [Fact]
    public void Only_one_wake_up_is_kept_however_many_come()
    {
        var parker = new Parker();
        parker.Unpark();
        parker.Unpark();
        parker.Park(UnexpectedTimeout);

        var elapsed = Stopwatch.StartNew();
        parker.Park(TimeSpan.FromMilliseconds(50));

        elapsed.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(50), "the second park found no wake-up left");
    }

    [Fact]
    public void A_timed_park_that_nobody_ends_returns_once_its_time_has_passed_and_never_before()
    {
        var parker = new Parker();
        foreach (var milliseconds in new[] { 0.2, 1, 3, 20 })
        {
            var timeout = TimeSpan.FromMilliseconds(milliseconds);
            var elapsed = Stopwatch.StartNew();
            parker.Park(timeout);

            elapsed.Elapsed.Should().BeGreaterThanOrEqualTo(timeout).And.BeLessThan(UnexpectedTimeout);
        }
    }

    [Fact]
    public void A_thread_blocked_in_a_park_wakes_when_another_unparks_it()
    {
        var parker = new Parker();
        var nativeId = 0L;
        using var parking = new ManualResetEventSlim();
        using var woke = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            nativeId = OperatingSystem.IsLinux() ? Linux.gettid() : 0;
            parking.Set();
            parker.Park(Timeout.InfiniteTimeSpan);
            woke.Set();
        }) { IsBackground = true };
        thread.Start();
        Wait(parking);
        if (OperatingSystem.IsLinux())
        {
            Until(() => IsSleeping(nativeId), "the parked thread should block in the kernel, not spin");
        }

        parker.Unpark();

        Wait(woke);
    }

    [Fact]
    public void A_park_with_the_longest_timeout_waits_on_the_futex_and_wakes_when_unparked()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64, "the futex is Linux's");
        var parker = new Parker();
        var nativeId = 0L;
        using var parking = new ManualResetEventSlim();
        using var woke = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            nativeId = Linux.gettid();
            parking.Set();
            parker.Park(TimeSpan.MaxValue);
            woke.Set();
        }) { IsBackground = true };
        thread.Start();
        Wait(parking);
        Until(() => IsSleeping(nativeId), "the parked thread should block in the kernel");

        parker.Unpark();

        Wait(woke);
        Parker.UsesFutex.Should().BeTrue("a timeout of any length is one the kernel accepts, so it never turns the futex off");
    }

    [Fact]
    public void Two_threads_handing_a_turn_back_and_forth_ten_thousand_times_lose_no_wake_up()
    {
        const int Turns = 10_000;
        var parkers = new[] { new Parker(), new Parker() };
        var turn = 0;
        var threads = new Thread[2];
        for (var side = 0; side < 2; side++)
        {
            var me = side;
            threads[side] = new Thread(() =>
            {
                for (var i = me; i < Turns; i += 2)
                {
                    // Every park may return early, so each looks again at what it waits for.
                    while (Volatile.Read(ref turn) != i)
                    {
                        parkers[me].Park(Timeout.InfiniteTimeSpan);
                    }

                    Volatile.Write(ref turn, i + 1);
                    parkers[1 - me].Unpark();
                }
            }) { IsBackground = true };
            threads[side].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join(UnexpectedTimeout).Should().BeTrue("a lost wake-up would leave one side parked for good");
        }

        turn.Should().Be(Turns);
    }

    private static class Linux
    {
        [DllImport("libc", EntryPoint = "gettid")]
        public static extern int gettid();
    }
}
