using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

[Trait(StressTest.Category, StressTest.Name)]
public sealed class PoolLoadTests : TestBase
{
    [Fact]
    public async Task Under_a_saturating_load_a_pool_runs_every_job_once_and_every_join_returns_with_its_result()
    {
        StressTest.RequireEnabled();
        using var load = StressTest.SaturateCpus();
        // Idle threads and joiners whose spins run out block; no job may be lost or run twice for it.
        using var pool = new WorkerPool("loaded pool", 2);
        var ran = new ConcurrentDictionary<int, int>();
        var joiners = Enumerable.Range(0, 3).Select(j => Task.Run(() =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                var key = (j * 3_000) + i;
                var job = pool.Start(
                    "loaded job",
                    static ((ConcurrentDictionary<int, int> Ran, int Key) state) =>
                    {
                        state.Ran.AddOrUpdate(state.Key, 1, static (_, count) => count + 1);
                        return state.Key;
                    },
                    (ran, key));
                job.Join().Should().Be(key);
            }
        })).ToArray();

        await Await(Task.WhenAll(joiners), TimeSpan.FromMinutes(2));
        ran.Should().HaveCount(9_000).And.OnlyContain(static pair => pair.Value == 1);
    }
}
