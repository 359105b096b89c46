using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// A worker that runs its body after a delay unless it is canceled first, like Python's <c>threading.Timer</c>. Its
/// <see cref="NamedWorker{TResult}.Join()"/> returns whether the body ran.
/// </summary>
/// <remarks>
/// <para>
/// The delay is spent on the worker's own named thread, which waits on its stop token, so <see cref="Cancel"/>,
/// <see cref="NamedWorker.RequestStop"/> and <see cref="NamedWorker.Dispose"/> all end the wait at once. Everything a
/// <see cref="NamedWorker"/> offers applies: options before <see cref="NamedWorker.Start"/>, joins, fault reporting.
/// </para>
/// <para>
/// A worker stopped before its delay ended never runs its body and ends <see cref="WorkerState.Canceled"/>, like any
/// worker stopped before it did its work. Unlike a body that throws <see cref="OperationCanceledException"/>, it has
/// no exception: its joins return <see langword="false"/> without throwing, and <see cref="NamedWorker.Exception"/>
/// is <see langword="null"/>.
/// </para>
/// </remarks>
public sealed class DelayedWorker : NamedWorker<bool>
{
    private const int Waiting = 0;
    private const int Ran = 1;
    private const int Canceled = 2;

    private readonly Delegate _body;
    private TimeProvider? _clock;

    // On a custom clock: set by that clock's timer, armed at Start, when the delay has passed.
    private ManualResetEventSlim? _due;
    private ITimer? _dueTimer;
    private int _decision;

    private DelayedWorker(string? name, TimeSpan delay, Delegate body)
        : base(name, body, default)
    {
        if (delay < TimeSpan.Zero || delay.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(delay),
                delay,
                "The delay must be zero or positive and at most int.MaxValue milliseconds (about 24.8 days).");
        }

