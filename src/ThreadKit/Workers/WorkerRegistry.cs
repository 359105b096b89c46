using System.Collections.Generic;
using System.Threading;

namespace ThreadKit;

/// <summary>
/// The set of workers that have started and not finished. It is striped by managed thread id so that threads
/// starting workers at the same time rarely meet on a lock, and no lock is ever held while a thread is created.
/// A worker registers under its own thread's id, which no other live thread shares, and unregisters on that
/// thread before it exits, so ids recycled by the runtime never collide here. A pool's queued job, which has no
/// thread yet, registers under a negative key until a pool thread takes it.
/// </summary>
internal static class WorkerRegistry
{
    private const int StripeCount = 16;
    private static readonly Dictionary<int, NamedWorker>[] s_stripes = CreateStripes();
    private static int s_count;

    public static int Count => Volatile.Read(ref s_count);

    public static void Add(int managedThreadId, NamedWorker worker)
    {
        var stripe = StripeFor(managedThreadId);
        lock (stripe)
        {
            stripe.Add(managedThreadId, worker);
        }

        Interlocked.Increment(ref s_count);
    }

    public static void Remove(int managedThreadId)
    {
        var stripe = StripeFor(managedThreadId);
        bool removed;
        lock (stripe)
        {
            removed = stripe.Remove(managedThreadId);
        }

        if (removed)
        {
            Interlocked.Decrement(ref s_count);
        }
    }

    public static NamedWorker? Find(int managedThreadId)
    {
        var stripe = StripeFor(managedThreadId);
        lock (stripe)
        {
            return stripe.TryGetValue(managedThreadId, out var worker) ? worker : null;
        }
    }

    public static NamedWorker[] Snapshot()
    {
        var snapshot = new List<NamedWorker>(Count);
        foreach (var stripe in s_stripes)
        {
            lock (stripe)
            {
                snapshot.AddRange(stripe.Values);
            }
        }

        return snapshot.ToArray();
    }

    private static Dictionary<int, NamedWorker> StripeFor(int managedThreadId) =>
        s_stripes[managedThreadId & (StripeCount - 1)];

    private static Dictionary<int, NamedWorker>[] CreateStripes()
    {
        var stripes = new Dictionary<int, NamedWorker>[StripeCount];
        for (var i = 0; i < stripes.Length; i++)
        {
            stripes[i] = new Dictionary<int, NamedWorker>();
        }

        return stripes;
    }
}
