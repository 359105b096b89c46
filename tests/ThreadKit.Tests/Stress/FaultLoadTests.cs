using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Stress;

[Collection(StressTest.Name)]
[Trait(StressTest.Category, StressTest.Name)]
public sealed class FaultLoadTests(ITestOutputHelper output) : TestBase
{
    [Fact]
    public void A_thousand_workers_that_all_throw_are_each_reported_once_and_rethrown_by_Join()
    {
        StressTest.RequireEnabled();
        const int count = 1_000;
        var reports = new ConcurrentDictionary<NamedWorker, int>();
        EventHandler<WorkerExceptionEventArgs> handler = (_, e) => reports.AddOrUpdate(e.Worker, 1, static (_, n) => n + 1);
        NamedWorker.UnhandledException += handler;
        try
        {
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, count)
                .Select(i => NamedWorker.Create($"thrower {i}", static (int n) => throw new InvalidOperationException($"fault {n}"), i))
                .ToList();
            workers.ForEach(worker => worker.Start());

            var rethrown = workers.Select(worker => Record.Exception(() => Join(worker))).ToList();

            output.WriteLine($"{count} faulting workers started, reported and joined in {clock.Elapsed.TotalMilliseconds:F0} ms");
            reports.Should().HaveCount(count);
            reports.Values.Should().OnlyContain(n => n == 1, "each fault is reported exactly once");
            rethrown.Should().OnlyContain(e => e is InvalidOperationException);
            rethrown.Select((e, i) => e!.Message == $"fault {i}" && ReferenceEquals(e, workers[i].Exception)).Should().OnlyContain(same => same);
        }
        finally
        {
            NamedWorker.UnhandledException -= handler;
        }
    }

    [Fact]
    public void A_handler_that_always_throws_loses_no_fault()
    {
        StressTest.RequireEnabled();
        const int count = 200;
        EventHandler<WorkerExceptionEventArgs> throwing = static (_, _) => throw new FormatException("the handler itself fails");
        NamedWorker.UnhandledException += throwing;
        try
        {
            var workers = Enumerable.Range(0, count)
                .Select(i => NamedWorker.Create($"victim {i}", static () => throw new InvalidOperationException("original")))
                .ToList();
            workers.ForEach(worker => worker.Start());

            var rethrown = workers.Select(worker => Record.Exception(() => Join(worker))).ToList();

            rethrown.Should().OnlyContain(e => e is InvalidOperationException && e.Message == "original");
            workers.Should().OnlyContain(worker => worker.State == WorkerState.Faulted);
        }
        finally
        {
            NamedWorker.UnhandledException -= throwing;
        }
    }
}
