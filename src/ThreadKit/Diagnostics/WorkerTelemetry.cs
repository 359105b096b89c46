using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace ThreadKit;

/// <summary>
/// ThreadKit's metrics and traces, published through the platform's own <see cref="Meter"/> and
/// <see cref="ActivitySource"/> named <c>ThreadKit</c>, so <c>dotnet-counters</c> and OpenTelemetry see them with no
/// extra code. Every recording checks first whether anyone listens, so an unobserved worker pays one branch per
/// instrument and allocates nothing.
/// </summary>
/// <remarks>
/// The feature switch <c>ThreadKit.Telemetry.IsSupported</c> (an <see cref="AppContext"/> switch, or
/// <c>&lt;RuntimeHostConfigurationOption&gt;</c> in a project) removes the instruments entirely: the JIT folds the
/// check away and the trimmer drops the code.
/// </remarks>
internal static class WorkerTelemetry
{
    public const string FeatureSwitch = "ThreadKit.Telemetry.IsSupported";
    public const string SourceName = "ThreadKit";
    public const string WorkerNameTag = "threadkit.worker.name";
    public const string OutcomeTag = "threadkit.worker.outcome";
    public const string GroupNameTag = "threadkit.group.name";
    public const string LoopNameTag = "threadkit.loop.name";
    public const string PoolNameTag = "threadkit.pool.name";
    public const string OwnerNameTag = "threadkit.owner.name";
    public const string ThreadKindTag = "threadkit.thread.kind";

    private static readonly LiveSet<WorkerLoop> s_liveLoops = new(LoopNameTag, static loop => loop.Name);
    private static readonly LiveSet<WorkerPool> s_livePools = new(PoolNameTag, static pool => pool.Name);

#if NET
    [FeatureSwitchDefinition(FeatureSwitch)]
#endif
    public static bool IsSupported { get; } = !AppContext.TryGetSwitch(FeatureSwitch, out var enabled) || enabled;

    /// <summary>
    /// Called on the starting thread when the execution context will not flow, so that the worker's activity can
    /// still continue the starter's trace.
    /// </summary>
    public static ActivityContext CaptureParentForUnflowedStart() =>
        IsSupported && Instruments.ActivitySource.HasListeners() && Activity.Current is { } parent ? parent.Context : default;

    /// <summary>Called on a loop's thread after each posted or invoked item has run.</summary>
    public static void LoopItemProcessed(WorkerLoop loop)
    {
        if (IsSupported && Instruments.LoopItemsProcessed.Enabled)
        {
            Instruments.LoopItemsProcessed.Add(1, new KeyValuePair<string, object?>(LoopNameTag, loop.Name));
        }
    }

    /// <summary>Counts a stall, tagged with its owner's name and kind (<c>loop</c> or <c>pool</c>).</summary>
    public static void StallDetected(WorkerThreadInfo thread)
    {
        if (IsSupported && Instruments.Stalls.Enabled)
        {
            Instruments.Stalls.Add(
                1,
                new KeyValuePair<string, object?>(OwnerNameTag, thread.Owner),
                new KeyValuePair<string, object?>(ThreadKindTag, thread.Kind == WorkerThreadKind.Loop ? "loop" : "pool"));
        }
    }

    /// <summary>Lists a loop for the queue-length gauge while its thread runs. Loops are few and long-lived.</summary>
    public static void LoopRunning(WorkerLoop loop, bool running)
    {
        if (IsSupported)
        {
            s_liveLoops.Set(loop, running);

            // Reading a field runs Instruments' static constructor, which publishes the gauges for listeners to find.
            _ = Instruments.LoopQueueLength;
        }
    }

    /// <summary>Lists a pool for its gauges while it has threads; a pool with none has nothing running or queued.</summary>
    public static void PoolRunning(WorkerPool pool, bool running)
    {
        if (IsSupported)
        {
            s_livePools.Set(pool, running);

            // Reading a field runs Instruments' static constructor, which publishes the gauges for listeners to find.
            _ = Instruments.PoolThreads;
        }
    }

    /// <summary>Called on the worker's thread just before its body runs.</summary>
    public static RunScope RunStarting(NamedWorker worker)
    {
        if (!IsSupported)
        {
            return default;
        }

        var group = worker.Group?.Name;
        if (Instruments.Started.Enabled)
        {
            Instruments.Started.Add(1, GroupTags(group));
        }

        if (Instruments.Active.Enabled)
        {
            Instruments.Active.Add(1, GroupTags(group));
        }

        Activity? activity = null;
        if (Instruments.ActivitySource.HasListeners())
        {
            activity = StartActivity(worker, group);
        }

        var startTimestamp = Instruments.Duration.Enabled || activity is not null ? Stopwatch.GetTimestamp() : 0;
        return new RunScope(startTimestamp, activity);
    }

    private static Activity? StartActivity(NamedWorker worker, string? group)
    {
        // With the execution context flowing, Activity.Current is already the starter's activity.
        var parent = Activity.Current is null ? worker.ParentActivityForUnflowedStart : default;
        var activity = Instruments.ActivitySource.StartActivity(worker.Name, ActivityKind.Internal, parent);
        if (activity is not null)
        {
            activity.SetTag(WorkerNameTag, worker.Name);

            // OpenTelemetry's semantic conventions for the thread, beside ThreadKit's own tags.
            activity.SetTag("thread.id", Environment.CurrentManagedThreadId);
            activity.SetTag("thread.name", worker.Name);
            if (group is not null)
            {
                activity.SetTag(GroupNameTag, group);
            }
        }

        return activity;
    }

