using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// A named thread that runs work posted to it, one item at a time, in order: for code that must stay on one thread
/// for its whole life, like WPF's <c>Dispatcher</c>, Python's <c>loop.call_soon_threadsafe</c> and Nito.AsyncEx's
/// <c>AsyncContextThread</c>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Start(string?, WorkerLoopOptions?)"/> starts the loop's thread. Hand it work with <see cref="Post"/> (fire and forget),
/// <see cref="O:ThreadKit.WorkerLoop.InvokeAsync">InvokeAsync</see> (a task for the result) or
/// <see cref="O:ThreadKit.WorkerLoop.Invoke">Invoke</see> (block for it), or through its
/// <see cref="SynchronizationContext"/> and <see cref="Scheduler"/>. Async work resumes on the loop's thread after
/// every await.
/// </para>
/// <para>
/// Nothing is lost. <see cref="Complete"/> refuses new work, lets everything already queued run, and lets every async
/// operation that work started finish; only then does the thread end. Work submitted after it is refused with an
/// <see cref="InvalidOperationException"/> (after <see cref="Dispose"/>, an <see cref="ObjectDisposedException"/>),
/// never dropped.
/// </para>
/// <para>
/// The thread is a background thread, so a forgotten loop never keeps a process alive; work still queued when the
/// process exits does not run. To drain before exit, call <see cref="Dispose"/> or await <see cref="DisposeAsync"/>.
/// </para>
/// </remarks>
[DebuggerDisplay("WorkerLoop {Name}, {QueuedCount} queued")]
public sealed partial class WorkerLoop : IDisposable, IAsyncDisposable
{
    private static readonly Action<WorkerLoop> s_runLoop = static loop => loop.PumpUntilCompleted();
    private static int s_autoNameCounter;

    private readonly NamedWorker _worker;
    private readonly WorkerSynchronizationContext _context;
    private readonly ThreadOwner _owner;
    private readonly LoopTimers _timers;
    private readonly ThreadActivity _activity;
    private readonly LoopTaskScheduler _scheduler;

    // Bound once per loop, so that a Post passes its Action as the state and allocates nothing of its own.
    private readonly SendOrPostCallback _runPosted;
    private volatile bool _disposed;

    private WorkerLoop(string? name, WorkerLoopOptions options)
    {
        name = string.IsNullOrEmpty(Guard.WorkerName(name))
            ? "Loop-" + Interlocked.Increment(ref s_autoNameCounter).ToString(CultureInfo.InvariantCulture)
            : name;
        _worker = NamedWorker.Create(name, s_runLoop, this);
        _worker.IsBackground = true;
        _context = WorkerSynchronizationContext.ForLoop(_worker);
        _timers = new LoopTimers(_context, RefusalError, options);
        _context.UseTimers(_timers);
        _scheduler = new LoopTaskScheduler(this);
        _runPosted = RunPosted;
        _owner = new ThreadOwner(name!, WorkerThreadKind.Loop, DefaultStallThreshold, () => _context.QueuedCount, clock: options.CustomClock);
        _activity = new ThreadActivity(_owner);

        // The loop's worker is the loop: a stop requested on it, by RequestStop or Dispose, completes the loop.
        _worker.StopToken.Register(static loop => ((WorkerLoop)loop!).CloseToWork(), this);
    }

