using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// A dedicated, named operating-system thread that runs one delegate with typed arguments: the .NET counterpart of
/// Python's <c>threading.Thread</c>.
/// </summary>
/// <remarks>
/// <para>
/// Create a worker with one of the <c>Create</c> overloads, optionally set its options (<see cref="IsBackground"/>,
/// <see cref="StackSize"/>, <see cref="Priority"/>, <see cref="FlowExecutionContext"/>), then call
/// <see cref="Start"/> and later <see cref="Join()"/> or <see cref="JoinAsync"/>.
/// </para>
/// <para>
/// Unlike a raw <see cref="Thread"/>, an exception that escapes the body never terminates the process: it is kept in
/// <see cref="Exception"/>, reported once through <see cref="UnhandledException"/> (or to standard error when nobody
/// listens), and rethrown with its original stack trace by every join.
/// </para>
/// <para>
/// The name is set on the thread itself, so it shows in debuggers, dumps, <see cref="CurrentThreadName"/> and the
/// operating system's tools (Linux shows its first 15 bytes in <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/comm</c>).
/// </para>
/// <para>
/// The type is open only so that <see cref="NamedWorker{TResult}"/> can extend it; it cannot be derived from outside
/// this library.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public abstract partial class NamedWorker : IDisposable
{
    // _state packs the lifecycle phase (low bits) with flags, so that every transition is one compare-and-swap.
    private const int PhaseMask = 0x7;
    private const int PhaseUnstarted = 0;
    private const int PhaseStarting = 1;
    private const int PhaseRunning = 2;
    private const int PhaseCompleted = 3;
    private const int PhaseFaulted = 4;
    private const int PhaseCanceled = 5;
    private const int FlagDisposed = 0x10;
    private const int FlagBackground = 0x20;
    private const int FlagSuppressFlow = 0x40;

    private static readonly ParameterizedThreadStart s_runWorker = static state => ((NamedWorker)state!).Run();
    private static readonly object s_finishedSentinel = new();
    private static int s_autoNameCounter;

    private readonly string _name;
    private Thread? _thread;
    private object? _joinSource;
    private ExceptionDispatchInfo? _outcomeException;
    private WorkerExtras? _extras;
    private long _nativeThreadId;
    private int _state;
    private int _managedThreadId;

    private protected NamedWorker(string? name, Delegate body, CancellationToken stopToken)
    {
        Guard.NotNull(body);
        _name = string.IsNullOrEmpty(Guard.WorkerName(name)) ? CreateAutoName(body) : name!;
        if (stopToken.CanBeCanceled)
        {
            GetOrCreateExtras().ExternalStopToken = stopToken;
        }
    }

    /// <summary>
    /// Occurs on a worker's own thread when an exception escapes its body, before any join of that worker returns.
    /// </summary>
    /// <remarks>
    /// The sender is the worker. Each handler runs in turn; one that throws is reported to standard error and does not
    /// stop the others, nor the worker's completion. With no handler subscribed, ThreadKit writes Python's report to
    /// standard error: <c>Exception in thread &lt;name&gt;:</c> followed by the exception. A body that ends with
    /// <see cref="WorkerState.Canceled"/> is not reported.
    /// </remarks>
    public static event EventHandler<WorkerExceptionEventArgs>? UnhandledException;

    /// <summary>
    /// Gets the smallest <see cref="StackSize"/> ThreadKit accepts, 256 KiB. Below it, .NET's own startup work
    /// (type loading, exception dispatch) can overflow the stack and end the process.
    /// </summary>
    public static int MinimumStackSize => 256 * 1024;

    /// <summary>
    /// Gets the name of the calling thread, as Python's <c>threading.current_thread().name</c> does.
    /// </summary>
    /// <remarks>
    /// <para>A named thread, a worker included, returns its name.</para>
    /// <para>
    /// An unnamed thread that is the process's entry thread returns <c>"MainThread"</c>. The entry thread is the one the
    /// operating system started the process on: on Linux, the thread whose id equals the process id; on macOS, the
    /// thread for which <c>pthread_main_np</c> is true; on Windows, the earliest-created thread of the process;
    /// elsewhere, the thread that started the runtime (managed thread id 1).
    /// </para>
    /// <para>
    /// Any other unnamed thread returns <c>"ManagedThread-&lt;id&gt;"</c>, with its managed thread id; it is stable
    /// for the thread's life and never looks like an automatic worker name (<c>Thread-N</c>).
    /// </para>
    /// <para>After the first call on a thread, reading this property allocates nothing.</para>
    /// </remarks>
    public static string CurrentThreadName => ThreadNames.Current;

    /// <summary>
    /// Gets the worker whose body is running on the calling thread, or <see langword="null"/> on any other thread,
    /// as Python's <c>threading.current_thread()</c> does.
    /// </summary>
    /// <remarks>
    /// It is a lookup in the registry of active workers, by the calling thread's managed id, not a field read: keep
    /// the result in a local rather than reading it in a tight loop. Workers keep no thread-static state of their own,
    /// which would cost every worker an allocation for its thread's static storage.
    /// </remarks>
    public static NamedWorker? Current => WorkerRegistry.Find(Environment.CurrentManagedThreadId);

    /// <summary>Gets the number of workers that have started and whose body has not ended yet.</summary>
    public static int ActiveCount => WorkerRegistry.Count;

    /// <summary>Gets the name of the worker, set on its thread when it starts.</summary>
    public string Name => _name;

    /// <summary>Gets the worker's lifecycle state.</summary>
    public WorkerState State => ToWorkerState(Volatile.Read(ref _state) & PhaseMask);

    /// <summary>
    /// Gets a value indicating whether the worker has been started and its body has not ended yet. It becomes
    /// <see langword="true"/> before <see cref="Start"/> returns, and is <see langword="false"/> once any join returns.
    /// </summary>
    public bool IsAlive => (Volatile.Read(ref _state) & PhaseMask) == PhaseRunning;

    /// <summary>
    /// Gets the managed thread id of the worker's thread: <see langword="null"/> before <see cref="Start"/>, set when
    /// <see cref="Start"/> returns, and kept after the worker ends.
    /// </summary>
    public int? ManagedThreadId
    {
        get
        {
            var id = Volatile.Read(ref _managedThreadId);
            return id == 0 ? null : id;
        }
    }

    /// <summary>
    /// Gets the operating system's id for the worker's thread, the one <c>top -H</c>, <c>perf</c>, <c>gdb</c> and
    /// <c>/proc</c> show (Python's <c>native_id</c>): <c>gettid</c> on Linux, <c>pthread_threadid_np</c> on macOS,
    /// <c>GetCurrentThreadId</c> on Windows.
    /// </summary>
    /// <remarks>
    /// <see langword="null"/> before <see cref="Start"/>, and on platforms with none of these calls. After
    /// <see cref="Start"/> returns, reading it waits the few microseconds the new thread may need to report its id.
    /// The value is kept after the worker ends.
    /// </remarks>
    public long? NativeThreadId
    {
        get
        {
            var id = Volatile.Read(ref _nativeThreadId);
            if (id == 0)
            {
                var spinner = default(SpinWait);
                while ((id = Volatile.Read(ref _nativeThreadId)) == 0 && HasThread(Volatile.Read(ref _state)))
                {
                    spinner.SpinOnce();
                }
            }

            return id is 0 or NativeThread.Unavailable ? null : id;
        }
    }

    /// <summary>
    /// Gets the exception that ended the body: the fault of a <see cref="WorkerState.Faulted"/> worker, the
    /// <see cref="OperationCanceledException"/> of a <see cref="WorkerState.Canceled"/> one, otherwise
    /// <see langword="null"/>. Joins rethrow this same object.
    /// </summary>
    public Exception? Exception => Volatile.Read(ref _outcomeException)?.SourceException;

    /// <summary>
    /// Gets or sets a value indicating whether the worker is a background thread, which does not keep the process
    /// alive. The default is <see langword="false"/>: like Python's non-daemon threads, a foreground worker keeps the
    /// process running after <c>Main</c> returns, until its body ends.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public bool IsBackground
    {
        get => (Volatile.Read(ref _state) & FlagBackground) != 0;
        set => SetOptionFlag(FlagBackground, value, nameof(IsBackground));
    }

    /// <summary>
    /// Gets or sets the maximum stack size of the worker's thread, in bytes; 0, the default, uses the platform's
    /// default. Any other value must be at least <see cref="MinimumStackSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, or between 0 and <see cref="MinimumStackSize"/>.</exception>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public int StackSize
    {
        get => _extras?.StackSize ?? 0;
        set
        {
            if (value < 0 || (value > 0 && value < MinimumStackSize))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    $"The stack size must be 0, for the platform default, or at least {MinimumStackSize} bytes (NamedWorker.MinimumStackSize).");
            }

            ThrowIfOptionsFrozen(nameof(StackSize));
            GetOrCreateExtras().StackSize = value;
        }
    }

    /// <summary>
    /// Gets or sets the scheduling priority of the worker's thread. The default is <see cref="ThreadPriority.Normal"/>.
    /// Operating systems may ignore it, as Linux does for unprivileged processes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ThreadPriority"/>.</exception>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public ThreadPriority Priority
    {
        get => _extras?.Priority ?? ThreadPriority.Normal;
        set
        {
            if (value < ThreadPriority.Lowest || value > ThreadPriority.Highest)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    "The priority must be one of the named ThreadPriority values, from Lowest to Highest.");
            }

            ThrowIfOptionsFrozen(nameof(Priority));
            GetOrCreateExtras().Priority = value;
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether the starting thread's <see cref="ExecutionContext"/>
    /// (<see cref="AsyncLocal{T}"/> values, the current <see cref="Activity"/>) flows into the worker, as it does with
    /// <see cref="Thread.Start()"/>. The default is <see langword="true"/>; <see langword="false"/> starts the thread
    /// like <c>Thread.UnsafeStart</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public bool FlowExecutionContext
    {
        get => (Volatile.Read(ref _state) & FlagSuppressFlow) == 0;
        set => SetOptionFlag(FlagSuppressFlow, !value, nameof(FlowExecutionContext));
    }

    /// <summary>
    /// Gets the worker's stop token, signalled by <see cref="RequestStop"/>, by the outside token passed when the
    /// worker was created, or by the stop of its <see cref="WorkerGroup"/>. Token-aware bodies receive it as their
    /// last argument; other code can read it through <see cref="Current"/>.
    /// </summary>
    public CancellationToken StopToken => GetOrCreateStopSource().Token;

    /// <summary>Gets a value indicating whether <see cref="StopToken"/> has been signalled.</summary>
    public bool IsStopRequested => _extras?.StopSource?.IsCancellationRequested ?? false;

    /// <summary>Gets the group this worker belongs to, or <see langword="null"/>.</summary>
    public WorkerGroup? Group => _extras?.Group;

    /// <summary>
    /// Returns a snapshot of the workers that have started and whose body has not ended, as Python's
    /// <c>threading.enumerate()</c> does for threads.
    /// </summary>
    /// <returns>A new list; later starts and ends do not change it.</returns>
    public static IReadOnlyList<NamedWorker> GetActive() => WorkerRegistry.Snapshot();

    /// <summary>
    /// Starts the worker's thread. When this method returns, <see cref="IsAlive"/> is <see langword="true"/> and
    /// <see cref="ManagedThreadId"/> is set, and the worker is listed by <see cref="GetActive"/> until its body ends.
    /// </summary>
    /// <exception cref="InvalidOperationException">The worker has already been started.</exception>
    /// <exception cref="ObjectDisposedException">The worker has been disposed.</exception>
    /// <exception cref="OutOfMemoryException">
    /// The operating system could not create the thread. The worker stays <see cref="WorkerState.Unstarted"/> and
    /// unregistered, so <see cref="Start"/> can be called again.
    /// </exception>
    public void Start()
    {
        var observed = Volatile.Read(ref _state);
        while (true)
        {
            if ((observed & FlagDisposed) != 0)
            {
                throw new ObjectDisposedException(
                    nameof(NamedWorker),
                    $"Worker '{_name}' has been disposed and cannot be started. Create a new worker instead.");
            }

            if ((observed & PhaseMask) != PhaseUnstarted)
            {
                throw new InvalidOperationException(
                    $"Worker '{_name}' has already been started; a worker runs only once. Create a new worker to run the body again.");
            }

            var previous = Interlocked.CompareExchange(ref _state, (observed & ~PhaseMask) | PhaseStarting, observed);
            if (previous == observed)
            {
                break;
            }

            observed = previous;
        }

        StartThread((observed & FlagSuppressFlow) == 0);
    }

    /// <summary>
    /// Blocks the calling thread until the worker's body has ended, then rethrows the exception that ended it, if any.
    /// </summary>
    /// <remarks>
    /// Safe to call from many threads at once and any number of times. When it returns, <see cref="IsAlive"/> is
    /// <see langword="false"/> and <see cref="State"/> is final.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// The worker has not been started, or <see cref="Join()"/> was called from the worker's own thread, where a raw
    /// <see cref="Thread.Join()"/> would wait forever.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    /// <exception cref="Exception">The body's own exception, rethrown with its original stack trace.</exception>
    public void Join()
    {
        ThreadForJoin().Join();
        ThrowIfEndedByException();
    }

    /// <summary>
    /// Blocks the calling thread until the worker's body has ended or <paramref name="timeout"/> has passed. If the
    /// body has ended, rethrows the exception that ended it, if any.
    /// </summary>
    /// <param name="timeout">
    /// How long to wait: zero to poll, <see cref="Timeout.InfiniteTimeSpan"/> to wait without limit. Spans longer than
    /// <see cref="int.MaxValue"/> milliseconds are honoured in full.
    /// </param>
    /// <returns><see langword="true"/> if the body has ended; <see langword="false"/> if the timeout passed first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    /// <exception cref="InvalidOperationException">The worker has not been started, or the call comes from the worker's own thread.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    /// <exception cref="Exception">The body's own exception, rethrown with its original stack trace, once the body has ended.</exception>
    public bool Join(TimeSpan timeout)
    {
        Guard.Timeout(timeout);
        if (!JoinThread(ThreadForJoin(), timeout))
        {
            return false;
        }

        ThrowIfEndedByException();
        return true;
    }

    /// <summary>
    /// Returns a task that completes when the worker's body has ended, without blocking any thread while it waits.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait only; the worker keeps running.</param>
    /// <returns>
    /// A task that succeeds when the body returns, is faulted with the body's own exception (so <c>await</c> throws
    /// its original type), or is canceled when the worker ended <see cref="WorkerState.Canceled"/> or
    /// <paramref name="cancellationToken"/> fired first.
    /// </returns>
    /// <exception cref="InvalidOperationException">The worker has not been started.</exception>
    /// <exception cref="ObjectDisposedException">The worker was disposed without ever being started.</exception>
    public Task JoinAsync(CancellationToken cancellationToken = default)
    {
        EnsureStartedForJoin();
        return GetCompletionTask().WaitAsync(cancellationToken);
    }

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
    /// Never throws the body's exception; that stays in <see cref="Exception"/>, where it was already reported.
    /// Disposing a worker that was never started only marks it disposed. Called from the worker's own thread, it
    /// requests stop and returns without waiting.
    /// </remarks>
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

        if (phase == PhaseRunning)
        {
            RequestStop();
        }

        var thread = _thread!;
        if (!ReferenceEquals(thread, Thread.CurrentThread))
        {
            thread.Join();
        }
    }

    /// <summary>
    /// Describes the worker the way Python describes a thread, for example
    /// <c>&lt;NamedWorker(TestThread, running 12)&gt;</c>: its name, its state, <c>background</c> for a background
    /// worker, and its managed thread id once started.
    /// </summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var state = Volatile.Read(ref _state);
        var text = new StringBuilder("<NamedWorker(").Append(_name).Append(", ");
        text.Append(ToWorkerState(state & PhaseMask) switch
        {
            WorkerState.Running => "running",
            WorkerState.Completed => "completed",
            WorkerState.Faulted => "faulted",
            WorkerState.Canceled => "canceled",
            _ => "unstarted",
        });
        if ((state & FlagBackground) != 0)
        {
            text.Append(" background");
        }

        var id = Volatile.Read(ref _managedThreadId);
        if (id != 0)
        {
            text.Append(' ').Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(")>").ToString();
    }

    internal bool HasJoinSourceAllocated =>
        Volatile.Read(ref _joinSource) is { } source && !ReferenceEquals(source, s_finishedSentinel);

    internal bool HasExtrasAllocated => _extras is not null;

    internal ActivityContext ParentActivityForUnflowedStart => _extras?.ParentActivity ?? default;

    internal void AttachToGroup(WorkerGroup group)
    {
        if ((Volatile.Read(ref _state) & PhaseMask) != PhaseUnstarted)
        {
            throw new InvalidOperationException(
                $"Worker '{_name}' has already been started; a group can adopt only unstarted workers.");
        }

        var extras = GetOrCreateExtras();
        if (extras.Group is not null && !ReferenceEquals(extras.Group, group))
        {
            throw new InvalidOperationException(
                $"Worker '{_name}' already belongs to another group; a worker can belong to one group only.");
        }

        extras.Group = group;
    }

    /// <summary>Waits for the body to end, without rethrowing its exception.</summary>
    internal void WaitForEnd()
    {
        if (HasThread(WaitWhileStarting()) && !ReferenceEquals(_thread, Thread.CurrentThread))
        {
            _thread!.Join();
        }
    }

    /// <summary>Runs the body on the worker's thread. Implemented by each delegate shape.</summary>
    private protected abstract void Execute();

    private protected virtual object CreateJoinSource() =>
        new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected virtual Task GetJoinTask(object joinSource) => ((TaskCompletionSource<bool>)joinSource).Task;

    private protected virtual void CompleteJoinSource(object joinSource) =>
        CompleteJoinSource((TaskCompletionSource<bool>)joinSource, true);

    private protected virtual Task CreateFinishedJoinTask() => CreateFinishedJoinTask(true);

    private protected void CompleteJoinSource<T>(TaskCompletionSource<T> joinSource, T result)
    {
        var outcome = Volatile.Read(ref _outcomeException)?.SourceException;
        switch (outcome)
        {
            case null:
                joinSource.TrySetResult(result);
                break;
            case OperationCanceledException canceled when State == WorkerState.Canceled:
                joinSource.TrySetCanceled(canceled.CancellationToken);
                break;
            default:
                joinSource.TrySetException(outcome);
                break;
        }
    }

    private protected Task<T> CreateFinishedJoinTask<T>(T result)
    {
        var joinSource = new TaskCompletionSource<T>();
        CompleteJoinSource(joinSource, result);
        return joinSource.Task;
    }

    internal Task GetCompletionTask()
    {
        var joinSource = Volatile.Read(ref _joinSource);
        if (joinSource is null)
        {
            var created = CreateJoinSource();
            joinSource = Interlocked.CompareExchange(ref _joinSource, created, null) ?? created;
        }

        return ReferenceEquals(joinSource, s_finishedSentinel) ? CreateFinishedJoinTask() : GetJoinTask(joinSource);
    }

    private protected void EnsureStartedForJoin()
    {
        if (!HasThread(WaitWhileStarting()))
        {
            ThrowNotStarted();
        }
    }

    private protected bool JoinWithTimeout(TimeSpan timeout)
    {
        Guard.Timeout(timeout);
        return JoinThread(ThreadForJoin(), timeout);
    }

    private protected void ThrowIfEndedByException() => Volatile.Read(ref _outcomeException)?.Throw();

    private static bool HasThread(int state) => (state & PhaseMask) >= PhaseRunning;

    private static WorkerState ToWorkerState(int phase) => phase switch
    {
        PhaseRunning => WorkerState.Running,
        PhaseCompleted => WorkerState.Completed,
        PhaseFaulted => WorkerState.Faulted,
        PhaseCanceled => WorkerState.Canceled,
        _ => WorkerState.Unstarted,
    };

    private static string CreateAutoName(Delegate body)
    {
        var number = Interlocked.Increment(ref s_autoNameCounter).ToString(CultureInfo.InvariantCulture);
        var target = DescribeTarget(body);
        return target is null ? "Thread-" + number : "Thread-" + number + " (" + target + ")";
    }

    /// <summary>
    /// The method name Python would show for the target: the method itself, the declared name of a local function,
    /// and nothing for a lambda or other compiler-generated method, whose name means nothing to a reader.
    /// </summary>
    private static string? DescribeTarget(Delegate body)
    {
        string methodName;
        try
        {
            methodName = body.Method.Name;
        }
        catch (NotSupportedException)
        {
            // Trimmed or ahead-of-time compiled code may carry no metadata for the method; the suffix is optional.
            return null;
        }

        if (methodName.IndexOf('<') < 0)
        {
            return methodName;
        }

        // A local function compiles to "<Outer>g__Declared|0_0".
        const string localFunctionMarker = ">g__";
        var start = methodName.IndexOf(localFunctionMarker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += localFunctionMarker.Length;
        var end = methodName.IndexOf('|', start);
        return end > start ? methodName.Substring(start, end - start) : null;
    }

    private static bool JoinThread(Thread thread, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            thread.Join();
            return true;
        }

        // Thread.Join takes at most int.MaxValue milliseconds, so longer waits are made in slices.
        var deadline = Stopwatch.GetTimestamp() + (long)Math.Min(timeout.TotalSeconds * Stopwatch.Frequency, long.MaxValue / 2);
        while (true)
        {
            var remainingTicks = deadline - Stopwatch.GetTimestamp();
            var remainingMilliseconds = Math.Ceiling(remainingTicks * 1000.0 / Stopwatch.Frequency);
            var slice = (int)Math.Max(0, Math.Min(remainingMilliseconds, int.MaxValue - 1));
            if (thread.Join(slice))
            {
                return true;
            }

            if (slice == 0 || Stopwatch.GetTimestamp() >= deadline)
            {
                return false;
            }
        }
    }

    private void StartThread(bool flowExecutionContext)
    {
        if (!flowExecutionContext)
        {
            CaptureParentActivityForUnflowedStart();
        }

        var extras = _extras;
        Thread thread;
        int managedThreadId;
        try
        {
            thread = new Thread(s_runWorker, extras?.StackSize ?? 0);
            if (IsBackground)
            {
                thread.IsBackground = true;
            }

            if (extras is not null && extras.Priority != ThreadPriority.Normal)
            {
                thread.Priority = extras.Priority;
            }

            managedThreadId = thread.ManagedThreadId;
            if (extras is not null)
            {
                RegisterExternalStop(extras);
            }

            _thread = thread;
            Volatile.Write(ref _managedThreadId, managedThreadId);
            WorkerRegistry.Add(managedThreadId, this);
        }
        catch
        {
            RollBackStart(registered: false);
            throw;
        }

        try
        {
            if (flowExecutionContext)
            {
                thread.Start(this);
            }
            else
            {
                StartWithoutExecutionContext(thread);
            }
        }
        catch (OutOfMemoryException ex)
        {
            RollBackStart(registered: true);
            var stack = extras?.StackSize is > 0 ? extras.StackSize + " bytes" : "the platform default";
            throw new OutOfMemoryException(
                $"The operating system could not create a thread for worker '{_name}' (stack size: {stack}). Lower StackSize or the number of live threads, then call Start again.",
                ex);
        }
        catch
        {
            RollBackStart(registered: true);
            throw;
        }

        MarkRunning();
    }

    /// <summary>
    /// Moves the worker from starting to running, once its thread has really started: joins and <see cref="Dispose"/>
    /// wait while a worker is starting, and may call <see cref="Thread.Join()"/> only on a started thread. Both the
    /// starter, when <see cref="Thread.Start()"/> returns, and the new thread, before its body, call this; whichever
    /// comes second finds the phase already moved on, even to its final value, and leaves it.
    /// </summary>
    private void MarkRunning()
    {
        var observed = Volatile.Read(ref _state);
        while ((observed & PhaseMask) == PhaseStarting)
        {
            var previous = Interlocked.CompareExchange(ref _state, (observed & ~PhaseMask) | PhaseRunning, observed);
            if (previous == observed)
            {
                return;
            }

            observed = previous;
        }
    }

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

    /// <summary>
    /// Without the execution context, the worker's thread cannot see the starter's <see cref="Activity.Current"/>, so
    /// its trace parent is taken here, on the starting thread, for the worker's activity to continue.
    /// </summary>
    private void CaptureParentActivityForUnflowedStart()
    {
        var parent = WorkerTelemetry.CaptureParentForUnflowedStart();
        if (parent != default)
        {
            GetOrCreateExtras().ParentActivity = parent;
        }
    }

    private void StartWithoutExecutionContext(Thread thread)
    {
#if NET
        thread.UnsafeStart(this);
#else
        if (ExecutionContext.IsFlowSuppressed())
        {
            thread.Start(this);
            return;
        }

        using (ExecutionContext.SuppressFlow())
        {
            thread.Start(this);
        }
#endif
    }

    private void RollBackStart(bool registered)
    {
        if (registered)
        {
            WorkerRegistry.Remove(_managedThreadId);
        }

        _extras?.ExternalStopRegistration.Dispose();
        _thread = null;
        Volatile.Write(ref _managedThreadId, 0);
        SetPhase(PhaseUnstarted);
    }

    private void Run()
    {
        MarkRunning();
        Volatile.Write(ref _nativeThreadId, NativeThread.GetCurrentThreadId());

        // Naming from the new thread itself is one prctl on Linux, where a name set before Start costs the starting
        // thread an open/write/close of /proc/self/task/<tid>/comm. It goes through _thread, not Thread.CurrentThread,
        // and the worker keeps no [ThreadStatic] of its own (Current is looked up in the registry), because the first
        // thread-static access on a new thread allocates that thread's static storage: 136 bytes per worker.
        _thread!.Name = _name;

        var telemetry = WorkerTelemetry.RunStarting(this);
        int phase;
        try
        {
            Execute();
            phase = PhaseCompleted;
        }
        catch (Exception ex)
        {
            phase = IsOwnStop(ex) ? PhaseCanceled : PhaseFaulted;
            Volatile.Write(ref _outcomeException, ExceptionDispatchInfo.Capture(ex));
            if (phase == PhaseFaulted)
            {
                ReportFault(ex);
            }
        }

        Finish(phase, telemetry);
    }

    private void Finish(int phase, WorkerTelemetry.RunScope telemetry)
    {
        var extras = _extras;
        extras?.ExternalStopRegistration.Dispose();
        WorkerRegistry.Remove(_managedThreadId);
        SetPhase(phase);
        telemetry.Complete(this, ToWorkerState(phase), Exception);
        extras?.Group?.OnWorkerFinished(this, ToWorkerState(phase));

        var joinSource = Interlocked.Exchange(ref _joinSource, s_finishedSentinel);
        if (joinSource is not null)
        {
            CompleteJoinSource(joinSource);
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

    private void ReportFault(Exception exception)
    {
        var handlers = UnhandledException;
        if (handlers is null)
        {
            FaultReport.WriteUnhandled(_name, exception);
            return;
        }

        var args = new WorkerExceptionEventArgs(this, exception);
        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<WorkerExceptionEventArgs>)handler)(this, args);
            }
            catch (Exception handlerFailure)
            {
                FaultReport.WriteHandlerFailure(_name, handlerFailure);
            }
        }
    }

    private Thread ThreadForJoin()
    {
        EnsureStartedForJoin();
        var thread = _thread!;
        if (ReferenceEquals(thread, Thread.CurrentThread))
        {
            throw new InvalidOperationException(
                $"Worker '{_name}' cannot join itself: the call comes from the worker's own thread and would wait forever. Join it from another thread.");
        }

        return thread;
    }

    private void ThrowNotStarted()
    {
        if ((Volatile.Read(ref _state) & FlagDisposed) != 0)
        {
            throw new ObjectDisposedException(
                nameof(NamedWorker),
                $"Worker '{_name}' was disposed without being started, so there is nothing to join.");
        }

        throw new InvalidOperationException($"Worker '{_name}' has not been started. Call Start before joining it.");
    }

    private int WaitWhileStarting()
    {
        var spinner = default(SpinWait);
        int state;
        while (((state = Volatile.Read(ref _state)) & PhaseMask) == PhaseStarting)
        {
            spinner.SpinOnce();
        }

        return state;
    }

    private void SetPhase(int phase)
    {
        var observed = Volatile.Read(ref _state);
        while (true)
        {
            var previous = Interlocked.CompareExchange(ref _state, (observed & ~PhaseMask) | phase, observed);
            if (previous == observed)
            {
                return;
            }

            observed = previous;
        }
    }

    private int SetFlag(int flag)
    {
        var observed = Volatile.Read(ref _state);
        while (true)
        {
            var previous = Interlocked.CompareExchange(ref _state, observed | flag, observed);
            if (previous == observed)
            {
                return observed | flag;
            }

            observed = previous;
        }
    }

    private void SetOptionFlag(int flag, bool on, string property)
    {
        var observed = Volatile.Read(ref _state);
        while (true)
        {
            ThrowIfOptionsFrozen(observed, property);
            var desired = on ? observed | flag : observed & ~flag;
            var previous = Interlocked.CompareExchange(ref _state, desired, observed);
            if (previous == observed)
            {
                return;
            }

            observed = previous;
        }
    }

    private void ThrowIfOptionsFrozen(string property) => ThrowIfOptionsFrozen(Volatile.Read(ref _state), property);

    private void ThrowIfOptionsFrozen(int state, string property)
    {
        if ((state & FlagDisposed) != 0)
        {
            throw new ObjectDisposedException(
                nameof(NamedWorker),
                $"Worker '{_name}' has been disposed; {property} can no longer be set.");
        }

        if ((state & PhaseMask) != PhaseUnstarted)
        {
            throw new InvalidOperationException(
                $"{property} can only be set before Start; worker '{_name}' has already been started. Set options between Create and Start.");
        }
    }

    private WorkerExtras GetOrCreateExtras()
    {
        var extras = Volatile.Read(ref _extras);
        if (extras is null)
        {
            var created = new WorkerExtras();
            extras = Interlocked.CompareExchange(ref _extras, created, null) ?? created;
        }

        return extras;
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