    private static KeyValuePair<string, object?>[] GroupTags(string? group) =>
        group is null ? [] : [new(GroupNameTag, group)];

    private static string OutcomeName(WorkerState outcome) => outcome switch
    {
        WorkerState.Completed => "completed",
        WorkerState.Faulted => "faulted",
        _ => "canceled",
    };

    /// <summary>What a run needs to report its end: when it started and its activity, if anyone listens.</summary>
    internal readonly struct RunScope
    {
        private readonly long _startTimestamp;
        private readonly Activity? _activity;

        public RunScope(long startTimestamp, Activity? activity)
        {
            _startTimestamp = startTimestamp;
            _activity = activity;
        }

        /// <summary>Called on the worker's thread after its body ended.</summary>
        public void Complete(NamedWorker worker, WorkerState outcome, Exception? exception)
        {
            if (!IsSupported)
            {
                return;
            }

            var group = worker.Group?.Name;
            if (Instruments.Active.Enabled)
            {
                Instruments.Active.Add(-1, GroupTags(group));
            }

            if (outcome == WorkerState.Faulted && Instruments.Faulted.Enabled)
            {
                Instruments.Faulted.Add(1, GroupTags(group));
            }

            if (_startTimestamp != 0 && Instruments.Duration.Enabled)
            {
                var seconds = (double)(Stopwatch.GetTimestamp() - _startTimestamp) / Stopwatch.Frequency;
                var outcomeTag = new KeyValuePair<string, object?>(OutcomeTag, OutcomeName(outcome));
                if (group is null)
                {
                    Instruments.Duration.Record(seconds, outcomeTag);
                }
                else
                {
                    Instruments.Duration.Record(seconds, outcomeTag, new KeyValuePair<string, object?>(GroupNameTag, group));
                }
            }

            if (_activity is { } activity)
            {
                activity.SetTag(OutcomeTag, OutcomeName(outcome));
                if (outcome == WorkerState.Faulted && exception is not null)
                {
                    activity.SetTag("exception.type", exception.GetType().FullName);
                    activity.SetStatus(ActivityStatusCode.Error, SafeMessage(exception));
                }

                activity.Dispose();
            }
        }

        private static string SafeMessage(Exception exception)
        {
            try
            {
                return exception.Message;
            }
            catch (Exception)
            {
                return exception.GetType().FullName ?? "exception";
            }
        }
    }

    /// <summary>The instruments, in their own type so that nothing creates them while the feature switch is off.</summary>
    private static class Instruments
    {
        public static readonly string? Version = typeof(WorkerTelemetry).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        public static readonly Meter Meter = new(SourceName, Version);
        public static readonly ActivitySource ActivitySource = new(SourceName, Version);

        public static readonly Counter<long> Started = Meter.CreateCounter<long>(
            "threadkit.workers.started", "{worker}", "Workers whose thread has started running.");

        public static readonly Counter<long> Faulted = Meter.CreateCounter<long>(
            "threadkit.workers.faulted", "{worker}", "Workers whose body ended with an exception.");

        public static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>(
            "threadkit.workers.active", "{worker}", "Workers whose body is running.");

        public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
            "threadkit.worker.duration", "s", "How long worker bodies ran, by outcome.");

        public static readonly Counter<long> LoopItemsProcessed = Meter.CreateCounter<long>(
            "threadkit.loop.items.processed", "{item}", "Work items that loops have run, by loop.");

        public static readonly Counter<long> Stalls = Meter.CreateCounter<long>(
            "threadkit.stalls", "{stall}", "Loop items and pool jobs that ran longer than their owner's stall threshold, by owner and kind.");

        public static readonly ObservableGauge<int> LoopQueueLength = Meter.CreateObservableGauge(
            "threadkit.loop.queue.length", () => s_liveLoops.Observe(static loop => loop.QueuedCount), "{item}", "Work items waiting on each loop's thread.");

        public static readonly ObservableGauge<int> PoolThreads = Meter.CreateObservableGauge(
            "threadkit.pool.threads", () => s_livePools.Observe(static pool => pool.ThreadCount), "{thread}", "Threads alive in each pool.");

        public static readonly ObservableGauge<int> PoolBusyThreads = Meter.CreateObservableGauge(
            "threadkit.pool.threads.busy", () => s_livePools.Observe(static pool => pool.BusyCount), "{thread}", "Threads running a job in each pool.");

        public static readonly ObservableGauge<int> PoolQueueLength = Meter.CreateObservableGauge(
            "threadkit.pool.queue.length", () => s_livePools.Observe(static pool => pool.QueuedCount), "{job}", "Jobs waiting for a thread in each pool.");
    }

    /// <summary>The loops or pools a gauge reports on: listed while they run, and read as a snapshot when observed.</summary>
    private sealed class LiveSet<T>(string nameTag, Func<T, string> nameOf)
        where T : class
    {
        private readonly List<T> _items = [];

        public void Set(T item, bool running)
        {
            lock (_items)
            {
                if (running)
                {
                    _items.Add(item);
                }
                else
                {
                    _items.Remove(item);
                }
            }
        }

        public IEnumerable<Measurement<int>> Observe(Func<T, int> read)
        {
            T[] snapshot;
            lock (_items)
            {
                snapshot = [.. _items];
            }

            foreach (var item in snapshot)
            {
                yield return new Measurement<int>(read(item), new KeyValuePair<string, object?>(nameTag, nameOf(item)));
            }
        }
    }
}
