using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// The pool's threads: each runs the item it was started with, then whatever the queue holds, then waits idle on its
// own signal until it is handed an item or retires. Who owns an idle thread is decided under the pool's lock, so a
// wake-up and a retirement can never both claim it.
public sealed partial class WorkerPool
{
    private void StartThread(PoolItem firstItem)
    {
        var number = Interlocked.Increment(ref _threadNumber);
        var poolThread = new PoolThread(this, Name + "-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            poolThread.Start(firstItem);
        }
        catch
        {
            RetireUnstarted();
            throw;
        }
    }

    /// <summary>
    /// Gives a thread that has finished an item its next one, and returns <see langword="false"/> when the thread
    /// should end instead. The item goes straight into the thread's own slot: returned as a struct, it would leave a
    /// copy in the caller's frame, which lives as long as the thread. Never inlined, for the same reason: inlined into
    /// the thread's loop (as optimised code does once the loop has run long enough), its local copy became one of
    /// the loop's own, and kept the last job, and its result, reachable while the thread sat idle.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TakeNextItem(PoolThread poolThread)
    {
        var next = NextItem(poolThread);
        poolThread.SetNext(next);
        return !next.IsEmpty;
    }

    private PoolItem NextItem(PoolThread poolThread)
    {
        while (true)
        {
            TimeSpan idleTimeout;
            bool completeNow;
            lock (_lock)
            {
                if (_queue.Count > 0)
                {
                    return _queue.Dequeue();
                }

                if (_completing)
                {
                    RetireLocked(out completeNow);
                    CompleteIf(completeNow);
                    return default;
                }

                poolThread.PrepareToIdle();
                _idle.Add(poolThread);
                idleTimeout = _idleTimeout;
                AssertInvariants();
            }

            var woken = poolThread.WaitIdle(idleTimeout);
            lock (_lock)
            {
                var handed = poolThread.TakeHandedItem();
                if (!handed.IsEmpty)
                {
                    return handed;
                }

                // Handed nothing: the wait timed out, or Complete woke every idle thread.
                _idle.Remove(poolThread);
                if (_queue.Count > 0)
                {
                    return _queue.Dequeue();
                }

                if (!woken || _completing)
                {
                    RetireLocked(out completeNow);
                    CompleteIf(completeNow);
                    return default;
                }
            }
        }
    }

    private void RunItem(PoolThread poolThread, in PoolItem item)
    {
        Interlocked.Increment(ref _busyCount);
        var activity = poolThread.Activity;
        try
        {
            if (item.Task is { } task)
            {
                activity.Begin(task, null);
                _scheduler.Run(task);
            }
            else
            {
                activity.Begin(item.Job!, null);
                PoolRunner.Run(poolThread.Thread, poolThread.Name, activity.NativeThreadId, item);
                JobFinished();
            }
        }
        finally
        {
            activity.End();
            Interlocked.Decrement(ref _busyCount);
        }
    }

    [Conditional("DEBUG")]
    private void AssertLocked() => Debug.Assert(Monitor.IsEntered(_lock), "This runs under the pool's lock.");

