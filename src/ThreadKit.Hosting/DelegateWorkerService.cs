using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit.Hosting;

/// <summary>The hosted worker behind <c>AddNamedWorker(name, body)</c> with a synchronous body.</summary>
internal sealed class DelegateWorkerService(string name, Action<IServiceProvider, CancellationToken> body, IServiceProvider services)
    : NamedWorkerService(name)
{
    public const string LoggerCategory = "ThreadKit.Hosting.NamedWorkerService";

    protected override void Execute(CancellationToken stoppingToken) => body(services, stoppingToken);
}

/// <summary>
/// The hosted worker behind <c>AddNamedWorker(name, body)</c> with an async body: it runs on the worker's async pump, so
/// it resumes on its named thread after every await.
/// </summary>
internal sealed class AsyncDelegateWorkerService(string name, Func<IServiceProvider, CancellationToken, Task> body, IServiceProvider services)
    : NamedWorkerService(name)
{
    internal override NamedWorker CreateWorker(CancellationToken startToken) =>
        NamedWorker.Create(Name, static (AsyncDelegateWorkerService service, CancellationToken stop) => service.RunAsync(stop), this, startToken);

    protected override void Execute(CancellationToken stoppingToken) => RunAsync(stoppingToken).GetAwaiter().GetResult();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        using var scope = BeginLogScope();
        await body(services, stoppingToken).ConfigureAwait(true);
    }
}
