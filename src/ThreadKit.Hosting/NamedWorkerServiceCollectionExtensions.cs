using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ThreadKit.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers hosted services that run on dedicated, named threads.</summary>
public static class NamedWorkerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TService"/> as a singleton, so it can be resolved and inspected, and as a hosted
    /// service whose <c>Execute</c> runs on its own named thread and logs through the host. Its constructor takes its
    /// dependencies from the container. Registering the same type again does nothing, as with <c>AddHostedService</c>.
    /// </summary>
    /// <remarks>
    /// The container owns one instance and disposes it once: the hosted-service registration is a small adapter that
    /// starts and stops the singleton, so the service is not disposed a second time through it. A singleton
    /// registration of <typeparamref name="TService"/> made before this call is used as it is.
    /// </remarks>
    /// <typeparam name="TService">The service, derived from <see cref="NamedWorkerService"/>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddNamedWorker<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(this IServiceCollection services)
        where TService : NamedWorkerService
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(static descriptor => descriptor.ServiceType == typeof(Registration<TService>)))
        {
            return services;
        }

        services.AddThreadKitDiagnostics();
        services.AddSingleton<Registration<TService>>();
        services.TryAddSingleton<TService>();
        services.AddSingleton<IHostedService>(static provider => new HostedNamedWorker(
            provider.GetRequiredService<TService>().AttachTo(provider, typeof(TService).FullName ?? typeof(TService).Name)));
        return services;
    }

    /// <summary>
    /// Adds a hosted worker that runs <paramref name="body"/> on its own thread named <paramref name="name"/>. Each call
    /// adds one more worker.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The worker's name, set on its thread and on its log entries.</param>
    /// <param name="body">The work: it receives the host's services and the stopping token, and should return when the token is signalled.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains a NUL character (<c>'\0'</c>); checked here, not when the host starts.</exception>
    public static IServiceCollection AddNamedWorker(this IServiceCollection services, string name, Action<IServiceProvider, CancellationToken> body)
    {
        CheckDelegateForm(services, name, body);
        services.AddThreadKitDiagnostics();
        services.AddSingleton<IHostedService>(provider =>
            new DelegateWorkerService(name, body, provider).AttachTo(provider, DelegateWorkerService.LoggerCategory));
        return services;
    }

    /// <summary>
    /// Adds a hosted worker that runs the asynchronous <paramref name="body"/> on its own thread named
    /// <paramref name="name"/>, where it resumes after every await. Each call adds one more worker.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The worker's name, set on its thread and on its log entries.</param>
    /// <param name="body">The work: it receives the host's services and the stopping token, and its task should complete when the token is signalled.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains a NUL character (<c>'\0'</c>); checked here, not when the host starts.</exception>
    public static IServiceCollection AddNamedWorker(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> body)
    {
        CheckDelegateForm(services, name, body);
        services.AddThreadKitDiagnostics();
        services.AddSingleton<IHostedService>(provider =>
            new AsyncDelegateWorkerService(name, body, provider).AttachTo(provider, DelegateWorkerService.LoggerCategory));
        return services;
    }

    /// <summary>
    /// Reports ThreadKit's diagnostics through the host: every stall that <see cref="ThreadKit.WorkerDiagnostics"/> detects (a
    /// loop item or pool job past its owner's <c>StallThreshold</c>) is logged as a warning in category
    /// <c>ThreadKit</c>, in a scope that names the stuck thread. Every <c>AddNamedWorker</c> call makes this call;
    /// make it yourself for an app whose loops and pools are not hosted workers. Calling it again does nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddThreadKitDiagnostics(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StallLogger>());
        return services;
    }

    /// <summary>
    /// Reports ThreadKit's diagnostics through the host, as <see cref="AddThreadKitDiagnostics(IServiceCollection)"/>
    /// does, configured by <paramref name="configure"/>: for example, with
    /// <see cref="ThreadKitDiagnosticsOptions.CaptureStacksOnStall"/>, each stall's warning is followed by the stuck
    /// thread's stack (category <c>ThreadKit</c>, event <c>ThreadStallStack</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; it runs when the host first needs them.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// With <see cref="ThreadKitDiagnosticsOptions.CaptureStacksOnStall"/> on, the host's start throws
    /// <see cref="InvalidOperationException"/> if the app does not reference the <c>ThreadKit.Diagnostics.Stacks</c> package.
    /// </remarks>
    public static IServiceCollection AddThreadKitDiagnostics(this IServiceCollection services, Action<ThreadKitDiagnosticsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddThreadKitDiagnostics();
        services.Configure(configure);
        return services;
    }

    private static void CheckDelegateForm(IServiceCollection services, string name, Delegate body)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(body);
        if (name.Length == 0)
        {
            throw new ArgumentException("A hosted worker needs a name, which its thread and its log entries carry. Pass a non-empty name.", nameof(name));
        }

        // The same check, exception and message as NamedWorker.Create, made now rather than when the host starts.
        ThreadKit.Guard.WorkerName(name);
    }

    /// <summary>Marks a service type as registered, so that a second <c>AddNamedWorker&lt;TService&gt;()</c> adds nothing.</summary>
    private sealed class Registration<TService>;
}
