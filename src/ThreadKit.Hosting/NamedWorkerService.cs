using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ThreadKit.Hosting;

/// <summary>
/// A hosted service whose <see cref="Execute"/> runs on a dedicated, named thread of its own, for the blocking loops
/// that <see cref="BackgroundService"/> does not fit: a Kafka consumer's <c>Consume()</c>, a serial-port or socket
/// reader, a hardware poller, a legacy synchronous API.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="StartAsync"/> starts the thread and returns at once, so host start-up is never held up, and the thread
/// pool is never held either. <see cref="StopAsync"/> signals the stopping token and waits for
/// <see cref="Execute"/> to return, so that nothing the host disposes afterwards is still in use by the worker; if the
/// host's shutdown timeout passes first, it logs a warning naming the worker and returns, so the host never hangs.
/// The thread is a background thread, so a stuck worker never keeps the process alive after its host has stopped.
/// </para>
/// <para>
/// Registered with <c>services.AddNamedWorker&lt;TService&gt;()</c>, the service logs through the host: an exception
/// escaping <see cref="Execute"/> is logged once as an error naming the worker, then
/// <see cref="HostOptions.BackgroundServiceExceptionBehavior"/> applies as it does for a <see cref="BackgroundService"/>;
/// every entry logged on the worker's thread carries a scope with the worker's name. Registered with a plain
/// <c>AddHostedService&lt;TService&gt;()</c>, it still runs, stops and names its thread the same way, but without the
/// host's services: a fault goes to ThreadKit's own report (<see cref="NamedWorker.UnhandledException"/>, else
/// standard error), the host keeps running, a late stop is not logged, and entries carry no worker scope.
/// </para>
/// </remarks>
public abstract class NamedWorkerService : IHostedService, IDisposable
{
    /// <summary>
    /// How long <see cref="StopAsync"/> waits for the worker, counted from its own start, before it names the worker as
    /// late, even when the host's shutdown token has already fired: one second.
    /// </summary>
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(1);

