// A worker service with two named workers, each on a dedicated thread of its own:
//   - "order-consumer", a blocking consumer, the shape of a Kafka consumer's Consume() loop;
//   - "order-poller", an async poller that feeds the consumer's queue.
// Both log through the host's console logger, each entry in a scope naming its worker. Ctrl+C or SIGTERM stops the
// host gracefully: both workers log their stop, and the process exits with code 0.
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreadKit;
using ThreadKit.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddSimpleConsole(options =>
{
    options.IncludeScopes = true;
    options.SingleLine = true;
});
builder.Services.AddSingleton<OrderQueue>();
builder.Services.AddNamedWorker<OrderConsumer>();
builder.Services.AddNamedWorker("order-poller", async (services, stoppingToken) =>
{
    var queue = services.GetRequiredService<OrderQueue>();
    var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OrderPoller");
    logger.LogInformation("Polling for orders on thread {Thread}", NamedWorker.CurrentThreadName);
    var next = 1;
    try
    {
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken);
            queue.Orders.Add(next++, stoppingToken);
        }
    }
    catch (OperationCanceledException)
    {
        logger.LogInformation("Poller stopped after queueing {Count} orders", next - 1);
    }
});

await builder.Build().RunAsync();

/// <summary>The queue the poller fills and the consumer drains.</summary>
internal sealed class OrderQueue
{
    public BlockingCollection<int> Orders { get; } = new();
}

/// <summary>A blocking consumer: Take blocks its own named thread, never a thread-pool thread.</summary>
internal sealed class OrderConsumer(OrderQueue queue, ILogger<OrderConsumer> logger) : NamedWorkerService("order-consumer")
{
    protected override void Execute(CancellationToken stoppingToken)
    {
        logger.LogInformation("Consuming orders on thread {Thread}", NamedWorker.CurrentThreadName);
        var consumed = 0;
        try
        {
            while (true)
            {
                var order = queue.Orders.Take(stoppingToken);
                consumed++;
                logger.LogInformation("Consumed order {Order}", order);
            }
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Consumer stopped after {Count} orders", consumed);
        }
    }
}
