using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit;

namespace ThreadKit.Scenarios;

/// <summary>Runs one named scenario in a fresh process. Exit code 0 means the scenario's own checks held.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        AssemblyLoadContext.Default.Resolving += ResolveThreadKit;
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: ThreadKit.Scenarios <scenario>");
            return 2;
        }

        return Run(args[0]);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Run(string scenario) => scenario switch
    {
        "unhandled-report" => UnhandledReport(),
        "unjoined-fault" => UnjoinedFault(),
        "handler-throws" => HandlerThrows(),
        "foreground-keeps-alive" => ForegroundKeepsAlive(),
        "start-fails" => StartFails(),
        "main-thread-name" => MainThreadName(),
        "auto-names" => AutoNames(),
        "telemetry-switched-off" => TelemetrySwitchedOff(),
        "hostile-exception" => HostileException(),
        "async-void-fault" => AsyncVoidFault(),
        "raise-priority" => RaisePriority(),
        "priority-order" => PriorityOrder(),
        "suppressed-flow-starts" => SuppressedFlowStarts(),
        _ => Unknown(scenario),
    };

    private static Assembly? ResolveThreadKit(AssemblyLoadContext context, AssemblyName name)
    {
        var path = Environment.GetEnvironmentVariable("THREADKIT_ASSEMBLY");
        if (path is null)
        {
            return null;
        }

        // ThreadKit itself, and the packages its netstandard2.0 asset depends on that .NET does not ship, from beside it.
        var candidate = name.Name == "ThreadKit" ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, name.Name + ".dll");
        return File.Exists(candidate) ? context.LoadFromAssemblyPath(Path.GetFullPath(candidate)) : null;
    }

    private static int Unknown(string scenario)
    {
        Console.Error.WriteLine($"unknown scenario '{scenario}'");
        return 2;
    }

    /// <summary>No handler: the fault is reported to stderr in Python's words, and Join still rethrows it.</summary>
    private static int UnhandledReport()
    {
        var worker = NamedWorker.Create("Crasher", static () => throw new InvalidOperationException("boom"));
        worker.Start();
        try
        {
            worker.Join();
            return 1;
        }
        catch (InvalidOperationException ex) when (ex.Message == "boom")
        {
            Console.WriteLine("joined: " + ex.GetType().Name);
            return 0;
        }
    }

    /// <summary>A fault nobody joins does not end the process, as it would on a raw Thread.</summary>
    private static int UnjoinedFault()
    {
        using var reported = new ManualResetEventSlim();
        NamedWorker? faulted = null;
        NamedWorker.UnhandledException += (_, e) =>
        {
            faulted = e.Worker;
            reported.Set();
        };
        NamedWorker.Create("Unjoined", static () => throw new InvalidOperationException("nobody joins me")).Start();
        if (!reported.Wait(TimeSpan.FromSeconds(15)))
        {
            return 1;
        }

        // Dispose waits for the thread to end without rethrowing, so a crash on its way out would have happened by now.
        faulted!.Dispose();
        Console.WriteLine("process survived");
        return 0;
    }

    /// <summary>
    /// An async void body that throws after an await would end the process from the thread pool; as a worker, its
    /// fault is reported once to stderr and rethrown by Join, and the process lives on.
    /// </summary>
    private static int AsyncVoidFault()
    {
        var worker = NamedWorker.Create("AsyncVoid", (Action)ThrowAfterAwait);
        worker.Start();
        try
        {
            worker.Join();
            return 1;
        }
        catch (InvalidOperationException ex) when (ex.Message == "async void boom")
        {
            Console.WriteLine("joined: " + ex.Message);
        }

        // Anything still to crash the process would be queued by now; let it run before saying the process survived.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Task.Run(static () => { }).Wait();
        Console.WriteLine("process survived");
        return 0;

        static async void ThrowAfterAwait()
        {
            await Task.Yield();
            throw new InvalidOperationException("async void boom");
        }
    }

    /// <summary>Raising a priority without the privilege for it: the workers still run, and the refusal is reported once.</summary>
    /// <summary>
    /// With the caller's execution-context flow already suppressed, starts every kind of thread ThreadKit makes: a
    /// worker with and without flow, a loop (whose watch starts the watchdog's thread, the first in this process) and a
    /// pool's thread. Prints one line per kind that ran.
    /// </summary>
    private static int SuppressedFlowStarts()
    {
        using (ExecutionContext.SuppressFlow())
        {
            var flowing = NamedWorker.Create("flowing", static () => "worker");
            flowing.Start();
            var unflowed = NamedWorker.Create("unflowed", static () => "unflowed worker");
            unflowed.FlowExecutionContext = false;
            unflowed.Start();
            using var loop = WorkerLoop.Start("loop");
            using var pool = new WorkerPool("pool", 1);
            var job = pool.Start("job", static () => "pool job");
            Console.WriteLine(flowing.Join());
            Console.WriteLine(unflowed.Join());
            Console.WriteLine(loop.Invoke(static () => "loop"));
            Console.WriteLine(job.Join());
            Console.WriteLine(WorkerDiagnostics.GetThreads().Count > 0 ? "watchdog" : "no threads");
        }

        return 0;
    }

    /// <summary>Prints the process's nice value, then each priority's thread's, one per line.</summary>
    private static int PriorityOrder()
    {
        Console.WriteLine("Process " + NiceIn("/proc/self/stat"));
        foreach (var priority in new[] { ThreadPriority.Lowest, ThreadPriority.BelowNormal, ThreadPriority.Normal, ThreadPriority.AboveNormal })
        {
            var worker = NamedWorker.Create("nice " + priority, static () => NiceIn("/proc/thread-self/stat"));
            worker.Priority = priority;
            worker.Start();
            Console.WriteLine(priority + " " + worker.Join());
        }

        return 0;
    }

    // Field 19 of a stat file, counted after the name in parentheses, which may hold spaces.
    private static int NiceIn(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int RaisePriority()
    {
        for (var i = 0; i < 2; i++)
        {
            var worker = NamedWorker.Create("Raised" + i, static () => "ran");
            worker.Priority = ThreadPriority.Highest;
            worker.Start();
            Console.WriteLine(worker.Name + " " + worker.Join());
        }

        return 0;
    }

    /// <summary>A handler that throws is reported, does not end the process, and Join still gets the original fault.</summary>
    private static int HandlerThrows()
    {
        NamedWorker.UnhandledException += static (_, _) => throw new FormatException("handler failed");
        var worker = NamedWorker.Create("HandlerVictim", static () => throw new InvalidOperationException("original"));
        worker.Start();
        try
        {
            worker.Join();
            return 1;
        }
        catch (InvalidOperationException ex) when (ex.Message == "original")
        {
            Console.WriteLine("joined original");
            return 0;
        }
    }

    /// <summary>A foreground worker keeps the process running after Main returns, like a non-daemon Python thread.</summary>
    private static int ForegroundKeepsAlive()
    {
        var mainReturning = new ManualResetEventSlim();
        var worker = NamedWorker.Create("Straggler", Straggle, mainReturning);
        worker.Start();
        Console.WriteLine("main returning");
        mainReturning.Set();
        return 0;

        static void Straggle(ManualResetEventSlim mainReturning)
        {
            mainReturning.Wait();

            // Work that outlasts Main by far more than a background thread would be given.
            Thread.Sleep(TimeSpan.FromMilliseconds(500));
            Console.WriteLine("worker finished after main");
        }
    }

    /// <summary>
    /// Run under an address-space limit that makes a 2 GiB stack impossible: Start fails cleanly, leaves nothing
    /// behind, and the same worker can start once the stack size is fixed.
    /// </summary>
    private static int StartFails()
    {
        var worker = NamedWorker.Create("TooBig", static () => Console.WriteLine("ran after retry"));
        worker.StackSize = int.MaxValue;
        try
        {
            worker.Start();
            Console.WriteLine("start unexpectedly succeeded");
            return 1;
        }
        catch (OutOfMemoryException ex)
        {
            Console.WriteLine("start failed: " + ex.Message);
        }

        Console.WriteLine($"state={worker.State} alive={worker.IsAlive} id={worker.ManagedThreadId?.ToString() ?? "null"} active={NamedWorker.ActiveCount} listed={NamedWorker.GetActive().Count}");
        worker.StackSize = 0;
        worker.Start();
        worker.Join();
        Console.WriteLine($"state={worker.State}");
        return 0;
    }

    /// <summary>With the feature switch off, ThreadKit publishes no instruments at all.</summary>
    private static int TelemetrySwitchedOff()
    {
        AppContext.SetSwitch("ThreadKit.Telemetry.IsSupported", false);
        var published = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == "ThreadKit")
                {
                    published++;
                }
            },
        };
        listener.Start();
        var worker = NamedWorker.Create("unmeasured", static () => { });
        worker.Start();
        worker.Join();
        Console.WriteLine($"instruments published: {published}");
        return 0;
    }

    /// <summary>An exception whose ToString() throws is still reported, and still reaches Join.</summary>
    private static int HostileException()
    {
        var worker = NamedWorker.Create("Hostile", static () => throw new HostileToStringException());
        worker.Start();
        try
        {
            worker.Join();
            return 1;
        }
        catch (HostileToStringException)
        {
            Console.WriteLine("joined hostile exception");
            return 0;
        }
    }

    /// <summary>Automatic names count from 1 in each process, and only automatically named workers take a number.</summary>
    private static int AutoNames()
    {
        Console.WriteLine(NamedWorker.Create(null, Work).Name);
        Console.WriteLine(NamedWorker.Create("explicit", Work).Name);
        Console.WriteLine(NamedWorker.Create(null, static () => { }).Name);
        return 0;

        static void Work()
        {
        }
    }

    /// <summary>The process's entry thread is MainThread; other unnamed threads are not.</summary>
    private static int MainThreadName()
    {
        Console.WriteLine(NamedWorker.CurrentThreadName);
        string? other = null;
#pragma warning disable TK001 // The scenario needs a thread that ThreadKit did not start and did not name.
        var thread = new Thread(() => other = NamedWorker.CurrentThreadName);
#pragma warning restore TK001
        thread.Start();
        thread.Join();
        Console.WriteLine(other);
        return 0;
    }

    private sealed class HostileToStringException : Exception
    {
        public override string ToString() => throw new InvalidOperationException("ToString refuses.");
    }
}
