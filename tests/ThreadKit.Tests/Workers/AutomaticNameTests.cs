using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>
/// Automatic names use one process-wide counter, so these tests run alone: no other test may take numbers meanwhile.
/// </summary>
[Collection(nameof(AutomaticNameTests))]
[CollectionDefinition(nameof(AutomaticNameTests), DisableParallelization = true)]
public sealed class AutomaticNameTests : TestBase
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
