using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace ThreadKit.Tests;

/// <summary>
/// Hears <see cref="WorkerDiagnostics.StallDetected"/> for the loops, pools and async workers of one test, by owner or
/// thread name, whatever else runs in the process, and stamps each report with when it came.
/// </summary>
internal sealed class StallRecorder : IDisposable
{
    private readonly string _owner;
    private readonly ConcurrentQueue<(WorkerStallEventArgs Stall, long At)> _stalls = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _taken;

    public StallRecorder(string owner)
    {
        _owner = owner;
        WorkerDiagnostics.StallDetected += OnStall;
    }

    public IReadOnlyList<WorkerStallEventArgs> Stalls => [.. _stalls.Select(entry => entry.Stall)];

    /// <summary>Waits for the next report, and gives it with the time it came.</summary>
    public (WorkerStallEventArgs Stall, long At) Next(TimeSpan timeout)
    {
        if (!_arrived.Wait(timeout))
        {
            throw new TimeoutException($"No stall was reported for '{_owner}' within {timeout}.");
        }

        return _stalls.ElementAt(_taken++);
    }

    public void Dispose()
    {
        WorkerDiagnostics.StallDetected -= OnStall;
        _arrived.Dispose();
    }

    private void OnStall(object? sender, WorkerStallEventArgs stall)
    {
        if (stall.Thread.Owner == _owner || (stall.Thread.Owner is null && stall.Thread.Name == _owner))
        {
            _stalls.Enqueue((stall, Stopwatch.GetTimestamp()));
            _arrived.Release();
        }
    }
}
