using System;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit.Tests;

namespace ThreadKit.Hosting.Tests;

/// <summary>How often the host called each lifecycle method of a <see cref="CountingService"/>.</summary>
public sealed class Counts
{
    private int _starts;
    private int _stops;
    private int _disposes;

    public int Starts => Volatile.Read(ref _starts);

    public int Stops => Volatile.Read(ref _stops);

    public int Disposes => Volatile.Read(ref _disposes);

    public void Started() => Interlocked.Increment(ref _starts);

    public void Stopped() => Interlocked.Increment(ref _stops);

    public void Disposed() => Interlocked.Increment(ref _disposes);
}

/// <summary>Blocks until stopped, and counts the host's calls, including a Dispose override's cleanup.</summary>
public class CountingService(Counts counts) : NamedWorkerService("counting")
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        counts.Started();
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        counts.Stopped();
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        counts.Disposed();
        base.Dispose();
    }

    protected override void Execute(CancellationToken stoppingToken) => stoppingToken.WaitHandle.WaitOne(TestBase.UnexpectedTimeout);
}

/// <summary>Registers two stop callbacks on its token, the first of which throws; then blocks until released.</summary>
public sealed class ThrowOnStopService : NamedWorkerService
{
    private int _tokenCalls;

    public ThrowOnStopService()
        : base("throw-on-stop")
    {
    }

    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    public bool Returned { get; private set; }

    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    protected override void Execute(CancellationToken stoppingToken)
    {
        stoppingToken.Register(() =>
        {
            Interlocked.Increment(ref _tokenCalls);
            throw new InvalidOperationException("stop callback");
        });
        stoppingToken.Register(() => Interlocked.Increment(ref _tokenCalls));
        Entered.Set();
        Release.Wait(TestBase.UnexpectedTimeout);
        Returned = true;
    }
}

/// <summary>Records whether and when its stopping token fired, then returns.</summary>
public sealed class StopWatchingService : NamedWorkerService
{
    public StopWatchingService()
        : base("stop-watching")
    {
    }

    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim SawStop { get; } = new();

    public bool StopAlreadyRequestedOnEntry { get; private set; }

    protected override void Execute(CancellationToken stoppingToken)
    {
        StopAlreadyRequestedOnEntry = stoppingToken.IsCancellationRequested;
        Entered.Set();
        if (stoppingToken.WaitHandle.WaitOne(TestBase.UnexpectedTimeout))
        {
            SawStop.Set();
        }
    }
}

/// <summary>Uses a disposable dependency until it is stopped, and records whether it was disposed under it.</summary>
public sealed class DependencyUsingService(Dependency dependency) : NamedWorkerService("dependency-user")
{
    public ManualResetEventSlim Entered { get; } = new();

    public bool SawDisposedDependency { get; private set; }

    protected override void Execute(CancellationToken stoppingToken)
    {
        Entered.Set();
        stoppingToken.WaitHandle.WaitOne(TestBase.UnexpectedTimeout);

        // Still working after the stop: what the host disposes must stay usable until Execute returns.
        Thread.Sleep(50);
        SawDisposedDependency = dependency.IsDisposed;
    }
}

/// <summary>A singleton the host disposes when it is disposed.</summary>
public sealed class Dependency : IDisposable
{
    public bool IsDisposed { get; private set; }

    public void Dispose() => IsDisposed = true;
}
