using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ThreadKit.Hosting;

/// <summary>
/// The hosted-service registration of <c>AddNamedWorker&lt;TService&gt;()</c>: it starts and stops the service's
/// singleton. It is not disposable, so the container, which disposes every disposable it hands out, disposes the
/// service once, through its own registration, instead of once per registration.
/// </summary>
internal sealed class HostedNamedWorker(NamedWorkerService service) : IHostedService
{
    public NamedWorkerService Service => service;

    public Task StartAsync(CancellationToken cancellationToken) => service.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => service.StopAsync(cancellationToken);

    public override string ToString() => service.ToString();
}
