using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Platform;

/// <summary>Sleeps that end when due: absolute deadlines, and the least timer slack on a thread that keeps time.</summary>
public sealed class ShortSleepTests : TestBase
{
    private const int PrGetTimerSlack = 30;

    [Fact]
    public void On_Linux_a_loop_thread_that_holds_a_schedule_sleeps_with_the_least_timer_slack_and_one_without_keeps_the_default()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "timer slack is Linux's");
        using var timed = WorkerLoop.Start("timed loop");
        using var plain = WorkerLoop.Start("plain loop");
        using var work = timed.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromMilliseconds(5), static () => { });
        Until(() => work.RunCount > 0, "the schedule should run");

        timed.Invoke(TimerSlack).Should().Be(1, "a thread that keeps time wakes when due, not up to 50 us later");
        plain.Invoke(TimerSlack).Should().Be(TimerSlack(), "a loop without schedules keeps the slack it inherited (50 us by default)");
    }

    [Fact]
    public void A_short_sleep_never_ends_before_its_deadline()
    {
        for (var i = 0; i < 200; i++)
        {
            var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 10_000 * (i % 7 + 1));
            ShortSleep.Until(deadline);
            Stopwatch.GetTimestamp().Should().BeGreaterThanOrEqualTo(deadline);
        }
    }

    private static long TimerSlack() => Linux.prctl(PrGetTimerSlack, 0, 0, 0, 0);

    private static class Linux
    {
        [DllImport("libc", EntryPoint = "prctl")]
        public static extern long prctl(int option, nint arg2, nint arg3, nint arg4, nint arg5);
    }
}
