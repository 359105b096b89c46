using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

/// <summary>
/// Named workers on reused, dedicated threads: each job gets everything a <see cref="NamedWorker"/> has (its name on
/// the thread, a result, fault rethrow, a stop token, telemetry), at a fraction of the cost of a fresh thread. The
/// .NET counterpart of Python's <c>ThreadPoolExecutor(thread_name_prefix=…)</c> and Java's executors.
/// </summary>
/// <remarks>
/// <para>
/// Start jobs with the <c>Start</c> overloads, which mirror <see cref="WorkerGroup"/>'s; each returns the job,
/// already started. A job beyond <see cref="MaxThreads"/> waits in a first-in, first-out queue. Threads start on
/// demand, block while idle, and retire after <see cref="IdleTimeout"/>. They are the pool's own background threads,
/// never the .NET thread pool's, so blocking jobs cannot starve <c>Task.Run</c>.
/// </para>
/// <para>
/// While a job runs, its thread carries the job's name (<see cref="NamedWorker.CurrentThreadName"/>,
/// <see cref="Thread.Name"/> and the operating system's name), and returns to <c>"&lt;pool name&gt;-&lt;n&gt;"</c>
/// afterwards. A job's <see cref="NamedWorker.ManagedThreadId"/> and <see cref="NamedWorker.NativeThreadId"/> are the
/// pool thread's, set when the job starts running, and <see langword="null"/> while it is queued. Thread-static state
/// survives from one job to the next on the same thread, as in every pool. Options that only make sense for a fresh
/// thread (<see cref="NamedWorker.StackSize"/>, <see cref="NamedWorker.Priority"/>,
/// <see cref="NamedWorker.IsBackground"/>, <see cref="NamedWorker.FlowExecutionContext"/>) cannot be set on a job.
/// </para>
/// <para>
/// Nothing is orphaned: <see cref="Complete"/> lets everything queued run, then the threads end and
/// <see cref="Completion"/> completes. A job started after it is refused with an <see cref="InvalidOperationException"/>.
/// </para>
/// </remarks>
[DebuggerDisplay("WorkerPool {Name}: {ThreadCount} threads, {QueuedCount} queued")]
public sealed partial class WorkerPool : IDisposable, IAsyncDisposable
{
    private static int s_autoNameCounter;

    private readonly object _lock = new();
    private readonly Queue<PoolItem> _queue = new();
    private readonly List<PoolThread> _idle = [];
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PoolTaskScheduler _scheduler;
    private readonly PoolRunner _runner;
    private readonly ThreadOwner _owner;
    private readonly ThreadSpec _thread;

