using System;
using System.Threading;
using System.Threading.Tasks;
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
    public async Task After_Dispose_every_type_refuses_new_work_with_ObjectDisposedException_naming_itself()
    {
        var worker = NamedWorker.Create("disposed worker", static () => { });
        worker.Dispose();
        var group = new WorkerGroup("disposed group");
        group.Dispose();
        var pool = new WorkerPool("disposed pool", 1);
        pool.Dispose();
        var loop = WorkerLoop.Start("disposed loop");
        loop.Dispose();
        var asyncLoop = WorkerLoop.Start("async-disposed loop");
        await asyncLoop.DisposeAsync();

        worker.Invoking(w => w.Start()).Should().Throw<ObjectDisposedException>().WithMessage("*'disposed worker'*");
        group.Invoking(g => g.Start("job", static () => { })).Should().Throw<ObjectDisposedException>().WithMessage("*'disposed group'*");
        pool.Invoking(p => p.Start("job", static () => { })).Should().Throw<ObjectDisposedException>()
            .WithMessage("Pool 'disposed pool' has been disposed*create a new pool*");
        foreach (var disposed in new[] { loop, asyncLoop })
        {
            disposed.Invoking(l => l.Post(static () => { })).Should().Throw<ObjectDisposedException>()
                .WithMessage($"Loop '{disposed.Name}' has been disposed*start a new loop*");
            disposed.Invoking(l => { _ = l.InvokeAsync(static () => 1); }).Should().Throw<ObjectDisposedException>();
            disposed.Invoking(l => l.Schedule(TimeSpan.Zero, static () => { })).Should().Throw<ObjectDisposedException>();
            disposed.Invoking(l => l.ScheduleAtFixedRate(TimeSpan.Zero, TimeSpan.FromSeconds(1), static () => { })).Should().Throw<ObjectDisposedException>();
        }
    }

    [Fact]
    public void After_Complete_alone_loops_and_pools_refuse_with_InvalidOperationException_as_before()
    {
        var pool = new WorkerPool("completed pool", 1);
        pool.Complete();
        var loop = WorkerLoop.Start("completed loop");
        loop.Complete();

        pool.Invoking(p => p.Start("job", static () => { })).Should().Throw<InvalidOperationException>()
            .Which.Should().NotBeOfType<ObjectDisposedException>();
        loop.Invoking(l => l.Post(static () => { })).Should().Throw<InvalidOperationException>()
            .Which.Should().NotBeOfType<ObjectDisposedException>();
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