    private NamedWorker? _worker;
    private HostIntegration? _host;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="NamedWorkerService"/> class, named after its type (<c>GetType().Name</c>).</summary>
    protected NamedWorkerService()
        : this(null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NamedWorkerService"/> class with the name its thread will carry.</summary>
    /// <param name="name">The worker's name; <see langword="null"/> or empty names it after the service's type.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    protected NamedWorkerService(string? name)
    {
        Name = string.IsNullOrEmpty(Guard.WorkerName(name)) ? GetType().Name : name!;
    }

    /// <summary>Gets the name of the worker's thread.</summary>
    public string Name { get; }

    /// <summary>Gets the worker that runs <see cref="Execute"/>: <see langword="null"/> until <see cref="StartAsync"/>.</summary>
    public NamedWorker? Worker => Volatile.Read(ref _worker);

    /// <summary>Starts <see cref="Execute"/> on its own named background thread and returns at once.</summary>
    /// <param name="cancellationToken">
    /// The host's start-up token. It is linked into the stopping token, as <see cref="BackgroundService"/> links it:
    /// when it is cancelled, even before this call, <see cref="Execute"/> sees a stop. Starting a thread waits on
    /// nothing, so the returned task never fails for it.
    /// </param>
    /// <returns>A completed task.</returns>
    /// <exception cref="InvalidOperationException">The service has already been started.</exception>
    public virtual Task StartAsync(CancellationToken cancellationToken)
    {
        var worker = CreateWorker(cancellationToken);
        worker.IsBackground = true;
        if (_host is { } host)
        {
            worker.UnhandledExceptionHandler = fault => host.ReportFault(this, fault);
        }

        if (Interlocked.CompareExchange(ref _worker, worker, null) is not null)
        {
            throw new InvalidOperationException($"Hosted worker '{Name}' has already been started; a hosted service starts once.");
        }

        worker.Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Signals the stopping token, then waits for <see cref="Execute"/> to return. If
    /// <paramref name="cancellationToken"/> fires first (the host's shutdown timeout), it still waits until one second
    /// has passed since this call began, since the host hands every service the same token and a service stopped
    /// earlier may have used up its time; then, if the worker has still not returned, it logs a warning naming the
    /// worker and returns; the worker goes on, on its background thread.
    /// </summary>
    /// <remarks>
    /// It waits whatever the stopping token's callbacks do, so the host never disposes what <see cref="Execute"/> still
    /// uses. If a callback throws, its exception is thrown afterwards, as <see cref="BackgroundService"/> throws it.
    /// </remarks>
    /// <param name="cancellationToken">The host's shutdown token.</param>
    /// <returns>A task that completes when the worker has ended or the host stopped waiting.</returns>
    /// <exception cref="AggregateException">A callback registered on the stopping token threw; thrown once the wait is over.</exception>
    public virtual async Task StopAsync(CancellationToken cancellationToken)
    {
        var worker = Worker;
        if (worker is null)
        {
            return;
        }

        try
        {
            worker.RequestStop();
        }
        finally
        {
            await WaitForEndAsync(worker, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Requests the worker to stop, without waiting: the host calls this after <see cref="StopAsync"/>, which has
    /// already waited as long as the host allows. Calls after the first do nothing.
    /// </summary>
    public virtual void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Worker?.RequestStop();
        }
        catch (AggregateException)
        {
            // A stop callback threw. Disposal must not throw, and StopAsync, which waits, has already reported it.
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Describes the service, for example <c>&lt;NamedWorkerService(kafka-consumer)&gt;</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"<{nameof(NamedWorkerService)}({Name})>";

    /// <summary>
    /// The service's work, run on its own named thread. Return when <paramref name="stoppingToken"/> is signalled;
    /// an <see cref="OperationCanceledException"/> for it is a stop, not an error.
    /// </summary>
    /// <param name="stoppingToken">Signalled when the host stops, or when the worker is asked to stop.</param>
    protected abstract void Execute(CancellationToken stoppingToken);

    /// <summary>Gives the service the host's logger, lifetime and options; called by <c>AddNamedWorker</c>.</summary>
    internal NamedWorkerService AttachTo(IServiceProvider services, string loggerCategory)
    {
        _host ??= HostIntegration.From(services, loggerCategory);
        return this;
    }

    /// <summary>
    /// Creates the worker, with <paramref name="startToken"/> linked into its stop token; the async delegate form
    /// overrides it to run its body on the async pump.
    /// </summary>
    internal virtual NamedWorker CreateWorker(CancellationToken startToken) =>
        NamedWorker.Create(Name, static (NamedWorkerService service, CancellationToken stop) => service.RunExecute(stop), this, startToken);

    private async Task WaitForEndAsync(NamedWorker worker, CancellationToken cancellationToken)
    {
        // The host stops its services one after another on one token, so a service before this one may have used up
        // the whole timeout. Every worker still gets a wait of its own, counted from here, before it is named as late.
        using var ownWait = new CancellationTokenSource(s_stopGrace);
        if (!await EndsBeforeAsync(worker, cancellationToken).ConfigureAwait(false)
            && !await EndsBeforeAsync(worker, ownWait.Token).ConfigureAwait(false))
        {
            _host?.ReportLateStop(this);
        }
    }

    /// <summary>Waits for the worker to end, and tells whether it did before <paramref name="token"/> fired.</summary>
    private static async Task<bool> EndsBeforeAsync(NamedWorker worker, CancellationToken token)
    {
        try
        {
            await worker.JoinAsync(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested && worker.IsAlive)
        {
            return false;
        }
        catch (Exception)
        {
            // A fault was reported when it happened, and a worker that ends canceled has simply stopped.
        }

        return true;
    }

    /// <summary>Opens the worker's logging scope on its thread; async continuations inherit it.</summary>
    internal IDisposable? BeginLogScope() => _host?.BeginScope(Name);

    private void RunExecute(CancellationToken stoppingToken)
    {
        using var scope = BeginLogScope();
        Execute(stoppingToken);
    }
}
