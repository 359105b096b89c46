using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// The single-threaded <see cref="SynchronizationContext"/> that keeps an async body on its worker's thread, and the
/// pump that runs what is posted to it, like Nito.AsyncEx's <c>AsyncContext</c>.
/// </summary>
/// <remarks>
/// <para>
/// The pump runs on the worker's thread until the body's task has completed and no operation is outstanding
/// (<see cref="OperationStarted"/>, which <c>async void</c> methods and loops call), running posted callbacks in the
/// order they were posted. While there is nothing to run, the thread blocks (<see cref="Parker"/>): it burns no CPU and
/// holds no thread-pool thread.
/// </para>
/// <para>
/// Posting takes one lock and allocates nothing: callbacks go into a growable array, and the pump swaps it for an
/// empty one and runs the whole batch outside the lock. The poster wakes the pump only when it is waiting, so a
/// continuation posted from the worker's own thread (every <c>await Task.Yield()</c>) costs no signal.
/// </para>
/// <para>
/// Once the pump has ended, the context is detached: whatever is still queued, and whatever is posted later, runs on
/// the thread pool. Nothing posted to a worker is ever dropped.
/// </para>
/// </remarks>
internal sealed partial class WorkerSynchronizationContext : SynchronizationContext
{
    private static readonly Action<Task, object?> s_wakeOnCompletion =
        static (_, state) => ((WorkerSynchronizationContext)state!).OperationCompleted();

    private static readonly SendOrPostCallback s_runPumpWork = static work => ((IPumpWork)work!).Run();

    // In the hand-off slot once the pump has detached, so that no work can land there after the pump has looked.
    private static readonly object s_handoffClosed = new();

    private readonly object _lock = new();
    private readonly NamedWorker _worker;
    private readonly Thread? _thread;
    private readonly bool _callbackFaultsFaultTheWorker;

    // The hand-off: one IPumpWork that a submitter placed without the lock, usually while nothing else was queued. It
    // always holds the newest work: anything queued after it moves it into the queue first (under the lock), and the
    // pump takes it only when the queue is empty (under the lock too), so work keeps the order it was submitted in.
    private object? _handoff;
    private WorkItem[] _incoming = new WorkItem[16];
    private WorkItem[] _draining = new WorkItem[16];
    private int _incomingCount;

    // Items of the batch the pump is running that have not started yet: queued too, for QueuedCount.
    private int _drainingPending;
    private int _outstandingOperations;
    private bool _pumpWaiting;
    private bool _wakeRequested;

    // What the pump blocks on while there is nothing to run. Wakers wake it after they have let go of the lock.
    private readonly Parker _parker = new();
    private PumpTimers? _timers;

    // On the pump's thread only: whether its spins before blocking have been finding work.
    private SpinHistory _spinHistory;

    // An async body's thread, watched like a loop's for the one stall it can have; null on a loop's context.
    private ThreadActivity? _bodyActivity;

    // Bound once, so that handing it to the timers on every turn of the pump allocates nothing.
    private readonly Action<Exception> _recordCallbackFault;
    private bool _detached;
    private bool _closed;
    private ExceptionDispatchInfo? _firstCallbackFault;
    private List<Exception>? _laterCallbackFaults;

    private WorkerSynchronizationContext(NamedWorker worker, Thread? thread, bool callbackFaultsFaultTheWorker)
    {
        _worker = worker;
        _thread = thread;
        _callbackFaultsFaultTheWorker = callbackFaultsFaultTheWorker;
        _recordCallbackFault = RecordCallbackFault;
    }

    /// <summary>
    /// Creates the context of a loop, before its worker starts: it runs on the worker's thread, holds one operation
    /// open until <see cref="Close"/>, and reports a callback that throws without ending the loop.
    /// </summary>
    public static WorkerSynchronizationContext ForLoop(NamedWorker worker)
    {
        var context = new WorkerSynchronizationContext(worker, thread: null, callbackFaultsFaultTheWorker: false);
        context.OperationStarted();
        return context;
    }

    /// <summary>Gives a loop's pump its schedules, before the loop's thread starts.</summary>
    public void UseTimers(PumpTimers timers) => _timers = timers;