    /// <summary>
    /// Gets the stall threshold a new loop starts with: 5 seconds. Loop items are meant to be short, since everything
    /// queued behind one waits for it; Android reports an unresponsive main thread after 5 s, and Visual Studio a hang
    /// after 6 s.
    /// </summary>
    public static TimeSpan DefaultStallThreshold { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets how long one item may run on the loop's thread before <see cref="WorkerDiagnostics.StallDetected"/>
    /// reports it, once. <see cref="Timeout.InfiniteTimeSpan"/> turns the watchdog off for this loop. A change applies
    /// from the watchdog's next sample.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan StallThreshold
    {
        get => _owner.StallThreshold;
        set => _owner.StallThreshold = value;
    }

    /// <summary>Gets the loop's name, which is its thread's name.</summary>
    public string Name => _worker.Name;

    /// <summary>
    /// Gets the loop's worker: its name, thread ids, state, joins and telemetry. Inside loop work,
    /// <see cref="NamedWorker.Current"/> is this worker.
    /// </summary>
    /// <remarks>
    /// The worker is the loop. Its <see cref="NamedWorker.RequestStop"/> completes the loop as <see cref="Complete"/>
    /// does; its <see cref="NamedWorker.Dispose"/> disposes the loop; its <see cref="NamedWorker.StopToken"/> is
    /// signalled once the loop is completing; its joins return when the loop has ended.
    /// </remarks>
    public NamedWorker Worker => _worker;

    /// <summary>
    /// Gets the loop's single-threaded context. Callbacks posted to it run on the loop's thread, in order; it is
    /// <see cref="SynchronizationContext.Current"/> inside loop work.
    /// </summary>
    public SynchronizationContext SynchronizationContext => _context;

    /// <summary>Gets a scheduler that runs tasks on the loop's thread, one at a time (<see cref="TaskScheduler.MaximumConcurrencyLevel"/> is 1).</summary>
    public TaskScheduler Scheduler => _scheduler;

    /// <summary>Gets a value indicating whether the calling thread is the loop's thread.</summary>
    public bool IsLoopThread => _context.IsPumpThread;

    /// <summary>Gets the number of items waiting to run on the loop's thread.</summary>
    public int QueuedCount => _context.QueuedCount;

    /// <summary>
    /// Gets a task that completes when the loop's thread has ended, after <see cref="Complete"/> and the drain. It is
    /// the same task on every read.
    /// </summary>
    public Task Completion => _worker.GetCompletionTask();

    /// <summary>
    /// Starts a loop on a new named background thread, made with <paramref name="options"/>: its stack size, priority
    /// and processor affinity, the clock it keeps time by, and what <see cref="Complete"/> does with pending
    /// schedules. The options are copied.
    /// </summary>
    /// <param name="name">
    /// The loop's name, kept whole and set on its thread. <see langword="null"/> or empty gives an automatic name,
    /// <c>Loop-N</c>.
    /// </param>
    /// <param name="options">How the thread is made and its timers kept; <see langword="null"/> for every option's default.</param>
    /// <returns>The running loop, ready for work.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create the thread.</exception>
    public static WorkerLoop Start(string? name, WorkerLoopOptions? options = null)
    {
        options ??= new WorkerLoopOptions();
        var loop = new WorkerLoop(name, options);
        loop._worker.UseThread(options.Spec);
        loop._worker.StartOn(ThreadRunner.ForLoops);

        // Listed from here, before Start returns, so that no listing ever shows the loop's thread as a plain worker's.
        ThreadWatch.Add(loop._activity, loop._worker.Thread!);
        return loop;
    }

    /// <summary>
    /// Stops accepting work. Everything queued before this call runs, and every async operation that work started
    /// finishes; then the thread ends and <see cref="Completion"/> completes. It signals
    /// <see cref="NamedWorker.StopToken"/> of <see cref="Worker"/>, so that long-running work can end early. Calling it
    /// again does nothing.
    /// </summary>
    /// <exception cref="AggregateException">
    /// A callback registered on the worker's <see cref="NamedWorker.StopToken"/> threw. The loop is completed all the same.
    /// </exception>
    public void Complete()
    {
        // Closed before the stop is signalled, so that a stop callback that throws cannot leave the loop open.
        CloseToWork();
        _worker.RequestStop();
    }

    /// <summary>Refuses new work and new schedules, and cancels the periodic ones; one-shot schedules still run.</summary>
    private void CloseToWork()
    {
        _timers.Close();
        _context.Close();
    }

    /// <summary>
    /// Completes the loop and waits for its thread to end, so that everything queued has run. Called from the loop's
    /// own thread, it completes the loop without waiting, since the loop cannot wait for itself.
    /// </summary>
    /// <exception cref="AggregateException">
    /// A callback registered on the worker's <see cref="NamedWorker.StopToken"/> threw; thrown once the loop has ended.
    /// </exception>
    public void Dispose()
    {
        _disposed = true;
        _worker.Dispose();
    }

    /// <summary>Completes the loop and returns a task that completes when its thread has ended.</summary>
    /// <returns>A task that completes once everything queued has run and the thread has ended.</returns>
    /// <exception cref="AggregateException">A callback registered on the worker's <see cref="NamedWorker.StopToken"/> threw.</exception>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        Complete();
        return IsLoopThread ? default : new ValueTask(Completion);
    }

    /// <summary>Describes the loop, for example <c>&lt;WorkerLoop(gl-context, 3 queued)&gt;</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"<WorkerLoop({Name}, {QueuedCount} queued)>";

    internal WorkerSynchronizationContext Context => _context;

    private void PumpUntilCompleted()
    {
        SynchronizationContext.SetSynchronizationContext(_context);
        WorkerTelemetry.LoopRunning(this, running: true);
        var activity = _activity;
        activity.OnThreadStarted();
        try
        {
            _context.RunUntilIdle(activity);
        }
        finally
        {
            ThreadWatch.Remove(activity);
            WorkerTelemetry.LoopRunning(this, running: false);
            _context.Uninstall();
        }
    }

    /// <summary>
    /// Why new work is refused: <see cref="ObjectDisposedException"/> once the loop, or its worker, has been disposed
    /// (an <see cref="InvalidOperationException"/> too, so callers that catch that keep working), else completed.
    /// </summary>
    internal InvalidOperationException RefusalError() => _disposed || _worker.IsDisposed
        ? new ObjectDisposedException(
            Name,
            $"Loop '{Name}' has been disposed and accepts no more work. Submit work before disposing the loop, or start a new loop.")
        : new InvalidOperationException(
            $"Loop '{Name}' has been completed and accepts no more work. Submit work before calling Complete or Dispose, or start a new loop.");
}
