using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// The pool's threads: each runs the item it was started with, then whatever the queue holds, then waits idle on its
// own signal until it is handed an item or retires. Who owns an idle thread is decided under the pool's lock, so a
// wake-up and a retirement can never both claim it.
public sealed partial class WorkerPool
{
    private void StartThread(object firstItem)
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

    /// <summary>The next item for a thread that has finished one, or <see langword="null"/> when the thread should end.</summary>
    private object? NextItem(PoolThread poolThread)
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
                    return null;
                }

                poolThread.PrepareToIdle();
                _idle.Add(poolThread);
                idleTimeout = _idleTimeout;
            }

            var woken = poolThread.WaitIdle(idleTimeout);
            lock (_lock)
            {
                if (poolThread.TakeHandedItem() is { } handed)
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
                    return null;
                }
            }
        }
    }

    private void RunItem(PoolThread poolThread, object item)
    {
        Interlocked.Increment(ref _busyCount);
        try
        {
            if (item is NamedWorker job)
            {
                job.RunOnPoolThread(poolThread.Thread);
                TryNameThread(poolThread.Thread, poolThread.Name);
            }
            else
            {
                _scheduler.Run((Task)item);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _busyCount);
        }
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
        [ThreadStatic]
        private static WorkerPool? t_owner;

        private readonly WorkerPool _pool;
        private readonly ManualResetEventSlim _signal = new();
        private object? _handed;

        public PoolThread(WorkerPool pool, string name)
        {
            _pool = pool;
            Name = name;
            Thread = new Thread(static state => ((PoolThread)state!).Run(), 0) { IsBackground = true };
        }

        public string Name { get; }

        public Thread Thread { get; }

        private object? FirstItem { get; set; }

        public static bool IsPoolThreadOf(WorkerPool pool) => ReferenceEquals(t_owner, pool);

        public void Start(object firstItem)
        {
            FirstItem = firstItem;
            // A pool thread carries no one's execution context; each job runs under the one its starter had.
#if NET
            Thread.UnsafeStart(this);
#else
            using (ExecutionContext.SuppressFlow())
            {
                Thread.Start(this);
            }
#endif
        }

        /// <summary>Under the pool's lock: hands this idle thread an item, or none to wake it for Complete.</summary>
        public void Wake(object? job)
        {
            _handed = job;
            _signal.Set();
        }

        /// <summary>Under the pool's lock.</summary>
        public void PrepareToIdle()
        {
            _handed = null;
            _signal.Reset();
        }

        /// <summary>Under the pool's lock.</summary>
        public object? TakeHandedItem()
        {
            var handed = _handed;
            _handed = null;
            return handed;
        }

        public bool WaitIdle(TimeSpan timeout) => _signal.Wait(timeout);

        private void Run()
        {
            t_owner = _pool;
            TryNameThread(Thread, Name);
            var item = FirstItem;
            FirstItem = null;
            try
            {
                while (item is not null)
                {
                    _pool.RunItem(this, item);
                    item = _pool.NextItem(this);
                }
            }
            finally
            {
                _signal.Dispose();
            }
        }
    }
}