    /// <summary>
    /// Creates a context for <paramref name="worker"/> and installs it on the calling thread, the worker's own, which
    /// is about to run <paramref name="body"/>. The thread is watched from here until <see cref="Uninstall"/>.
    /// </summary>
    public static WorkerSynchronizationContext Install(NamedWorker worker, Delegate body)
    {
        var context = new WorkerSynchronizationContext(worker, Thread.CurrentThread, callbackFaultsFaultTheWorker: true);
        context.WatchBody(body);
        SetSynchronizationContext(context);
        return context;
    }

    /// <summary>
    /// Tells whether <paramref name="body"/> is an <c>async void</c> method or lambda, by the
    /// <see cref="AsyncStateMachineAttribute"/> the compiler puts on it. Where trimming or NativeAOT removed the
    /// method's metadata, the body is taken as synchronous, as it was before async bodies were supported.
    /// </summary>
    public static bool IsAsyncVoid(Delegate body)
    {
        try
        {
            return body.Method.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false);
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Ends the pump's hold on the thread: detaches, and removes the context from the thread.</summary>
    public void Uninstall()
    {
        if (_bodyActivity is { } activity)
        {
            ThreadWatch.Remove(activity);
        }

        Detach();
        if (ReferenceEquals(Current, this))
        {
            SetSynchronizationContext(null);
        }
    }

    /// <summary>Gets a value indicating whether the calling thread is the one the pump runs on.</summary>
    public bool IsPumpThread => ReferenceEquals(Thread.CurrentThread, _thread ?? _worker.Thread);

    /// <summary>Gets the number of callbacks waiting to run: those posted, and those of the running batch not started yet.</summary>
    public int QueuedCount =>
        Volatile.Read(ref _incomingCount) + Volatile.Read(ref _drainingPending) + (Volatile.Read(ref _handoff) is IPumpWork ? 1 : 0);

    /// <inheritdoc/>
    public override SynchronizationContext CreateCopy() => this;

    /// <inheritdoc/>
    public override void Post(SendOrPostCallback d, object? state)
    {
        Guard.NotNull(d);
        if (!TryEnqueue(new WorkItem(d, state)))
        {
            new WorkItem(d, state).QueueOnThreadPool();
        }
    }

    /// <summary>
    /// Runs <paramref name="d"/> on the worker's thread and waits for it: inline when called from that thread, else
    /// posted, with its exception rethrown here. Once the pump has ended, it runs inline on the caller.
    /// </summary>
    public override void Send(SendOrPostCallback d, object? state)
    {
        Guard.NotNull(d);
        if (IsPumpThread)
        {
            d(state);
            return;
        }

        var send = new PendingSend(d, state);
        if (!TryEnqueue(new WorkItem(PendingSend.RunCallback, send)))
        {
            d(state);
            return;
        }

        send.Done.Wait();
        send.Fault?.Throw();
    }

    /// <inheritdoc/>
    public override void OperationStarted() => Interlocked.Increment(ref _outstandingOperations);

    /// <inheritdoc/>
    public override void OperationCompleted()
    {
        if (Interlocked.Decrement(ref _outstandingOperations) == 0)
        {
            Wake();
        }
    }

    private readonly struct WorkItem(SendOrPostCallback callback, object? state)
    {
        private static readonly WaitCallback s_runOnThreadPool = static item => ((StrongBox<WorkItem>)item!).Value.Invoke();

        public SendOrPostCallback Callback => callback;

        public object? State => state;

        public void Invoke() => callback(state);

        /// <summary>The rare path, once the pump has ended: one allocation, on both builds.</summary>
        public void QueueOnThreadPool() => ThreadPool.QueueUserWorkItem(s_runOnThreadPool, new StrongBox<WorkItem>(this));
    }

    private sealed class PendingSend(SendOrPostCallback callback, object? state)
    {
        public static readonly SendOrPostCallback RunCallback = static send => ((PendingSend)send!).Run();

        public ManualResetEventSlim Done { get; } = new();

        public ExceptionDispatchInfo? Fault { get; private set; }

        private void Run()
        {
            try
            {
                callback(state);
            }
            catch (Exception ex)
            {
                Fault = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                Done.Set();
            }
        }
    }
}
