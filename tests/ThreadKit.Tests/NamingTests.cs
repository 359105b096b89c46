using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("TestThread")]
    [InlineData("   ")]
    [InlineData("线程名称-数据库连接池-工作者")]
    [InlineData("worker 🧵🧵🧵 with emoji")]
    public void Explicit_name_is_kept_whole(string name)
    {
        var worker = NamedWorker.Create(name, static () => { });

        worker.Name.Should().Be(name);
    }

    [Fact]
    public void A_very_long_name_is_kept_whole_on_the_worker_and_its_thread()
    {
        var name = new string('n', 100_000);
        string? seenByThread = null;
        var worker = NamedWorker.Create(name, () => seenByThread = Thread.CurrentThread.Name);

        worker.Start();
        Bounded.Join(worker);

        worker.Name.Should().Be(name);
        seenByThread.Should().Be(name);
    }

    [Fact]
    public void The_name_is_set_on_the_thread_and_seen_by_CurrentThreadName()
    {
        string? threadName = null, currentName = null;
        var worker = NamedWorker.Create("Named Thread", () =>
        {
            threadName = Thread.CurrentThread.Name;
            currentName = NamedWorker.CurrentThreadName;
        });

        worker.Start();
        Bounded.Join(worker);

        threadName.Should().Be("Named Thread");
        currentName.Should().Be("Named Thread");
    }

    [Theory]
    [InlineData("TestThread")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("线程线程线程线程线程")]
    public void On_Linux_the_OS_thread_name_is_the_first_15_bytes_of_the_name(string name)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's.");
        byte[]? comm = null;
        var worker = NamedWorker.Create(name, () =>
        {
            var tid = NamedWorker.Current!.NativeThreadId;
            comm = File.ReadAllBytes($"/proc/self/task/{tid}/comm");
        });

        worker.Start();
        Bounded.Join(worker);

        var expected = Encoding.UTF8.GetBytes(name).Take(15).Append((byte)'\n');
        comm.Should().Equal(expected);
    }

    [Fact]
    public void A_name_with_a_NUL_character_is_rejected()
    {
        var act = () => NamedWorker.Create("bad\0name", static () => { });

        act.Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*NUL*");
    }
}

/// <summary>
/// Automatic names use one process-wide counter, so these tests run alone: no other test may take numbers meanwhile.
/// </summary>
[Collection(nameof(AutomaticNameTests))]
[CollectionDefinition(nameof(AutomaticNameTests), DisableParallelization = true)]
public sealed class AutomaticNameTests
{
    [Fact]
    public void Null_or_empty_name_gets_Thread_N_with_the_method_name()
    {
        var first = NamedWorker.Create(null, Work);
        var second = NamedWorker.Create(string.Empty, Work);

        first.Name.Should().MatchRegex(@"^Thread-\d+ \(Work\)$");
        NumberOf(second).Should().Be(NumberOf(first) + 1);
        second.Name.Should().Be($"Thread-{NumberOf(second)} (Work)");
    }

    [Fact]
    public void The_counter_advances_only_for_automatically_named_workers()
    {
        var before = NamedWorker.Create(null, Work);
        NamedWorker.Create("explicit", Work);
        NamedWorker.Create("another explicit", Work);
        var after = NamedWorker.Create(null, Work);

        NumberOf(after).Should().Be(NumberOf(before) + 1);
    }

    [Fact]
    public void A_lambda_gets_just_Thread_N()
    {
        var worker = NamedWorker.Create(null, static () => { });

        worker.Name.Should().MatchRegex(@"^Thread-\d+$");
    }

    [Fact]
    public void A_local_function_shows_its_declared_name()
    {
        static void Poll(int attempts)
        {
        }

        var worker = NamedWorker.Create(null, Poll, 3);

        worker.Name.Should().MatchRegex(@"^Thread-\d+ \(Poll\)$");
    }

    [Fact]
    public void Automatic_names_start_at_1_in_a_fresh_process()
    {
        var result = ChildProcess.RunScenario("auto-names");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("Thread-1 (Work)", "explicit", "Thread-2");
    }

    private static int NumberOf(NamedWorker worker) =>
        int.Parse(worker.Name.Split(' ')[0]["Thread-".Length..], System.Globalization.CultureInfo.InvariantCulture);

    private static void Work()
    {
    }
}
