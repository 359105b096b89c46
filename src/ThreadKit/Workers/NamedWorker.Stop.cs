using System;
using System.Threading;

namespace ThreadKit;

// Cooperative stop, as C++20's jthread has it: a stop token per worker, RequestStop, and Dispose as stop-and-join.
public abstract partial class NamedWorker
{
    /// <summary>
    /// Gets the worker's stop token, signalled by <see cref="RequestStop"/>, by the outside token passed when the
    /// worker was created, or by the stop of its <see cref="WorkerGroup"/>. Token-aware bodies receive it as their
    /// last argument; other code can read it through <see cref="Current"/>.
    /// </summary>
    public CancellationToken StopToken => GetOrCreateStopSource().Token;

    /// <summary>Gets a value indicating whether <see cref="StopToken"/> has been signalled.</summary>
    public bool IsStopRequested => _extras?.StopSource?.IsCancellationRequested ?? false;

    /// <summary>
    /// Requests the worker to stop by signalling its <see cref="StopToken"/>, like C++20's
    /// <c>jthread::request_stop</c>. Stopping is cooperative: the body decides when to return. Callbacks registered
    /// on the token run on the calling thread. Calling it before <see cref="Start"/> starts the body with the token
    /// already signalled.
    /// </summary>
    /// <exception cref="AggregateException">A callback registered on <see cref="StopToken"/> threw.</exception>
    public void RequestStop() => GetOrCreateStopSource().Cancel();

    /// <summary>
    /// Requests the worker to stop, then waits for its body to end, like the destructor of C++20's <c>jthread</c>.
    /// </summary>
    /// <remarks>
    /// Never throws the body's exception; that stays in <see cref="Exception"/>, where it was already reported. If a
    /// callback registered on <see cref="StopToken"/> throws, the wait still happens, and the callbacks' exceptions
    /// are thrown once the body has ended.
    /// Disposing a worker that was never started only marks it disposed. Called from the worker's own thread, it
    /// requests stop and returns without waiting.
    /// </remarks>
    /// <exception cref="AggregateException">A callback registered on <see cref="StopToken"/> threw; thrown after the body has ended.</exception>
    public void Dispose()
    {
        var state = SetFlag(FlagDisposed);
        if ((state & PhaseMask) == PhaseStarting)
        {
            state = WaitWhileStarting();
        }

        var phase = state & PhaseMask;
        if (phase == PhaseUnstarted)
        {
            return;
        }

        try
        {
            if (phase == PhaseRunning)
            {
                RequestStop();
            }
        }
        finally
        {
            // Even when a stop callback throws, the body has been asked to stop and is waited for: the caller is
            // about to release what the body uses.
            WaitForEnd();
        }
    }

    /// <summary>Gets the kind of thread the worker's runner gives it, for listings; a plain worker's until it starts.</summary>
    internal WorkerThreadKind RunnerKind => _runner?.Kind ?? WorkerThreadKind.Worker;

    /// <summary>Gets a value indicating whether <see cref="Dispose"/> has been called.</summary>
    internal bool IsDisposed => (Volatile.Read(ref _state) & FlagDisposed) != 0;

    private void RegisterExternalStop(WorkerExtras extras)
    {
        if (extras.ExternalStopToken.CanBeCanceled)
        {
            extras.ExternalStopRegistration = extras.ExternalStopToken.Register(
                static state => ((NamedWorker)state!).RequestStop(),
                this,
                useSynchronizationContext: false);
        }
    }

    private bool IsOwnStop(Exception exception)
    {
        if (exception is not OperationCanceledException canceled || _extras is not { } extras)
        {
            return false;
        }

        var token = canceled.CancellationToken;
        return token.IsCancellationRequested
            && ((extras.StopSource is { } source && token == source.Token) || token == extras.ExternalStopToken);
    }

    private CancellationTokenSource GetOrCreateStopSource()
    {
        var extras = GetOrCreateExtras();
        var source = Volatile.Read(ref extras.StopSource);
        if (source is null)
        {
            var created = new CancellationTokenSource();
            source = Interlocked.CompareExchange(ref extras.StopSource, created, null) ?? created;
        }

        return source;
    }
}