    /// <summary>
    /// Under the lock: an idle thread is listed once, the pool never has more threads than it may, and a thread is
    /// idle only while nothing waits in the queue (an idle thread is handed work before work is queued).
    /// </summary>
    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        AssertLocked();
        Debug.Assert(_threadCount >= 0 && _threadCount <= MaxThreads, "A pool has from 0 to MaxThreads threads.");
        Debug.Assert(_idle.Count <= _threadCount, "A pool lists no more idle threads than it has.");
        Debug.Assert(_idle.Count == 0 || _queue.Count == 0, "A pool has no idle thread while jobs wait in its queue.");
        Debug.Assert(_idle.Distinct().Count() == _idle.Count, "A pool lists an idle thread once.");
    }

    /// <summary>Gives back the place of a thread the operating system could not create.</summary>
    private void RetireUnstarted()
    {
        bool completeNow;
        lock (_lock)
        {
            RetireLocked(out completeNow);
        }

        CompleteIf(completeNow);
    }

    private void RetireLocked(out bool completeNow)
    {
        AssertLocked();
        if (--_threadCount == 0)
        {
            WorkerTelemetry.PoolRunning(this, running: false);
        }

        completeNow = _completing && _threadCount == 0 && _queue.Count == 0;
    }

    private void CompleteIf(bool completeNow)
    {
        if (completeNow)
        {
            _completion.TrySetResult(true);
        }
    }

    /// <summary>One of the pool's threads, and the signal it waits on while idle.</summary>
    private sealed class PoolThread
    {
        // How long an idle thread watches for its next item before it blocks: a job started right after a join finds it awake.
        private const int IdleSpinMicroseconds = 20;

        [ThreadStatic]
        private static WorkerPool? t_owner;

        private readonly WorkerPool _pool;
        private readonly ManualResetEventSlim _signal = new();
        private PoolItem _handed;

        // Set by the custom clock's timer when an idle wait on it times out.
        private bool _idleWaitTimedOut;

        // The item this thread runs next. It lives in a field that is cleared as the item is taken, never in a local
        // of the thread's loop: that method runs for the thread's whole life, unoptimised, and its locals would keep
        // the last job, and its result, reachable while the thread sits idle.
        private PoolItem _next;

        public PoolThread(WorkerPool pool, string name)
        {
            _pool = pool;
            Name = name;
            Thread = ThreadFactory.Create(static state => ((PoolThread)state!).Run(), pool._thread, isBackground: true);

            Activity = new ThreadActivity(pool._owner);
        }

        public string Name { get; }

        public Thread Thread { get; }

        /// <summary>What the thread runs now, for the dump and the stall watchdog.</summary>
        public ThreadActivity Activity { get; }

        public static bool IsPoolThreadOf(WorkerPool pool) => ReferenceEquals(t_owner, pool);

        public void Start(PoolItem firstItem)
        {
            _next = firstItem;
            // A pool thread carries no one's execution context; each job runs under the one its starter had.
            ThreadFactory.Start(Thread, this, flowExecutionContext: false);
        }

        /// <summary>Under the pool's lock: hands this idle thread an item, or none to wake it for Complete.</summary>
        public void Wake(PoolItem item)
        {
            _pool.AssertLocked();
            Debug.Assert(_handed.IsEmpty, "An idle thread is handed one item at a time.");
            _handed = item;
            _signal.Set();
        }

        /// <summary>Under the pool's lock.</summary>
        public void PrepareToIdle()
        {
            _pool.AssertLocked();
            _handed = default;
            Volatile.Write(ref _idleWaitTimedOut, false);
            _signal.Reset();
        }

        /// <summary>Under the pool's lock.</summary>
        public PoolItem TakeHandedItem()
        {
            _pool.AssertLocked();
            var handed = _handed;
            _handed = default;
            return handed;
        }

        /// <summary>
        /// Waits to be handed an item. It watches for one briefly before it blocks, as the .NET thread pool's workers do,
        /// so that a job started right after the last one ended costs no kernel wake-up; and only before it blocks does
        /// the thread take its own name back.
        /// </summary>
        public bool WaitIdle(TimeSpan timeout)
        {
            // On a custom clock (a fake one, in tests), that clock's timer ends the idle wait. It is armed first, so
            // that once the thread has its own name back, its timeout is already counting on that clock.
            var timer = _pool._clock is { } clock && timeout != Timeout.InfiniteTimeSpan
                ? clock.CreateTimer(static state => ((PoolThread)state!).TimeOutIdleWait(), this, timeout, Timeout.InfiniteTimeSpan)
                : null;
            using (timer)
            {
                if (!Waits.SpinBriefly(_signal, static signal => signal.IsSet, IdleSpinMicroseconds))
                {
                    ThreadNaming.Name(Thread, Name);
                }

                if (timer is null)
                {
                    return _signal.Wait(timeout);
                }

                _signal.Wait();
                return !Volatile.Read(ref _idleWaitTimedOut);
            }
        }

        private void TimeOutIdleWait()
        {
            Volatile.Write(ref _idleWaitTimedOut, true);
            _signal.Set();
        }

        public void SetNext(in PoolItem item) => _next = item;

        private void Run()
        {
            t_owner = _pool;
            ThreadNaming.Name(Thread, Name);
            try
            {
                ThreadTuning.Apply(_pool._thread, Name);
            }
            catch (InvalidOperationException refused)
            {
                // A pool thread has no body of its own to fault; it runs unpinned, and says so.
                FaultReport.WriteNotice($"Pool '{_pool.Name}' could not pin its thread '{Name}': {refused.Message} The thread runs on any CPU.");
            }

            Activity.OnThreadStarted();
            ThreadWatch.Add(Activity, Thread);
            ThreadKitEventSource.Log.ThreadStarted(Name, WorkerThreadKind.Pool, Thread.ManagedThreadId, Activity.NativeThreadId);
            try
            {
                do
                {
                    RunNext();
                }
                while (_pool.TakeNextItem(this));
            }
            finally
            {
                ThreadWatch.Remove(Activity);
                ThreadKitEventSource.Log.ThreadStopped(Name, WorkerThreadKind.Pool, Thread.ManagedThreadId, Activity.NativeThreadId);
                _signal.Dispose();
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void RunNext()
        {
            var item = _next;
            _next = default;
            _pool.RunItem(this, item);
        }
    }
}
