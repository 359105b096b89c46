using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace ThreadKit;

/// <summary>
/// ThreadKit's metrics and traces, published through the platform's own <see cref="Meter"/> and
/// <see cref="ActivitySource"/> named <c>ThreadKit</c>, so <c>dotnet-counters</c> and OpenTelemetry see them with no
/// extra code. Every recording checks first whether anyone listens, so an unobserved worker pays one branch per
/// instrument and allocates nothing.
/// </summary>
internal static class WorkerTelemetry
{
    public const string SourceName = "ThreadKit";
    public const string WorkerNameTag = "threadkit.worker.name";
    public const string OutcomeTag = "threadkit.worker.outcome";
    public const string GroupNameTag = "threadkit.group.name";

    private static readonly string? s_version = typeof(WorkerTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private static readonly Meter s_meter = new(SourceName, s_version);
    private static readonly ActivitySource s_activitySource = new(SourceName, s_version);

    private static readonly Counter<long> s_started = s_meter.CreateCounter<long>(
        "threadkit.workers.started", "{worker}", "Workers whose thread has started running.");

    private static readonly Counter<long> s_faulted = s_meter.CreateCounter<long>(
        "threadkit.workers.faulted", "{worker}", "Workers whose body ended with an exception.");

    private static readonly UpDownCounter<long> s_active = s_meter.CreateUpDownCounter<long>(
        "threadkit.workers.active", "{worker}", "Workers whose body is running.");

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "threadkit.worker.duration", "s", "How long worker bodies ran, by outcome.");

    /// <summary>
    /// Called on the starting thread when the execution context will not flow, so that the worker's activity can
    /// still continue the starter's trace.
    /// </summary>
    public static ActivityContext CaptureParentForUnflowedStart() =>
        s_activitySource.HasListeners() && Activity.Current is { } parent ? parent.Context : default;

    /// <summary>Called on the worker's thread just before its body runs.</summary>
    public static RunScope RunStarting(NamedWorker worker)
    {
        var group = worker.Group?.Name;
        if (s_started.Enabled)
        {
            s_started.Add(1, GroupTags(group));
        }

        if (s_active.Enabled)
        {
            s_active.Add(1, GroupTags(group));
        }

        Activity? activity = null;
        if (s_activitySource.HasListeners())
        {
            activity = StartActivity(worker, group);
        }

        var startTimestamp = s_duration.Enabled || activity is not null ? Stopwatch.GetTimestamp() : 0;
        return new RunScope(startTimestamp, activity);
    }

    private static Activity? StartActivity(NamedWorker worker, string? group)
    {
        // With the execution context flowing, Activity.Current is already the starter's activity.
        var parent = Activity.Current is null ? worker.ParentActivityForUnflowedStart : default;
        var activity = s_activitySource.StartActivity(worker.Name, ActivityKind.Internal, parent);
        if (activity is not null)
        {
            activity.SetTag(WorkerNameTag, worker.Name);
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
            var group = worker.Group?.Name;
            if (s_active.Enabled)
            {
                s_active.Add(-1, GroupTags(group));
            }

            if (outcome == WorkerState.Faulted && s_faulted.Enabled)
            {
                s_faulted.Add(1, GroupTags(group));
            }

            if (_startTimestamp != 0 && s_duration.Enabled)
            {
                var seconds = (double)(Stopwatch.GetTimestamp() - _startTimestamp) / Stopwatch.Frequency;
                var outcomeTag = new KeyValuePair<string, object?>(OutcomeTag, OutcomeName(outcome));
                if (group is null)
                {
                    s_duration.Record(seconds, outcomeTag);
                }
                else
                {
                    s_duration.Record(seconds, outcomeTag, new KeyValuePair<string, object?>(GroupNameTag, group));
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
}
