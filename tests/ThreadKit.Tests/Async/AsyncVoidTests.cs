using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Async;

/// <summary>
/// An async lambda or method passed as an <see cref="Action"/> is <c>async void</c>. ThreadKit runs it like a task
/// body: joins wait for its end, and its fault is caught and rethrown instead of ending the process.
/// </summary>
public sealed class AsyncVoidTests : TestBase
{
    [Fact]
    public void Join_waits_until_an_async_void_body_has_finished_on_its_own_thread()
    {
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var awaiting = new ManualResetEventSlim();
        string? endedUnder = null;
        Action body = async () =>
        {
            awaiting.Set();
            await release.Task;
            endedUnder = NamedWorker.CurrentThreadName;
        };
        var worker = NamedWorker.Create("Async void", body);
        worker.Start();
        Wait(awaiting);

        worker.Join(ExpectedTimeout).Should().BeFalse("the async void body is still awaiting");

        release.SetResult(true);
        Join(worker);
        endedUnder.Should().Be("Async void");
        worker.State.Should().Be(WorkerState.Completed);
    }

    [Fact]
    public void An_async_void_fault_is_caught_and_rethrown_by_Join()
    {
        var worker = NamedWorker.Create("Async void fault", (Action)ThrowAfterAwait);
        worker.Start();

        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<InvalidOperationException>().WithMessage("async void boom");
        worker.State.Should().Be(WorkerState.Faulted);
    }

    [Fact]
    public void Async_void_bodies_with_arguments_and_a_stop_token_are_caught_too()
    {
        Action<string, CancellationToken> body = async (message, stop) =>
        {
            await Task.Yield();
            stop.IsCancellationRequested.Should().BeFalse();
            throw new FormatException(message);
        };
        var worker = NamedWorker.Create("Async void args", body, "with args");
        worker.Start();

        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<FormatException>().WithMessage("with args");
    }

    [Fact]
    public void A_delayed_async_void_body_is_caught_too()
    {
        var worker = DelayedWorker.Create("Delayed async void", TimeSpan.Zero, (Action)ThrowAfterAwait);
        worker.Start();

        worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void An_ordinary_action_is_not_mistaken_for_async_void()
    {
        SynchronizationContext? seen = new();
        var worker = NamedWorker.Create("Plain action", (Action)(() => seen = SynchronizationContext.Current));
        worker.Start();
        Join(worker);

        seen.Should().BeNull();
    }

    private static async void ThrowAfterAwait()
    {
        await Task.Yield();
        throw new InvalidOperationException("async void boom");
    }
}
