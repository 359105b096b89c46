using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThreadKit.Tests;
using Xunit;

namespace ThreadKit.Hosting.Tests;

/// <summary>
/// The four places where NamedWorkerService used to break BackgroundService's contract: a throwing stop callback, the
/// start token, double disposal, and a bad name caught late.
/// </summary>
public sealed class ContractTests : TestBase
{
    [Fact]
    public async Task StopAsync_waits_for_Execute_even_when_a_stop_callback_throws_and_throws_the_callbacks_exceptions_afterwards()
    {
        using var service = new ThrowOnStopService();
        await service.StartAsync(CancellationToken.None);
        Wait(service.Entered);

        var stopping = service.StopAsync(CancellationToken.None);
        (await Task.WhenAny(stopping, Task.Delay(ExpectedTimeout))).Should().NotBeSameAs(stopping,
            "Execute is still running, so StopAsync must not complete");
        service.Release.Set();

        var thrown = await FluentActions.Awaiting(() => Await(stopping)).Should().ThrowAsync<AggregateException>();
        thrown.Which.InnerExceptions.Should().ContainSingle().Which.Message.Should().Be("stop callback");
        service.Returned.Should().BeTrue("the exception comes only after Execute has returned");
        service.TokenCalls.Should().Be(2, "every callback runs, as with BackgroundService");
    }

    [Fact]
    public async Task Under_the_host_Execute_has_returned_before_the_host_disposes_its_dependencies_even_when_a_stop_callback_throws()
    {
        var (host, _) = TestHost.Build(services => services.AddSingleton<Dependency>().AddNamedWorker<DependencyUsingService>());
        await host.StartAsync();
        var dependency = host.Services.GetRequiredService<Dependency>();
        var service = host.Services.GetRequiredService<DependencyUsingService>();
        Wait(service.Entered);
        service.Worker!.StopToken.Register(static () => throw new InvalidOperationException("stop callback"));

        await FluentActions.Awaiting(() => host.StopAsync()).Should().ThrowAsync<AggregateException>();
        service.Worker.IsAlive.Should().BeFalse("StopAsync waited for Execute before throwing");
        host.Dispose();

        service.SawDisposedDependency.Should().BeFalse();
        dependency.IsDisposed.Should().BeTrue();
    }

    [Fact]
    public async Task Cancelling_the_start_token_stops_Execute()
    {
        using var service = new StopWatchingService();
        using var start = new CancellationTokenSource();
        await service.StartAsync(start.Token);
        Wait(service.Entered);
        service.StopAlreadyRequestedOnEntry.Should().BeFalse();

        start.Cancel();

        Wait(service.SawStop, "the start token is linked into the stopping token, as BackgroundService links it");
        Join(service.Worker!);
    }

    [Fact]
    public async Task A_start_token_cancelled_before_StartAsync_starts_a_worker_that_sees_a_stop_at_once()
    {
        using var service = new StopWatchingService();

        var start = service.StartAsync(new CancellationToken(canceled: true));

        start.IsCompletedSuccessfully.Should().BeTrue("StartAsync never throws (docs/design.md, Hosted services, row 'Start token')");
        Wait(service.SawStop);
        service.StopAlreadyRequestedOnEntry.Should().BeTrue();
        await service.StopAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("AddNamedWorker<T>() alone")]
    [InlineData("AddSingleton<T>() before AddNamedWorker<T>()")]
    [InlineData("AddSingleton<T>() after AddNamedWorker<T>()")]
    public async Task The_host_disposes_a_named_worker_service_exactly_once(string registration)
    {
        var counts = new Counts();
        var (host, _) = TestHost.Build(services =>
        {
            services.AddSingleton(counts);
            switch (registration)
            {
                case "AddNamedWorker<T>() alone":
                    services.AddNamedWorker<CountingService>();
                    break;
                case "AddSingleton<T>() before AddNamedWorker<T>()":
                    services.AddSingleton<CountingService>().AddNamedWorker<CountingService>();
                    break;
                default:
                    services.AddNamedWorker<CountingService>().AddSingleton<CountingService>();
                    break;
            }
        });

        await host.StartAsync();
        await host.StopAsync();
        host.Dispose();

        counts.Starts.Should().Be(1);
        counts.Stops.Should().Be(1);
        counts.Disposes.Should().Be(1, "a subclass's Dispose cleanup must run once, as under AddHostedService<T>()");
    }

    [Fact]
    public void Every_AddNamedWorker_form_rejects_a_bad_name_when_it_is_called_as_NamedWorker_Create_does()
    {
        var expected = FluentActions.Invoking(() => NamedWorker.Create("bad\0name", static () => { }))
            .Should().Throw<ArgumentException>().Which;
        var services = new ServiceCollection();

        var sync = FluentActions.Invoking(() => services.AddNamedWorker("bad\0name", static (_, _) => { }))
            .Should().Throw<ArgumentException>().Which;
        var async = FluentActions.Invoking(() => services.AddNamedWorker("bad\0name", static (_, _) => Task.CompletedTask))
            .Should().Throw<ArgumentException>().Which;

        foreach (var thrown in new[] { sync, async })
        {
            thrown.GetType().Should().Be(expected.GetType());
            thrown.Message.Should().Be(expected.Message);
            thrown.ParamName.Should().Be("name");
        }

        services.Should().BeEmpty("a rejected call registers nothing");
    }
}
