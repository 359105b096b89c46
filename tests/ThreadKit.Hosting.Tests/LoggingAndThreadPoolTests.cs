using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Hosting.Tests;

/// <summary>Log entries carry their worker's name; blocking workers leave the thread pool to everyone else.</summary>
public sealed class LoggingAndThreadPoolTests : TestBase
{
    [Fact]
    public async Task Every_entry_written_on_a_workers_thread_through_any_logger_carries_a_scope_with_its_name()
    {
        using var probe = new Probe();
        using var asyncDone = new ManualResetEventSlim();
        var (host, logs) = TestHost.Build(services => services
            .AddSingleton(probe)
            .AddNamedWorker<BlockingConsumer>()
            .AddNamedWorker("async-poller", async (provider, stop) =>
            {
                var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Some.Other.Category");
                logger.LogInformation("before await");
                await Task.Yield();
                await Task.Delay(1, stop);
                logger.LogInformation("after awaits");
                asyncDone.Set();
                await Task.Delay(Timeout.Infinite, stop);
            }));

        await host.StartAsync();
        Wait(probe.Entered);
        Wait(asyncDone);
        await TestHost.StopAndDisposeAsync(host);

        logs.Entries.Where(entry => entry.Thread == "kafka-consumer").Should().NotBeEmpty()
            .And.OnlyContain(entry => entry.WorkerName == "kafka-consumer");
        logs.Entries.Where(entry => entry.Message is "before await" or "after awaits").Should().HaveCount(2)
            .And.OnlyContain(entry => entry.WorkerName == "async-poller" && entry.Thread == "async-poller");
        logs.Entries.Where(entry => entry.Thread is not ("kafka-consumer" or "async-poller")).Should()
            .OnlyContain(entry => entry.WorkerName == null, "the scope stays on the worker's own thread");
    }

    [Fact]
    public async Task Sixty_four_workers_blocking_in_Execute_leave_the_thread_pool_free()
    {
        const int workers = 64, poolCalls = 32;
        using var allBlocking = new CountdownEvent(workers);
        var (host, _) = TestHost.Build(services =>
        {
            for (var i = 0; i < workers; i++)
            {
                services.AddNamedWorker($"blocking-{i}", (provider, stop) =>
                {
                    allBlocking.Signal();
                    stop.WaitHandle.WaitOne();
                });
            }
        });
        await host.StartAsync();
        Wait(allBlocking);

        var clock = Stopwatch.StartNew();
        var results = await Await(Task.WhenAll(Enumerable.Range(0, poolCalls).Select(i => Task.Run(() => i))));
        clock.Stop();

        results.Should().HaveCount(poolCalls);
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2),
            "no worker holds a pool thread, so the pool needs no injection; 64 BackgroundServices blocking the same way delay such work by tens of seconds");
        await TestHost.StopAndDisposeAsync(host);
    }
}
