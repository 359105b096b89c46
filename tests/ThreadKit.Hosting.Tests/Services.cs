using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using ThreadKit.Tests;

namespace ThreadKit.Hosting.Tests;

/// <summary>What a test's services report back: where Execute ran, and gates to hold it where the test needs it.</summary>
public sealed class Probe : IDisposable
{
    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Returned { get; } = new();

    public string? ThreadName { get; set; }

    public bool IsThreadPoolThread { get; set; }

    public bool IsBackground { get; set; }

    public void RecordThread()
    {
        ThreadName = NamedWorker.CurrentThreadName;
        IsThreadPoolThread = Thread.CurrentThread.IsThreadPoolThread;
        IsBackground = Thread.CurrentThread.IsBackground;
    }

    public void Dispose()
    {
        Entered.Dispose();
        Returned.Dispose();
    }
}

/// <summary>Blocks in Execute until the host stops it, like a consumer's Consume() loop.</summary>
public sealed class BlockingConsumer(Probe probe, ILogger<BlockingConsumer> logger) : NamedWorkerService("kafka-consumer")
{
    protected override void Execute(CancellationToken stoppingToken)
    {
        probe.RecordThread();
        logger.LogInformation("consuming");
        probe.Entered.Set();
        stoppingToken.WaitHandle.WaitOne();
        logger.LogInformation("consumer stopping");
        probe.Returned.Set();
    }
}

/// <summary>Takes its name from its type.</summary>
public sealed class UnnamedService(Probe probe) : NamedWorkerService
{
    protected override void Execute(CancellationToken stoppingToken)
    {
        probe.RecordThread();
        probe.Entered.Set();
        stoppingToken.WaitHandle.WaitOne();
    }
}

/// <summary>Ignores its stopping token, as a loop stuck in a native call would.</summary>
public sealed class StuckService(Probe probe) : NamedWorkerService("stuck")
{
    protected override void Execute(CancellationToken stoppingToken)
    {
        probe.Entered.Set();
        probe.Returned.Wait(TestBase.UnexpectedTimeout);
    }
}

/// <summary>Throws out of Execute once started.</summary>
public sealed class FailingService(Probe probe) : NamedWorkerService("failing")
{
    protected override void Execute(CancellationToken stoppingToken)
    {
        probe.Entered.Set();
        throw new InvalidOperationException("consumer broke");
    }
}

/// <summary>Answers its stopping token by throwing, as ThrowIfCancellationRequested does.</summary>
public sealed class CancelingService(Probe probe) : NamedWorkerService("canceling")
{
    protected override void Execute(CancellationToken stoppingToken)
    {
        probe.Entered.Set();
        stoppingToken.WaitHandle.WaitOne();
        stoppingToken.ThrowIfCancellationRequested();
    }
}
