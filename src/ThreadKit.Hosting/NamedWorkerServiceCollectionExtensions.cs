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

        services.AddSingleton<Registration<TService>>();
        services.TryAddSingleton<TService>();
        services.AddSingleton<IHostedService>(static provider =>
            provider.GetRequiredService<TService>().AttachTo(provider, typeof(TService).FullName ?? typeof(TService).Name));
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
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains a NUL character (<c>'\0'</c>).</exception>
    public static IServiceCollection AddNamedWorker(this IServiceCollection services, string name, Action<IServiceProvider, CancellationToken> body)
    {
        CheckDelegateForm(services, name, body);
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
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or contains a NUL character (<c>'\0'</c>).</exception>
    public static IServiceCollection AddNamedWorker(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> body)
    {
        CheckDelegateForm(services, name, body);
        services.AddSingleton<IHostedService>(provider =>
            new AsyncDelegateWorkerService(name, body, provider).AttachTo(provider, DelegateWorkerService.LoggerCategory));
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
    }

    /// <summary>Marks a service type as registered, so that a second <c>AddNamedWorker&lt;TService&gt;()</c> adds nothing.</summary>
    private sealed class Registration<TService>;
}
