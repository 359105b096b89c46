// A loop blocked on purpose: the watchdog's report, the stuck thread's stack (ThreadKit.Diagnostics.Stacks), then the
// thread dump, as docs/reliability.md shows them.
//
//     dotnet run --project samples/ThreadKit.StallDemo
using System;
using System.Threading;
using ThreadKit;

using var reported = new ManualResetEventSlim();
using var stackCaptured = new ManualResetEventSlim();
WorkerDiagnostics.StallDetected += (_, stall) =>
{
    Console.WriteLine("StallDetected: " + stall.Message);
    reported.Set();
};

// Each stall's stuck thread, with its stack, captured in-process off the watchdog's thread.
WorkerStacks.CaptureOnStall = true;
WorkerStacks.StallStackCaptured += (_, captured) =>
{
    Console.WriteLine();
    Console.WriteLine("StallStackCaptured:");
    Console.WriteLine(captured.Stack?.ToString() ?? "no stack: " + captured.Error?.Message);
    stackCaptured.Set();
};

using var pool = new WorkerPool("thumbnails", maxThreads: 2);
using var release = new ManualResetEventSlim();
pool.Start("thumb cat.jpg", () => release.Wait());

using var loop = WorkerLoop.Start("sqlite");
loop.StallThreshold = TimeSpan.FromSeconds(1);
var orders = new Orders(release);
loop.Post(orders.Save);                         // blocks the loop's thread
loop.Post(static () => Console.WriteLine("queued behind it"));

if (!reported.Wait(TimeSpan.FromSeconds(10)) || !stackCaptured.Wait(TimeSpan.FromSeconds(15)))
{
    Console.Error.WriteLine("No stall, or no stack, was reported.");
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
