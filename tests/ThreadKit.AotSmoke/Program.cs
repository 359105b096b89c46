// The tutorial's program, compiled ahead of time. It must print exactly the seed's six lines; the checks that follow
// exercise the rest of ThreadKit under NativeAOT and report only failures, on stderr, with a non-zero exit code.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit;

Console.WriteLine($"thread {NamedWorker.CurrentThreadName} is running...");
Console.WriteLine("hello world!");
var t = NamedWorker.Create("TestThread", ThreadTest, "test");
t.Start();
t.Join();
Console.WriteLine($"thread {NamedWorker.CurrentThreadName} ended.");

return await CheckEverythingElseAsync();

static void ThreadTest(string name)
{
    Console.WriteLine($"thread {NamedWorker.CurrentThreadName} is running...");
    Console.WriteLine($"hello {name}");
    Console.WriteLine($"thread {NamedWorker.CurrentThreadName} ended.");
}

static async Task<int> CheckEverythingElseAsync()
{
    var failures = new List<string>();
    void Check(bool condition, string what)
    {
        if (!condition)
        {
            failures.Add(what);
        }
    }

    var auto = NamedWorker.Create(null, AutoNamed);
    Check(auto.Name.StartsWith("Thread-", StringComparison.Ordinal), $"automatic name, got '{auto.Name}'");

    var result = NamedWorker.Create("result", static (int a, int b) => a + b, 40, 2);
    result.Start();
    Check(result.Join() == 42, "result worker");
    Check(result.NativeThreadId is > 0, "native thread id");

    var awaited = NamedWorker.Create("awaited", static () => "done");
    awaited.Start();
    Check(await awaited.JoinAsync() == "done", "JoinAsync");

    var faulty = NamedWorker.Create("faulty", static () => throw new FormatException("expected"));
    NamedWorker.UnhandledException += static (_, _) => { };
    faulty.Start();
    try
    {
        faulty.Join();
        failures.Add("fault was not rethrown");
    }
    catch (FormatException)
    {
    }

    using (var group = new WorkerGroup("aot"))
    {
        var stoppable = group.Start(null, static (CancellationToken stop) => stop.WaitHandle.WaitOne(TimeSpan.FromSeconds(15)));
        group.RequestStop();
        Check(stoppable.Join(), "group stop");
    }

    var timer = DelayedWorker.Create("timer", TimeSpan.Zero, static () => { });
    timer.Start();
    Check(timer.Join(), "delayed worker");

    long started = 0;
    using (var listener = new MeterListener())
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ThreadKit")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "threadkit.workers.started")
            {
                Interlocked.Add(ref started, value);
            }
        });
        listener.Start();
        var measured = NamedWorker.Create("measured", static () => { });
        measured.Start();
        measured.Join();
    }

    Check(Interlocked.Read(ref started) == 1, "metrics under AOT");

    // Async bodies: the pump keeps every continuation on the worker's thread under NativeAOT too.
    var asyncWorker = NamedWorker.Create("async under AOT", static async (int x) =>
    {
        var thread = Environment.CurrentManagedThreadId;
        await Task.Yield();
        await Task.Delay(1);
        return Environment.CurrentManagedThreadId == thread && NamedWorker.CurrentThreadName == "async under AOT" ? x : -1;
    }, 7);
    asyncWorker.Start();
    Check(asyncWorker.Join() == 7, "async body stays on its thread under AOT");

    // async void is found by its AsyncStateMachineAttribute; NativeAOT keeps that metadata for delegate targets.
    var asyncVoid = NamedWorker.Create("async void under AOT", (Action)ThrowAfterAwait);
    asyncVoid.Start();
    try
    {
        asyncVoid.Join();
        Check(false, "async void fault rethrown under AOT");
    }
    catch (InvalidOperationException ex) when (ex.Message == "async void under AOT")
    {
    }

    foreach (var failure in failures)
    {
        Console.Error.WriteLine("AOT check failed: " + failure);
    }

    return failures.Count == 0 ? 0 : 1;
}

static void AutoNamed()
{
}

static async void ThrowAfterAwait()
{
    await Task.Yield();
    throw new InvalidOperationException("async void under AOT");
}