        Delay = delay;
        _body = body;
    }

    /// <summary>Gets how long the worker waits, once started, before it runs its body.</summary>
    public TimeSpan Delay { get; }

    /// <summary>
    /// Gets or sets the clock the delay is timed by, an option set between <c>Create</c> and
    /// <see cref="NamedWorker.Start"/>: <see langword="null"/>, the default, waits on the system's clock; a fake one
    /// (such as <c>FakeTimeProvider</c>) lets a test move time past the delay instead of waiting for it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="NamedWorker.Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public TimeProvider? TimeProvider
    {
        get => Volatile.Read(ref _clock);
        set
        {
            ThrowIfOptionsFrozen(nameof(TimeProvider));
            Volatile.Write(ref _clock, value);
        }
    }

    /// <summary>
    /// Gets a value indicating whether <see cref="Cancel"/> won the race against the delay, so the body never runs.
    /// </summary>
    public bool IsCanceled => Volatile.Read(ref _decision) == Canceled;

    /// <summary>Creates an unstarted worker that, once started, runs <paramref name="body"/> after <paramref name="delay"/>.</summary>
    /// <param name="name">The worker's name. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="delay">How long to wait after <see cref="NamedWorker.Start"/> before running the body.</param>
    /// <param name="body">The code to run when the delay has passed.</param>
    /// <returns>The new worker, <see cref="WorkerState.Unstarted"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public static DelayedWorker Create(string? name, TimeSpan delay, Action body) => new(name, delay, body);

    /// <summary>
    /// Creates an unstarted worker that, once started, runs <paramref name="body"/> after <paramref name="delay"/>,
    /// passing it the worker's stop token so that a run already under way can be stopped too.
    /// </summary>
    /// <param name="name">The worker's name. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="delay">How long to wait after <see cref="NamedWorker.Start"/> before running the body.</param>
    /// <param name="body">The code to run when the delay has passed; it receives the worker's stop token.</param>
    /// <returns>The new worker, <see cref="WorkerState.Unstarted"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public static DelayedWorker Create(string? name, TimeSpan delay, Action<CancellationToken> body) =>
        new(name, delay, body);

    /// <summary>
    /// Creates an unstarted worker that, once started, runs the asynchronous <paramref name="body"/> after
    /// <paramref name="delay"/>, keeping every continuation on the worker's thread.
    /// </summary>
    /// <param name="name">The worker's name. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="delay">How long to wait after <see cref="NamedWorker.Start"/> before running the body.</param>
    /// <param name="body">The asynchronous code to run when the delay has passed; the worker ends when its task completes.</param>
    /// <returns>The new worker, <see cref="WorkerState.Unstarted"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public static DelayedWorker Create(string? name, TimeSpan delay, Func<Task> body) => new(name, delay, body);

    /// <summary>
    /// Creates an unstarted worker that, once started, runs the asynchronous <paramref name="body"/> after
    /// <paramref name="delay"/>, passing it the worker's stop token and keeping every continuation on the worker's thread.
    /// </summary>
    /// <param name="name">The worker's name. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="delay">How long to wait after <see cref="NamedWorker.Start"/> before running the body.</param>
    /// <param name="body">The asynchronous code to run when the delay has passed; it receives the worker's stop token, and the worker ends when its task completes.</param>
    /// <returns>The new worker, <see cref="WorkerState.Unstarted"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public static DelayedWorker Create(string? name, TimeSpan delay, Func<CancellationToken, Task> body) =>
        new(name, delay, body);

    /// <summary>
    /// Cancels the run if the delay has not passed yet, as Python's <c>Timer.cancel()</c> does. It can be called before
    /// or after <see cref="NamedWorker.Start"/>, from any thread, any number of times.
    /// </summary>
    /// <returns>
    /// <see langword="true"/> if this call or an earlier one kept the body from running; <see langword="false"/> if the
    /// body had already begun, in which case its stop token is signalled.
    /// </returns>
    public bool Cancel()
    {
        var decision = Interlocked.CompareExchange(ref _decision, Canceled, Waiting);
        RequestStop();
        return decision != Ran;
    }

    private protected override bool EndedUnrun => IsCanceled;

    private protected override void Execute()
    {
        var stopToken = StopToken;
        var stopped = stopToken.IsCancellationRequested || StoppedDuringDelay(stopToken);
        ReleaseDueTimer();
        if (stopped || Interlocked.CompareExchange(ref _decision, Ran, Waiting) != Waiting)
        {
            Interlocked.CompareExchange(ref _decision, Canceled, Waiting);
            SetResult(false);
            return;
        }

        RunBody(stopToken);
        SetResult(true);
    }

    /// <summary>On a custom clock, arms the delay's timer as the worker starts, so the delay counts from Start.</summary>
    private protected override void OnStarting()
    {
        if (Clocks.CustomOrNull(_clock) is not { } clock)
        {
            return;
        }

        _dueTimer?.Dispose();
        _due ??= new ManualResetEventSlim();
        _dueTimer = clock.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), _due, Delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits out the delay on the worker's clock; returns whether a stop came first.</summary>
    private bool StoppedDuringDelay(CancellationToken stopToken)
    {
        if (_due is not { } due)
        {
            return stopToken.WaitHandle.WaitOne(Delay);
        }

        WaitHandle.WaitAny([stopToken.WaitHandle, due.WaitHandle]);
        return stopToken.IsCancellationRequested;
    }

    /// <summary>Once the wait is over, however it ended: the custom clock's timer and its event are done with.</summary>
    private void ReleaseDueTimer()
    {
        _dueTimer?.Dispose();
        _due?.Dispose();
    }

    private void RunBody(CancellationToken stopToken)
    {
        var context = _body switch
        {
            Func<Task> or Func<CancellationToken, Task> => InstallSynchronizationContext(_body),
            _ => InstallSynchronizationContextIfAsyncVoid(_body),
        };
        try
        {
            switch (_body)
            {
                case Action action:
                    action();
                    context?.RunUntilIdle();
                    break;
                case Action<CancellationToken> action:
                    action(stopToken);
                    context?.RunUntilIdle();
                    break;
                case Func<Task> func:
                    context!.Run(func());
                    break;
                default:
                    context!.Run(((Func<CancellationToken, Task>)_body)(stopToken));
                    break;
            }
        }
        finally
        {
            context?.Uninstall();
        }
    }
}
