using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests;

/// <summary>The bounded waits must fail when what they wait for never comes, or a broken test would hang or pass.</summary>
public sealed class TestBaseTests : TestBase
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void The_expected_timeout_is_far_shorter_than_the_unexpected_one()
    {
        (ExpectedTimeout * 10).Should().BeLessThan(UnexpectedTimeout);
    }

    [Fact]
    public void Wait_fails_with_the_reason_when_the_gate_stays_closed()
    {
        using var gate = new ManualResetEventSlim();

        FluentActions.Invoking(() => Wait(gate, Short, "the worker should say hello"))
            .Should().Throw<Exception>().WithMessage("*the worker should say hello*");
    }

    [Fact]
    public void Wait_returns_once_the_gate_opens()
    {
        using var gate = new ManualResetEventSlim(initialState: true);

        Wait(gate);
    }

    [Fact]
    public void StaysClosed_fails_when_the_gate_opens()
    {
        using var gate = new ManualResetEventSlim(initialState: true);

        FluentActions.Invoking(() => StaysClosed(gate)).Should().Throw<Exception>();
    }

    [Fact]
    public async Task Await_fails_when_the_task_never_completes_and_rethrows_when_it_faults()
    {
        var never = new TaskCompletionSource<int>().Task;
        await FluentActions.Awaiting(() => Await(never, Short)).Should().ThrowAsync<Exception>().WithMessage("*should complete*");

        var faulted = Task.FromException<int>(new InvalidOperationException("boom"));
        await FluentActions.Awaiting(() => Await(faulted)).Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public void Until_fails_when_the_condition_never_holds()
    {
        FluentActions.Invoking(() => Until(static () => false, Short, "it never will"))
            .Should().Throw<Exception>().WithMessage("*it never will*");
    }
}
