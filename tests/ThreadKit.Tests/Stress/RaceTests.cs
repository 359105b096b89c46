using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

/// <summary>Each race run many times: whichever side wins, the outcome is one of the defined ones and nothing hangs.</summary>
[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class RaceTests
{
    private const int Rounds = 1_000;

    [Fact]
    public async Task Join_and_JoinAsync_racing_completion_always_see_the_end()
    {
        StressTest.RequireEnabled();
        for (var i = 0; i < Rounds; i++)
        {
            var worker = NamedWorker.Create("join race", static (int x) => x, i);
            worker.Start();
            var joinAsync = worker.JoinAsync();
            var join = Task.Run(() => worker.Join());

            (await Bounded.Await(joinAsync)).Should().Be(i);
            (await Bounded.Await(join)).Should().Be(i);
            (await worker.JoinAsync()).Should().Be(i, "a JoinAsync after the end completes at once");
            worker.IsAlive.Should().BeFalse();
        }
    }

    [Fact]
    public async Task RequestStop_racing_completion_ends_Completed_or_Canceled()
    {
        StressTest.RequireEnabled();
        for (var i = 0; i < Rounds; i++)
        {
            var worker = NamedWorker.Create("stop race", static (CancellationToken stop) => stop.ThrowIfCancellationRequested());
            worker.Start();
            var stopper = Task.Run(worker.RequestStop);

            Record.Exception(() => Bounded.Join(worker));
            await Bounded.Await(stopper);

            worker.State.Should().BeOneOf(WorkerState.Completed, WorkerState.Canceled);
        }
    }

    [Fact]
    public async Task Dispose_racing_Start_on_another_thread_never_leaves_a_worker_running()
    {
        StressTest.RequireEnabled();
        for (var i = 0; i < Rounds; i++)
        {
            var worker = NamedWorker.Create("dispose race", static (CancellationToken stop) => { stop.WaitHandle.WaitOne(Bounded.UnexpectedTimeout); });
            using var go = new ManualResetEventSlim();
            var starter = Task.Run(() =>
            {
                go.Wait();
                return Record.Exception(worker.Start);
            });

            go.Set();
            worker.Dispose();
            var startOutcome = await Bounded.Await(starter);
            worker.Dispose();

            worker.IsAlive.Should().BeFalse("once Dispose has returned, the worker is not running");
            if (startOutcome is null)
            {
                worker.State.Should().Be(WorkerState.Completed);
            }
            else
            {
                startOutcome.Should().BeOfType<ObjectDisposedException>();
                worker.State.Should().Be(WorkerState.Unstarted);
            }
        }
    }

    [Fact]
    public async Task A_group_fault_while_its_workers_are_still_starting_stops_them_all()
    {
        StressTest.RequireEnabled();

        // Two hundred expected faults; a handler keeps their reports out of the log.
        EventHandler<WorkerExceptionEventArgs> quiet = static (_, _) => { };
        NamedWorker.UnhandledException += quiet;
        try
        {
            for (var round = 0; round < 200; round++)
            {
                using var group = new WorkerGroup("fault race");
                var starter = Task.Run(() =>
                {
                    for (var i = 0; i < 20; i++)
                    {
                        group.Start(null, static (CancellationToken stop) => stop.WaitHandle.WaitOne(Bounded.UnexpectedTimeout));
                    }
                });
                group.Start("faults", static () => throw new FormatException("early"));
                await Bounded.Await(starter);

                var thrown = FluentActions.Invoking(group.JoinAll).Should().Throw<AggregateException>().Which;

                thrown.InnerExceptions.Should().ContainSingle().Which.Should().BeOfType<FormatException>();
                group.Workers.Should().HaveCount(21).And.OnlyContain(worker => !worker.IsAlive && worker.IsStopRequested);
            }
        }
        finally
        {
            NamedWorker.UnhandledException -= quiet;
        }
    }
}
