using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Hosting.Tests;

/// <summary>Start-up never waits for a worker, and each worker gets a dedicated, named, background thread.</summary>
public sealed class StartupTests : TestBase
{
    [Fact]
    public async Task StartAsync_returns_at_once_even_when_Execute_blocks_forever_on_a_named_background_thread()
    {
        using var probe = new Probe();
        var (host, _) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<BlockingConsumer>());

        await Await(host.StartAsync());
        Wait(probe.Entered);

        probe.ThreadName.Should().Be("kafka-consumer");
        probe.IsThreadPoolThread.Should().BeFalse("a blocking loop must never hold a thread-pool thread");
        probe.IsBackground.Should().BeTrue("a stuck worker must never keep the process alive after its host stopped");
        await TestHost.StopAndDisposeAsync(host);
    }

    [Fact]
    public async Task Without_a_name_the_thread_is_named_after_the_service_type()
    {
        using var probe = new Probe();
        var (host, _) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<UnnamedService>());

        await host.StartAsync();
        Wait(probe.Entered);

        probe.ThreadName.Should().Be(nameof(UnnamedService));
        host.Services.GetRequiredService<UnnamedService>().Name.Should().Be(nameof(UnnamedService));
        await TestHost.StopAndDisposeAsync(host);
    }

    [Fact]
    public async Task AddNamedWorker_registers_a_resolvable_singleton_built_from_the_container_once_however_often_it_is_called()
    {
        using var probe = new Probe();
        var (host, _) = TestHost.Build(services => services.AddSingleton(probe).AddNamedWorker<BlockingConsumer>().AddNamedWorker<BlockingConsumer>());

        var service = host.Services.GetRequiredService<BlockingConsumer>();
        service.Worker.Should().BeNull("the worker exists from StartAsync on");
        await host.StartAsync();
        Wait(probe.Entered);

        host.Services.GetServices<IHostedService>().OfType<HostedNamedWorker>().Should().ContainSingle()
            .Which.Service.Should().BeSameAs(service, "the host starts and stops the resolvable singleton");
        service.Worker.Should().NotBeNull();
        service.Worker!.Name.Should().Be("kafka-consumer");
        service.Worker.IsAlive.Should().BeTrue();
        await TestHost.StopAndDisposeAsync(host);
    }

    [Fact]
    public async Task Each_delegate_registration_adds_one_more_worker_even_with_the_same_body()
    {
        using var ran = new CountdownEvent(3);
        var names = new System.Collections.Concurrent.ConcurrentBag<string>();
        void Body(IServiceProvider services, CancellationToken stop)
        {
            names.Add(NamedWorker.CurrentThreadName);
            ran.Signal();
            stop.WaitHandle.WaitOne();
        }

        var (host, _) = TestHost.Build(services => services
            .AddNamedWorker("reader-1", Body)
            .AddNamedWorker("reader-2", Body)
            .AddNamedWorker("reader-3", Body));

        await host.StartAsync();
        Wait(ran);

        names.Should().BeEquivalentTo(["reader-1", "reader-2", "reader-3"]);
        await TestHost.StopAndDisposeAsync(host);
    }

    [Fact]
    public async Task The_async_delegate_form_resumes_on_its_named_thread_after_every_await()
    {
        var places = new TaskCompletionSource<string[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (host, _) = TestHost.Build(services => services.AddNamedWorker("poller", async (provider, stop) =>
        {
            var seen = new[] { NamedWorker.CurrentThreadName, "", "" };
            await Task.Yield();
            seen[1] = NamedWorker.CurrentThreadName;
            await Task.Delay(1, stop);
            seen[2] = NamedWorker.CurrentThreadName;
            places.SetResult(seen);
            await Task.Delay(Timeout.Infinite, stop);
        }));

        await host.StartAsync();

        (await Await(places.Task)).Should().OnlyContain(name => name == "poller");
        await TestHost.StopAndDisposeAsync(host);
    }

    [Fact]
    public async Task A_plain_AddHostedService_registration_still_runs_on_its_named_thread_and_stops()
    {
        using var probe = new Probe();
        var (host, _) = TestHost.Build(services => services.AddSingleton(probe).AddHostedService<BlockingConsumer>());

        await host.StartAsync();
        Wait(probe.Entered);
        probe.ThreadName.Should().Be("kafka-consumer");

        await Await(host.StopAsync());
        probe.Returned.IsSet.Should().BeTrue("StopAsync waits for Execute to return");
        host.Dispose();
    }
}
