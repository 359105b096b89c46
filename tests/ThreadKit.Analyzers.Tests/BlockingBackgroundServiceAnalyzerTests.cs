using System.Threading.Tasks;
using ThreadKit.CodeFixes;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.BlockingBackgroundServiceAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class BlockingBackgroundServiceAnalyzerTests
{
    [Fact]
    public Task Each_kind_of_blocking_ExecuteAsync_is_reported() => Verify.Analyzer("""
        using System.Collections.Concurrent;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        class Poller : BackgroundService
        {
            protected override Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    Poll();
                }

                return Task.CompletedTask;
            }

            void Poll() { }
        }

        class Sleeper : BackgroundService
        {
            protected override async Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
            {
                await Task.Yield();
                Thread.Sleep(1000);
            }
        }

        class Consumer(BlockingCollection<string> queue) : BackgroundService
        {
            protected override async Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
            {
                while (true)
                {
                    var item = queue.Take(stoppingToken);
                    await Task.Delay(1, stoppingToken);
                }
            }
        }

        class Waiter : BackgroundService
        {
            protected override Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
            {
                var n = Task.FromResult(1).Result;
                Task.Delay(10).GetAwaiter().GetResult();
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task A_service_that_awaits_in_its_loop_or_blocks_only_inside_a_lambda_is_not_reported() => Verify.Analyzer("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        class Ticker : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(System.TimeSpan.FromSeconds(1));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    await Task.Delay(1, stoppingToken);
                }
            }
        }

        class Offloader : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
                Task.Run(() => { while (!stoppingToken.IsCancellationRequested) { Thread.Sleep(100); } }, stoppingToken);
        }

        class NotAService
        {
            Task ExecuteAsync(CancellationToken stoppingToken)
            {
                Thread.Sleep(1);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task The_fix_moves_the_service_to_NamedWorkerService_and_its_registration_to_AddNamedWorker() => Verify.Fix<BlockingBackgroundServiceFix>("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;

        class Poller : BackgroundService
        {
            protected override async Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    Thread.Sleep(100);
                }

                await Task.Delay(1);
            }
        }

        static class Startup
        {
            public static void Register(IServiceCollection services) => services.AddHostedService<Poller>();
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using ThreadKit.Hosting;

        class Poller : NamedWorkerService
        {
            protected override void Execute(CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    Thread.Sleep(100);
                }

                Task.Delay(1).GetAwaiter().GetResult();
            }
        }

        static class Startup
        {
            public static void Register(IServiceCollection services) => services.AddNamedWorker<Poller>();
        }
        """);

    [Fact]
    public Task The_fix_turns_return_Task_CompletedTask_into_return() => Verify.Fix<BlockingBackgroundServiceFix>("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        class Poller : BackgroundService
        {
            protected override Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return Task.CompletedTask;
                }

                Thread.Sleep(100);
                return Task.CompletedTask;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using ThreadKit.Hosting;

        class Poller : NamedWorkerService
        {
            protected override void Execute(CancellationToken stoppingToken)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                Thread.Sleep(100);
                return;
            }
        }
        """);

    [Fact]
    public Task Without_ThreadKit_Hosting_referenced_the_rule_reports_but_offers_no_fix()
    {
        const string Source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            class Poller : BackgroundService
            {
                protected override Task {|TK003:ExecuteAsync|}(CancellationToken stoppingToken)
                {
                    Thread.Sleep(100);
                    return Task.CompletedTask;
                }
            }
            """;
        return Verify.Fix<BlockingBackgroundServiceFix>(Source, Source, withThreadKitHosting: false);
    }
}
