using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;

namespace ThreadKit.Tests;

/// <summary>
/// Listens to ThreadKit's meter and activity source the way dotnet-counters and OpenTelemetry do, and keeps what it
/// hears. Measurements are recorded on the worker's own thread, so each is stamped with that thread's name: a test
/// looks only at its own uniquely named workers, whatever else runs in the process.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    public const string SourceName = "ThreadKit";

    private readonly MeterListener _meterListener = new();
    private readonly ActivityListener? _activityListener;
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _stoppedActivities = new();
    private readonly ConcurrentDictionary<string, Instrument> _published = new();

    public TelemetryRecorder(bool listenToActivities = false, params string[] otherActivitySources)
    {
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SourceName)
            {
                _published[instrument.Name] = instrument;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();

        if (listenToActivities)
        {
            _activityListener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == SourceName || otherActivitySources.Contains(source.Name),
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity => _stoppedActivities.Enqueue(activity),
            };
            ActivitySource.AddActivityListener(_activityListener);
        }
    }

    public IReadOnlyDictionary<string, Instrument> PublishedInstruments => _published;

    /// <summary>The measurements recorded on the thread of the worker named <paramref name="workerName"/>.</summary>
    public IReadOnlyList<Measurement> MeasurementsOf(string workerName) =>
        _measurements.Where(measurement => measurement.ThreadName == workerName).ToList();

    /// <summary>The finished ThreadKit activities of the worker named <paramref name="workerName"/>.</summary>
    public IReadOnlyList<Activity> ActivitiesOf(string workerName) =>
        _stoppedActivities
            .Where(activity => activity.Source.Name == SourceName && (string?)activity.GetTagItem("threadkit.worker.name") == workerName)
            .ToList();

    /// <summary>Has every observable instrument report now; its measurements are stamped with the calling thread's name.</summary>
    public IReadOnlyList<Measurement> Observe(string instrumentName)
    {
        var callerName = NamedWorker.CurrentThreadName;
        var before = _measurements.Count;
        _meterListener.RecordObservableInstruments();
        return _measurements.Skip(before).Where(m => m.Instrument == instrumentName && m.ThreadName == callerName).ToList();
    }

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener?.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(
            instrument.Name,
            value,
            tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value),
            NamedWorker.CurrentThreadName));

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, string ThreadName);
}
