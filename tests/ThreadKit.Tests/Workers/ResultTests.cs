using System;
using System.Linq;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Workers return values, like Rust's JoinHandle&lt;T&gt;.</summary>
public sealed class ResultTests : TestBase
{
    [Fact]
    public void Join_returns_the_value_of_the_body()
    {
        var worker = NamedWorker.Create("answer", static () => 42);

        worker.Start();

        worker.Join().Should().Be(42);
        worker.Join().Should().Be(42, "every join returns the same value");
    }

    [Fact]
    public void Typed_arguments_up_to_four_reach_the_body()
    {
        var one = NamedWorker.Create("one", static (int a) => a * 2, 21);
        var two = NamedWorker.Create("two", static (string a, int b) => a + b, "x", 1);
        var three = NamedWorker.Create("three", static (int a, int b, int c) => a + b + c, 1, 2, 3);
        var four = NamedWorker.Create("four", static (int[] a, int b, char c, string d) => $"{a.Sum()}{b}{c}{d}", [1, 2], 3, 'c', "d");
        NamedWorker[] all = [one, two, three, four];

        foreach (var worker in all)
        {
            worker.Start();
        }

        one.Join().Should().Be(42);
        two.Join().Should().Be("x1");
        three.Join().Should().Be(6);
        four.Join().Should().Be("33cd");
    }

    [Fact]
    public void Typed_arguments_reach_action_bodies_too()
    {
        var seen = new int[4];
        var worker = NamedWorker.Create("action four", (int a, int b, int c, int d) => seen = [a, b, c, d], 1, 2, 3, 4);

        worker.Start();
        Join(worker);

        seen.Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public void Join_with_a_timeout_gives_the_value_once_finished()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("slow answer", () =>
        {
            Wait(release);
            return "done";
        });
        worker.Start();

        worker.Join(TimeSpan.Zero, out var early).Should().BeFalse();
        early.Should().BeNull();

        release.Set();
        worker.Join(UnexpectedTimeout, out var result).Should().BeTrue();
        result.Should().Be("done");
    }

    [Fact]
    public void A_faulted_result_worker_rethrows_exactly_as_a_plain_one()
    {
        var worker = NamedWorker.Create("no answer", static int () => throw new FormatException("bad"));
        worker.Start();

        var thrown = Record.Exception(() => worker.Join());

        thrown.Should().BeOfType<FormatException>().And.BeSameAs(worker.Exception);
        worker.State.Should().Be(WorkerState.Faulted);
        worker.Invoking(w => w.Join(UnexpectedTimeout, out _)).Should().Throw<FormatException>();
    }

    [Fact]
    public void A_result_worker_joined_as_a_plain_worker_still_rethrows()
    {
        NamedWorker worker = NamedWorker.Create("base view", static int () => throw new FormatException("bad"));
        worker.Start();

        worker.Invoking(w => w.Join()).Should().Throw<FormatException>();
    }
}
