using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Platform;

/// <summary>
/// Names the operating system can tell apart: Linux keeps 15 bytes of a thread's name, so a longer one keeps its start
/// and its distinguishing end, in whole characters, while the managed name stays whole.
/// </summary>
public sealed class ThreadNamingTests : TestBase
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData("short", "short")]
    [InlineData("exactly15bytes!", "exactly15bytes!")]
    [InlineData("OrdersIngestionPool-3", "OrdersIng~ool-3")]
    [InlineData("PaymentsReconciliationWorker-east", "PaymentsR~-east")]
    [InlineData("PaymentsReconciliationWorker-west", "PaymentsR~-west")]
    [InlineData("订单处理线程池-12", "订单~池-12")]
    public void On_Linux_a_name_over_15_bytes_keeps_its_start_and_end_in_whole_characters(string name, string expected)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Linux's 15-byte limit");

        var native = ThreadNaming.NativeName(name);

        native.Should().Be(expected);
        Encoding.UTF8.GetByteCount(native).Should().BeLessThanOrEqualTo(15);
    }

    [Fact]
    public void A_name_with_an_emoji_is_cut_only_between_whole_characters()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Linux's 15-byte limit");

        var native = ThreadNaming.NativeName("🚀🚀🚀🚀 launcher 🛰️-7");

        StrictUtf8.GetByteCount(native).Should().BeLessThanOrEqualTo(15);
        native.Should().StartWith("🚀🚀").And.EndWith("-7").And.Contain("~");
    }

    [Fact]
    public void Four_threads_of_a_long_named_pool_and_two_long_named_workers_have_distinct_valid_OS_names_shown_in_the_dump()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's");
        using var pool = new WorkerPool("OrdersIngestionPool", 4);
        using var release = new ManualResetEventSlim();
        using var jobsStarted = new CountdownEvent(4);
        var jobs = Enumerable.Range(0, 4).Select(i => pool.Start("job " + i, () =>
        {
            jobsStarted.Signal();
            release.Wait(UnexpectedTimeout);
        })).ToList();
        Wait(jobsStarted, "four jobs need four threads");
        release.Set();
        jobs.ForEach(Join);

        // Idle pool threads take their own long names back before they block.
        Until(
            () => WorkerDiagnostics.GetThreads().Count(thread => thread.Owner == "OrdersIngestionPool" && thread.Name.StartsWith("OrdersIngestionPool-", StringComparison.Ordinal)) == 4,
            "the four idle pool threads should take the pool's names back");
        using var workersStarted = new CountdownEvent(2);
        using var holdWorkers = new ManualResetEventSlim();
        var workers = new[] { "PaymentsReconciliationWorker-east", "PaymentsReconciliationWorker-west" }
            .Select(name => NamedWorker.Create(name, () => { workersStarted.Signal(); holdWorkers.Wait(UnexpectedTimeout); }))
            .ToList();
        workers.ForEach(worker => worker.Start());
        Wait(workersStarted);

        var listed = WorkerDiagnostics.GetThreads()
            .Where(thread => thread.Owner == "OrdersIngestionPool" || thread.Name.StartsWith("PaymentsReconciliationWorker-", StringComparison.Ordinal))
            .ToList();
        var comms = listed.Select(thread => StrictUtf8.GetString(File.ReadAllBytes($"/proc/self/task/{thread.NativeThreadId}/comm")).TrimEnd('\n')).ToList();
        var dump = WorkerDiagnostics.Dump();
        holdWorkers.Set();
        workers.ForEach(Join);

        listed.Should().HaveCount(6);
        comms.Should().OnlyHaveUniqueItems("each thread is told apart in top -H and dotnet-stack")
            .And.OnlyContain(comm => Encoding.UTF8.GetByteCount(comm) <= 15);
        comms.Should().Equal(listed.Select(thread => thread.NativeName), "NativeName is what the operating system shows");
        foreach (var thread in listed)
        {
            thread.Name.Should().NotBe(thread.NativeName, "the managed name stays whole");
            dump.Should().Contain($"\"{thread.Name}\" os=\"{thread.NativeName}\" ");
        }
    }
}