    // The clock of the idle timeout and of the stall watchdog's measure; null for the system's, waited on directly.
    private readonly TimeProvider? _clock;
    private TimeSpan _idleTimeout = DefaultIdleTimeout;
    private int _threadCount;
    private int _busyCount;
    private int _threadNumber;
    private bool _completing;
    private volatile bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="WorkerPool"/> class, with no threads until work arrives.</summary>
    /// <param name="name">The pool's name, which its idle threads carry as <c>"&lt;name&gt;-&lt;n&gt;"</c>. <see langword="null"/> or empty gives <c>Pool-N</c>.</param>
    /// <param name="maxThreads">The most threads the pool will ever have at once; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxThreads"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    public WorkerPool(string? name, int maxThreads)
        : this(name, maxThreads, new WorkerPoolOptions())
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="WorkerPool"/> class whose threads are made with
    /// <paramref name="options"/>: their stack size, priority and processor affinity, and the clock of its idle timeout
    /// and stall threshold. The options are copied.
    /// </summary>
    /// <param name="name">The pool's name, which its idle threads carry as <c>"&lt;name&gt;-&lt;n&gt;"</c>. <see langword="null"/> or empty gives <c>Pool-N</c>.</param>
    /// <param name="maxThreads">The most threads the pool will ever have at once; at least 1.</param>
    /// <param name="options">How each thread is made.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxThreads"/> is less than 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    public WorkerPool(string? name, int maxThreads, WorkerPoolOptions options)
    {
        Guard.NotNull(options);
        _thread = options.Spec;
        if (maxThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxThreads), maxThreads, "A pool needs at least one thread; pass 1 or more.");
        }

        Name = string.IsNullOrEmpty(Guard.WorkerName(name))
            ? "Pool-" + Interlocked.Increment(ref s_autoNameCounter).ToString(CultureInfo.InvariantCulture)
            : name!;
        MaxThreads = maxThreads;
        _scheduler = new PoolTaskScheduler(this);
        _runner = new PoolRunner(this);
        _clock = options.CustomClock;
        _owner = new ThreadOwner(Name, WorkerThreadKind.Pool, DefaultStallThreshold, () => QueuedCount, clock: _clock);
    }

    /// <summary>
    /// Gets the idle timeout a new pool starts with: 60 seconds, as Java's cached thread pool has it. Long enough that
    /// a steady trickle of jobs reuses its threads, short enough that a burst's threads do not linger.
    /// </summary>
    public static TimeSpan DefaultIdleTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets the stall threshold a new pool starts with: 10 minutes. Pool jobs may legitimately run for minutes, so
    /// only a job that has clearly stopped making progress, one that never returns, is reported.
    /// </summary>
    public static TimeSpan DefaultStallThreshold { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets how long one job may run on a pool thread before <see cref="WorkerDiagnostics.StallDetected"/>
    /// reports it, once. <see cref="Timeout.InfiniteTimeSpan"/> turns the watchdog off for this pool. A change applies
    /// from the watchdog's next sample.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative, and not <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan StallThreshold
    {
        get => _owner.StallThreshold;
        set => _owner.StallThreshold = value;
    }

    /// <summary>Gets the pool's name.</summary>
    public string Name { get; }

    /// <summary>Gets the most threads the pool will ever have at once.</summary>
    public int MaxThreads { get; }

    /// <summary>Gets the number of the pool's threads alive now, busy or idle.</summary>
    public int ThreadCount => Volatile.Read(ref _threadCount);

    /// <summary>Gets the number of the pool's threads running a job or a task now.</summary>
    public int BusyCount => Volatile.Read(ref _busyCount);

    /// <summary>Gets the number of jobs and tasks waiting for a thread.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Gets or sets how long an idle thread waits for work before it retires; <see cref="Timeout.InfiniteTimeSpan"/>
    /// keeps idle threads for the pool's life. A change applies to waits that begin after it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative and not <see cref="Timeout.InfiniteTimeSpan"/>, or longer than <see cref="int.MaxValue"/> milliseconds.</exception>
    public TimeSpan IdleTimeout
    {
        get
        {
            lock (_lock)
            {
                return _idleTimeout;
            }
        }

        set
        {
            if ((value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan) || value.TotalMilliseconds > int.MaxValue)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    "The idle timeout must be zero or positive and at most int.MaxValue milliseconds, or Timeout.InfiniteTimeSpan to keep idle threads.");
            }

            lock (_lock)
            {
                _idleTimeout = value;
            }
        }
    }

    /// <summary>Gets a scheduler that runs tasks on the pool's threads (<see cref="TaskScheduler.MaximumConcurrencyLevel"/> is <see cref="MaxThreads"/>).</summary>
    public TaskScheduler Scheduler => _scheduler;

    /// <summary>
    /// Gets a task that completes once <see cref="Complete"/> has been called, everything queued has run, and every
    /// thread has ended. It is the same task on every read.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>Stops accepting jobs. Everything queued runs, then the threads end and <see cref="Completion"/> completes. Calling it again does nothing.</summary>
    public void Complete()
    {
        bool completeNow;
        lock (_lock)
        {
            _completing = true;
            foreach (var idle in _idle)
            {
                idle.Wake(default);
            }

            _idle.Clear();
            completeNow = _threadCount == 0 && _queue.Count == 0;
        }

        if (completeNow)
        {
            _completion.TrySetResult(true);
        }
    }

    /// <summary>
    /// Completes the pool and waits for everything queued to run and every thread to end. Called from one of the
    /// pool's own threads, it completes the pool without waiting, since that thread cannot wait for itself.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        Complete();
        if (!PoolThread.IsPoolThreadOf(this))
        {
            Task.WaitAny([Completion]);
        }
    }

    /// <summary>Completes the pool and returns a task that completes when everything queued has run and every thread has ended.</summary>
    /// <returns>A task for the pool's end.</returns>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        Complete();
        return PoolThread.IsPoolThreadOf(this) ? default : new ValueTask(Completion);
    }

    /// <summary>Describes the pool, for example <c>&lt;WorkerPool(io, 3/4 threads, 2 queued)&gt;</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"<WorkerPool({Name}, {ThreadCount}/{MaxThreads} threads, {QueuedCount} queued)>";

    /// <summary>
    /// Runs a worker that was created and configured but not started as a job of this pool, as
    /// <see cref="WorkerGroup.Start{TWorker}(TWorker)"/> does in a group. Use it to give a job a fault handler or an
    /// outside stop token before it is queued.
    /// </summary>
    /// <typeparam name="TWorker">The worker's type, returned as is.</typeparam>
    /// <param name="worker">An unstarted worker of no group, with no thread option set.</param>
    /// <returns><paramref name="worker"/>, now queued or running on one of the pool's threads.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="worker"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="worker"/> has a thread option set (<see cref="NamedWorker.StackSize"/>,
    /// <see cref="NamedWorker.Priority"/>, <see cref="NamedWorker.ProcessorAffinity"/>,
    /// <see cref="NamedWorker.IsBackground"/> or <see cref="NamedWorker.FlowExecutionContext"/>), which only a thread of
    /// its own can honour; the pool's threads are made by its <see cref="WorkerPoolOptions"/>.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// <paramref name="worker"/> has already been started, or belongs to a group, or the pool has been completed.
    /// </exception>
    /// <exception cref="ObjectDisposedException"><paramref name="worker"/> or the pool has been disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the worker is not started.</exception>
    public TWorker Start<TWorker>(TWorker worker)
        where TWorker : NamedWorker
    {
        Guard.NotNull(worker);
        if (worker.State != WorkerState.Unstarted)
        {
            throw new InvalidOperationException(
                $"Worker '{worker.Name}' has already been started; pool '{Name}' can run only unstarted workers. Create a new worker.");
        }

        if (worker.Group is { } group)
        {
            throw new InvalidOperationException(
                $"Worker '{worker.Name}' belongs to group '{group.Name ?? "(unnamed)"}', which runs it; pool '{Name}' can run only workers of no group.");
        }

        return StartJob(worker);
    }

    /// <summary>Starts a worker of a group made on this pool; the group has already adopted it.</summary>
    internal void StartForGroup(NamedWorker worker) => StartJob(worker);

    /// <summary>Tells whether the calling thread is one of this pool's.</summary>
    internal bool IsPoolThread => PoolThread.IsPoolThreadOf(this);

    /// <summary>
    /// Starts an unstarted job on this pool's runner, which refuses a worker that asks for a thread of its own.
    /// </summary>
    private TWorker StartJob<TWorker>(TWorker job)
        where TWorker : NamedWorker
    {
        job.StartOn(_runner);
        return job;
    }

    /// <summary>Hands a job or a task to an idle thread, to a new thread if the pool may grow, or else to the queue.</summary>
    internal void Enqueue(PoolItem item)
    {
        var startThread = false;
        lock (_lock)
        {
            if (_completing)
            {
                // ObjectDisposedException is an InvalidOperationException, so callers that catch the latter keep working.
                throw _disposed
                    ? new ObjectDisposedException(Name, $"Pool '{Name}' has been disposed and accepts no more jobs. Start jobs before disposing the pool, or create a new pool.")
                    : new InvalidOperationException($"Pool '{Name}' has been completed and accepts no more jobs. Start jobs before calling Complete or Dispose, or create a new pool.");
            }

            AssertInvariants();
            if (_idle.Count > 0)
            {
                var idle = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                idle.Wake(item);
                return;
            }

            if (_threadCount < MaxThreads)
            {
                if (_threadCount++ == 0)
                {
                    WorkerTelemetry.PoolRunning(this, running: true);
                }

                startThread = true;
            }
            else
            {
                _queue.Enqueue(item);
            }
        }

        if (startThread)
        {
            StartThread(item);
        }
    }
}
