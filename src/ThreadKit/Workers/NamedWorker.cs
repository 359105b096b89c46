using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;

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

    private static readonly object s_finishedSentinel = new();
    private static int s_autoNameCounter;
    private static int s_queuedKeyCounter;

    private readonly string _name;

    // Where the body runs, chosen at Start: a thread of its own, or a pool's thread. The worker asks it for nothing
    // but the wait that joins use; everything else about the thread is the runner's business.
    private WorkerRunner? _runner;
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

    /// <summary>Gets the number of workers that have started and whose body has not ended yet, a pool's queued jobs included.</summary>
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
    /// <see cref="Start"/> returns, and kept after the worker ends. A pool's job has one once a pool thread has taken
    /// it; while it is queued, it is <see langword="null"/>.
    /// </summary>
    public int? ManagedThreadId
    {
        get
        {
            // A queued pool job holds a negative key of the registry here, which no thread has.
            var id = Volatile.Read(ref _managedThreadId);
            return id <= 0 ? null : id;
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
                // A thread is bound before it runs, and reports its id as its first act; until then, wait for it.
                while ((id = Volatile.Read(ref _nativeThreadId)) == 0 && Volatile.Read(ref _thread) is not null
                    && HasThread(Volatile.Read(ref _state)))
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

    /// <summary>Gets the group this worker belongs to, or <see langword="null"/>.</summary>
    public WorkerGroup? Group => _extras?.Group;

    /// <summary>
    /// Returns a snapshot of the workers that have started and whose body has not ended, as Python's
    /// <c>threading.enumerate()</c> does for threads: exactly those whose <see cref="IsAlive"/> is
    /// <see langword="true"/>, a pool's queued jobs included.
    /// </summary>
    /// <returns>A new list; later starts and ends do not change it.</returns>
    public static IReadOnlyList<NamedWorker> GetActive() => WorkerRegistry.Snapshot();

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

        if (ManagedThreadId is { } id)
        {
            text.Append(' ').Append(id.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(")>").ToString();
    }

    /// <summary>Gets the native thread id if the thread has reported it, without waiting for it.</summary>
    internal long? KnownNativeThreadId => Volatile.Read(ref _nativeThreadId) is var id and not (0 or NativeThread.Unavailable) ? id : null;

    /// <summary>Gets the thread the body runs on, once its runner has bound one.</summary>
    internal Thread? Thread => Volatile.Read(ref _thread);

    internal ActivityContext ParentActivityForUnflowedStart => _extras?.ParentActivity ?? default;

    /// <summary>Runs the body on the worker's thread. Implemented by each delegate shape.</summary>
    private protected abstract void Execute();

    private static bool HasThread(int state) => (state & PhaseMask) >= PhaseRunning;

    private static bool HasEnded(int state) => (state & PhaseMask) >= PhaseCompleted;

    private static WorkerState ToWorkerState(int phase) => phase switch
    {
        PhaseRunning => WorkerState.Running,
        PhaseCompleted => WorkerState.Completed,
        PhaseFaulted => WorkerState.Faulted,
        PhaseCanceled => WorkerState.Canceled,
        _ => WorkerState.Unstarted,
    };

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

    private void SetPhase(int phase) => UpdateState(phase, static (state, phase) => (state & ~PhaseMask) | phase);

    private int SetFlag(int flag) => UpdateState(flag, static (state, flag) => state | flag);

    /// <summary>
    /// The one compare-and-swap loop behind every change of <see cref="_state"/>: applies
    /// <paramref name="transition"/> to the state it observes until no other thread has changed it in between, and
    /// returns the state it wrote. A transition may throw to refuse the change, or return its input to leave it.
    /// </summary>
    private int UpdateState<TArg>(TArg arg, Func<int, TArg, int> transition)
    {
        var observed = Volatile.Read(ref _state);
        while (true)
        {
            var desired = transition(observed, arg);
            if (desired == observed)
            {
                return observed;
            }

            var previous = Interlocked.CompareExchange(ref _state, desired, observed);
            if (previous == observed)
            {
                return desired;
            }

            observed = previous;
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
}
