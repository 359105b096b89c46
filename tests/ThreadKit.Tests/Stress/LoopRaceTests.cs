using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

/// <summary>
/// A loop's two ways in, the lock-free hand-off that an <c>InvokeAsync</c> takes when nothing is queued and the queue
/// itself, raced by many submitters and by <c>Complete</c>: order per submitter holds, and nothing is lost.
/// </summary>
[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class LoopRaceTests : TestBase
{
    [Fact]
    public async Task Four_submitters_mixing_Post_and_InvokeAsync_each_see_their_work_run_once_in_their_order()
    {
        StressTest.RequireEnabled();
        const int Submitters = 4;
        const int PerSubmitter = 25_000;
        using var loop = WorkerLoop.Start("race order");
        var seen = Enumerable.Range(0, Submitters).Select(static _ => new List<int>(PerSubmitter)).ToArray();
        using var start = new Barrier(Submitters);

        var submitters = Enumerable.Range(0, Submitters).Select(s => Task.Run(async () =>
        {
            var mine = seen[s];
            start.SignalAndWait(UnexpectedTimeout).Should().BeTrue("every submitter should arrive");
            for (var i = 0; i < PerSubmitter; i++)
            {
                var item = i;
                switch (i % 4)
                {
                    case 0:
                        loop.Post(() => mine.Add(item));
                        break;
                    case 3:
                        // Waiting now and then lets the queue run dry, so that the next call takes the hand-off.
                        await loop.InvokeAsync(() => mine.Add(item));
                        break;
                    default:
                        _ = loop.InvokeAsync(() => mine.Add(item));
                        break;
                }
            }
        })).ToArray();

        await Await(Task.WhenAll(submitters), TimeSpan.FromMinutes(2));
        await Await(loop.InvokeAsync(static () => { }));
        foreach (var mine in seen)
        {
            mine.Should().Equal(Enumerable.Range(0, PerSubmitter));
        }
    }

    [Fact]
    public async Task One_callers_back_to_back_InvokeAsync_calls_run_in_order_while_the_loops_own_async_work_keeps_queueing()
    {
        StressTest.RequireEnabled();
        (await InvokeBackToBackBesideAwaitingWork(200_000)).Should().Be(0, "no call may run before an earlier one");
    }

    /// <summary>
    /// The case that found the hand-off's ordering bug: the loop runs an item that awaits again and again, so its
    /// continuations are queued between one caller's calls, while that caller submits without waiting. Returns how
    /// many of the caller's calls ran before an earlier one.
    /// </summary>
    internal static async Task<int> InvokeBackToBackBesideAwaitingWork(int calls)
    {
        using var loop = WorkerLoop.Start("order beside awaits");
        var seen = new List<int>(calls);
        var stop = false;
        var yielding = loop.InvokeAsync(async () =>
        {
            while (!Volatile.Read(ref stop))
            {
                await Task.Yield();
            }
        });

        var submitted = new Task[calls];
        for (var i = 0; i < calls; i++)
        {
            var item = i;
            submitted[i] = loop.InvokeAsync(() => seen.Add(item));
        }

        await Await(Task.WhenAll(submitted), TimeSpan.FromMinutes(1));
        Volatile.Write(ref stop, true);
        await Await(yielding);
        seen.Should().HaveCount(calls, "every call runs once");
        return seen.Zip(seen.Skip(1)).Count(static pair => pair.Second < pair.First);
    }

    [Fact]
    public async Task Under_a_saturating_load_a_loop_runs_every_callers_work_once_in_its_order()
    {
        StressTest.RequireEnabled();
        using var load = StressTest.SaturateCpus();
        // Waits that find the loop's spins failing make it block at once; order and count must not care.
        using var loop = WorkerLoop.Start("loaded loop");
        var seen = new[] { new List<int>(), new List<int>() };
        var submitters = Enumerable.Range(0, 2).Select(s => Task.Run(async () =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var item = i;
                if (i % 100 == 0)
                {
                    await loop.InvokeAsync(() => seen[s].Add(item));
                }
                else
                {
                    loop.Post(() => seen[s].Add(item));
                }
            }
        })).ToArray();

        await Await(Task.WhenAll(submitters), TimeSpan.FromMinutes(2));
        await Await(loop.InvokeAsync(static () => { }));
        seen.Should().AllSatisfy(mine => mine.Should().Equal(Enumerable.Range(0, 20_000)));
    }

    [Fact]
    public async Task Complete_racing_two_submitters_runs_every_accepted_item_and_refuses_the_rest()
    {
        StressTest.RequireEnabled();
        for (var round = 0; round < 300; round++)
        {
            var loop = WorkerLoop.Start("race complete");
            var ran = 0;
            using var going = new CountdownEvent(2);
            // Each submitter stops only when the loop refuses it.
            var submitters = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                var accepted = new List<Task>();
                going.Signal();
                while (true)
                {
                    try
                    {
                        accepted.Add(loop.InvokeAsync(() => { ran++; }));
                    }
                    catch (InvalidOperationException)
                    {
                        return accepted;
                    }
                }
            })).ToArray();

            Wait(going);
            loop.Complete();
            var accepted = (await Await(Task.WhenAll(submitters))).SelectMany(static tasks => tasks).ToList();
            await Await(Task.WhenAll(accepted));
            await Await(loop.Completion);

            ran.Should().Be(accepted.Count, "every accepted item runs, once");
            loop.QueuedCount.Should().Be(0);
        }
    }
}
