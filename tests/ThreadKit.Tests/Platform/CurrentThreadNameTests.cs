using System;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Platform;

public sealed class CurrentThreadNameTests : TestBase
{
    [Fact]
    public void It_returns_the_name_of_a_named_raw_thread()
    {
        string? seen = null;
        var thread = new Thread(() => seen = NamedWorker.CurrentThreadName) { Name = "raw named" };

        thread.Start();
        Join(thread);

        seen.Should().Be("raw named");
    }

    [Fact]
    public void The_process_entry_thread_is_MainThread_and_other_unnamed_threads_are_not()
    {
        var result = ChildProcess.RunScenario("main-thread-name");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().HaveCount(2);
        result.OutputLines[0].Should().Be("MainThread");
        result.OutputLines[1].Should().MatchRegex(@"^ManagedThread-\d+$");
    }

    [Fact]
    public void An_unnamed_thread_gets_a_stable_name_that_is_not_an_automatic_worker_name()
    {
        string? first = null, second = null;
        var id = 0;
        var thread = new Thread(() =>
        {
            id = Environment.CurrentManagedThreadId;
            first = NamedWorker.CurrentThreadName;
            second = NamedWorker.CurrentThreadName;
        });

        thread.Start();
        Join(thread);

        first.Should().Be($"ManagedThread-{id}");
        second.Should().BeSameAs(first);
        first.Should().NotMatchRegex(@"^Thread-\d+").And.NotBe("MainThread");
    }

    [Fact]
    public void A_name_given_later_replaces_the_fallback()
    {
        string? before = null, after = null;
        var thread = new Thread(() =>
        {
            before = NamedWorker.CurrentThreadName;
            Thread.CurrentThread.Name = "renamed";
            after = NamedWorker.CurrentThreadName;
        });

        thread.Start();
        Join(thread);

        before.Should().StartWith("ManagedThread-");
        after.Should().Be("renamed");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void After_the_first_call_it_allocates_nothing(bool named)
    {
        long allocated = -1;
        var thread = new Thread(() =>
        {
            _ = NamedWorker.CurrentThreadName;
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++)
            {
                _ = NamedWorker.CurrentThreadName;
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        if (named)
        {
            thread.Name = "named";
        }

        thread.Start();
        Join(thread);

        allocated.Should().Be(0);
    }
}
