using System;
using System.Collections;
using System.Collections.Generic;

namespace ThreadKit.Hosting;

/// <summary>The logging scope on a worker's thread: one property, the worker's name, so any logger can show or index it.</summary>
internal sealed class WorkerScope(string workerName) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("WorkerName", workerName) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "Worker: " + workerName;
}
