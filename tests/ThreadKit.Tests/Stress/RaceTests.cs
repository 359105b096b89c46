using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

/// <summary>Each race run many times: whichever side wins, the outcome is one of the defined ones and nothing hangs.</summary>
[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class RaceTests(ITestOutputHelper output) : TestBase
{
    private const int Rounds = 1_000;

    [Fact]
    public async Task Join_and_JoinAsync_racing_completion_always_see_the_end()
    {
        StressTest.RequireEnabled();
        for (var i = 0; i < Rounds; i++)
        {
            var rendezvous = new Rendezvous();
            var worker = NamedWorker.Create("join race", static (Rendezvous r, int x) => { r.Arrive(); return x; }, rendezvous, i);
            worker.Start();
            rendezvous.Arrive();
            var joinAsync = worker.JoinAsync();
            var join = Task.Run(() => worker.Join());

            (await Await(joinAsync)).Should().Be(i);
            (await Await(join)).Should().Be(i);
            (await worker.JoinAsync()).Should().Be(i, "a JoinAsync after the end completes at once");
            worker.IsAlive.Should().BeFalse();
        }
    }

    [Fact]
    public async Task RequestStop_racing_completion_ends_Completed_or_Canceled()
    {
        StressTest.RequireEnabled();
        int completed = 0, canceled = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var rendezvous = new Rendezvous();
            var worker = NamedWorker.Create("stop race", static (Rendezvous r, CancellationToken stop) =>
            {
                r.Arrive();
                stop.ThrowIfCancellationRequested();
            }, rendezvous);
            worker.Start();
            var stopper = Task.Run(() =>
            {
                rendezvous.Arrive();
                worker.RequestStop();
            });

            Record.Exception(() => Join(worker));
            await Await(stopper);

            worker.State.Should().BeOneOf(WorkerState.Completed, WorkerState.Canceled);
            if (worker.State == WorkerState.Completed)
            {
                completed++;
            }
            else
            {
                canceled++;
            }
        }

        output.WriteLine($"{Rounds} rounds: completed first {completed}, stopped first {canceled}");
    }

    [Fact]
    public async Task Dispose_racing_Start_on_another_thread_never_leaves_a_worker_running()
    {
        StressTest.RequireEnabled();
        int startWon = 0, disposeWon = 0;
        for (var i = 0; i < Rounds; i++)
        {
            var worker = NamedWorker.Create("dispose race", static (CancellationToken stop) => { stop.WaitHandle.WaitOne(UnexpectedTimeout); });
            var rendezvous = new Rendezvous();
            var starter = Task.Run(() =>
            {
                rendezvous.Arrive();
                return Record.Exception(worker.Start);
            });

            rendezvous.Arrive();
            worker.Dispose();
            var startOutcome = await Await(starter);
            worker.Dispose();

            worker.IsAlive.Should().BeFalse("once Dispose has returned, the worker is not running");
            if (startOutcome is null)
            {
                startWon++;
                worker.State.Should().Be(WorkerState.Completed);
            }
            else
            {
                disposeWon++;
                startOutcome.Should().BeOfType<ObjectDisposedException>();
                worker.State.Should().Be(WorkerState.Unstarted);
                NamedWorker.GetActive().Should().NotContain(worker);
            }
        }

        output.WriteLine($"{Rounds} rounds: Start won {startWon}, Dispose won {disposeWon}");
    }

    /// <summary>
    /// Two threads that arrive here leave together: each spins until both have arrived, so neither pays the wake-up
    /// latency of a blocking gate, which would decide the race before it starts.
    /// </summary>
    private sealed class Rendezvous
    {
        private int _arrived;

        public void Arrive()
        {
            Interlocked.Increment(ref _arrived);
            SpinWait.SpinUntil(() => Volatile.Read(ref _arrived) == 2, UnexpectedTimeout).Should().BeTrue("the other side should arrive");
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
                var siblings = new NamedWorker[20];
                var starter = Task.Run(() =>
                {
                    for (var i = 0; i < siblings.Length; i++)
                    {
                        siblings[i] = group.Start(null, static (CancellationToken stop) => stop.WaitHandle.WaitOne(UnexpectedTimeout));
                    }
                });
                var faulting = group.Start("faults", static () => throw new FormatException("early"));
                await Await(starter);

                var thrown = FluentActions.Invoking(group.JoinAll).Should().Throw<AggregateException>().Which;

                thrown.InnerExceptions.Should().ContainSingle().Which.Should().BeSameAs(faulting.Exception);
                siblings.Should().OnlyContain(worker => !worker.IsAlive && worker.IsStopRequested);
                group.Workers.Should().BeEmpty("the fault has been reported and every sibling has ended");
            }
        }
        finally
        {
            NamedWorker.UnhandledException -= quiet;
        }
    }
}
