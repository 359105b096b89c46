using System;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

/// <summary>Wrong calls fail at once with a message that says what to do, and leave the worker as it was.</summary>
public sealed class MisuseTests : TestBase
{
    [Fact]
    public void Start_twice_throws()
    {
        var worker = NamedWorker.Create("twice", static () => { });
        worker.Start();

        worker.Invoking(w => w.Start()).Should().Throw<InvalidOperationException>()
            .WithMessage("Worker 'twice' has already been started*Create a new worker*");
        Join(worker);
        worker.Invoking(w => w.Start()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Join_before_Start_throws()
    {
        var worker = NamedWorker.Create("early", static () => { });

        worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>()
            .WithMessage("Worker 'early' has not been started. Call Start before joining it.");
        worker.Invoking(w => w.Join(TimeSpan.FromSeconds(1))).Should().Throw<InvalidOperationException>();
        worker.State.Should().Be(WorkerState.Unstarted);
    }

    [Fact]
    public void Join_from_the_workers_own_thread_throws_instead_of_deadlocking()
    {
        Exception? fromInside = null, timedFromInside = null;
        NamedWorker? self = null;
        using var ready = new ManualResetEventSlim();
        var worker = NamedWorker.Create("self-joiner", () =>
        {
            Wait(ready);
            fromInside = Record.Exception(() => self!.Join());
            timedFromInside = Record.Exception(() => self!.Join(TimeSpan.FromSeconds(1)));
        });
        self = worker;

        worker.Start();
        ready.Set();
        Join(worker);

        fromInside.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("cannot join itself");
        timedFromInside.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void A_negative_timeout_throws_but_InfiniteTimeSpan_is_accepted()
    {
        var worker = NamedWorker.Create("timeouts", static () => { });
        worker.Start();

        worker.Invoking(w => w.Join(TimeSpan.FromMilliseconds(-2))).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("timeout");
        worker.Join(Timeout.InfiniteTimeSpan).Should().BeTrue();
    }

    [Fact]
    public void A_null_delegate_throws_naming_body()
    {
        FluentActions.Invoking(() => NamedWorker.Create("n", (Action)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("body");
        FluentActions.Invoking(() => NamedWorker.Create("n", (Action<int>)null!, 1))
            .Should().Throw<ArgumentNullException>().WithParameterName("body");
        FluentActions.Invoking(() => NamedWorker.Create("n", (Func<int>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("body");
        FluentActions.Invoking(() => NamedWorker.Create("n", (Action<CancellationToken>)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("body");
    }

    [Fact]
    public void IsBackground_cannot_change_after_Start()
    {
        var worker = NamedWorker.Create("fixed", static () => { });
        worker.Start();

        worker.Invoking(w => w.IsBackground = true).Should().Throw<InvalidOperationException>()
            .WithMessage("IsBackground can only be set before Start*");
        Join(worker);
        worker.IsBackground.Should().BeFalse();
    }
}
