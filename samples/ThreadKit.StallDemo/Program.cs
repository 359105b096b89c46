// A loop blocked on purpose: the watchdog's report, then the thread dump, as docs/reliability.md shows them.
//
//     dotnet run --project samples/ThreadKit.StallDemo
using System;
using System.Threading;
using ThreadKit;

using var reported = new ManualResetEventSlim();
WorkerDiagnostics.StallDetected += (_, stall) =>
{
    Console.WriteLine("StallDetected: " + stall.Message);
    reported.Set();
};

using var pool = new WorkerPool("thumbnails", maxThreads: 2);
using var release = new ManualResetEventSlim();
pool.Start("thumb cat.jpg", () => release.Wait());

using var loop = WorkerLoop.Start("sqlite");
loop.StallThreshold = TimeSpan.FromSeconds(1);
var orders = new Orders(release);
loop.Post(orders.Save);                         // blocks the loop's thread
loop.Post(static () => Console.WriteLine("queued behind it"));

if (!reported.Wait(TimeSpan.FromSeconds(10)))
{
    Console.Error.WriteLine("No stall was reported.");
    return 1;
}

Console.WriteLine();
Console.Write(WorkerDiagnostics.Dump());
release.Set();
return 0;

internal sealed class Orders(ManualResetEventSlim release)
{
    // Stands for a call that never returns: a lock held elsewhere, a network call without a timeout.
    public void Save() => release.Wait();
}
