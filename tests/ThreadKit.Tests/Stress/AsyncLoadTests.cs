using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class AsyncLoadTests(ITestOutputHelper output) : TestBase
{
    [Fact]
    public async Task A_thousand_concurrent_async_workers_each_stay_on_their_thread_and_name_across_awaits()
    {
        StressTest.RequireEnabled();
        const int count = 1_000, awaits = 5;
        var allAwaiting = new CountdownEvent(count);
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, count).Select(i =>
        {
            var worker = NamedWorker.Create($"async load {i}", async (int index) =>
            {
                var thread = Environment.CurrentManagedThreadId;
                var name = $"async load {index}";
                var misplaced = 0;
                for (var a = 0; a < awaits; a++)
                {
                    await (a == 2 ? WaitForReleaseAsync() : a % 2 == 0 ? Task.Delay(1) : YieldAsync());
                    if (Environment.CurrentManagedThreadId != thread || NamedWorker.CurrentThreadName != name)
                    {
                        misplaced++;
                    }
                }

                return misplaced;
            }, i);
            worker.StackSize = NamedWorker.MinimumStackSize;
            worker.Start();
            return worker;
        }).ToList();

        Wait(allAwaiting);
        release.SetResult(true);
        var misplacedCounts = await Await(Task.WhenAll(workers.Select(worker => worker.JoinAsync())));

        output.WriteLine($"{count} async workers, {awaits} awaits each, in {clock.Elapsed.TotalSeconds:F2} s");
        misplacedCounts.Should().OnlyContain(misplaced => misplaced == 0, "every continuation runs on its own worker's thread");
        NamedWorker.ActiveCount.Should().Be(0);

        async Task WaitForReleaseAsync()
        {
            allAwaiting.Signal();
            await release.Task;
        }

        static async Task YieldAsync() => await Task.Yield();
    }
}
