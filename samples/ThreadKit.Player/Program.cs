// The tutorial's video player, for real: one loop shows the video at 60 Hz, another fills 10 ms audio buffers at a
// higher priority, pinned to one CPU. It plays for 3 seconds, then tells how steady each thread kept its rate.
//
//     dotnet run --project samples/ThreadKit.Player
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using ThreadKit;

var video = new Track("video", TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60));
var audio = new Track("audio", TimeSpan.FromMilliseconds(10));

using (var videoLoop = WorkerLoop.Start("video"))
using (var audioLoop = WorkerLoop.Start("audio", new WorkerLoopOptions
{
    Priority = ThreadPriority.Highest,                          // nice -10 on Linux, where the process may raise it
    ProcessorAffinity = [Environment.ProcessorCount - 1],       // the last CPU, for the audio thread alone
}))
{
    video.Play(videoLoop, RenderFrame);
    audio.Play(audioLoop, FillBuffer);
    Thread.Sleep(TimeSpan.FromSeconds(3));
}

Console.WriteLine("thread  period    ticks  late p50  late p99  late max  missed");
foreach (var track in new[] { video, audio })
{
    Console.WriteLine(track.Report());
}

return 0;

// A frame's worth of drawing, and a buffer's worth of samples: a few microseconds of real work each.
static void RenderFrame(int frame) => Checksum.Add(frame * 31);

static void FillBuffer(int buffer) => Checksum.Add(buffer * 17);

/// <summary>One thread's clock: when each tick was due, when it started, and the slots it missed.</summary>
internal sealed class Track(string name, TimeSpan period)
{
    private readonly List<long> _starts = new(capacity: 512);
    private long _origin;

    public void Play(WorkerLoop loop, Action<int> tick)
    {
        // Lateness is measured from t0, read just before the schedule is made: tick n is due at t0 + (n + 1) * period.
        _origin = Stopwatch.GetTimestamp();
        loop.ScheduleAtFixedRate(period, period, () =>
        {
            _starts.Add(Stopwatch.GetTimestamp());
            tick(_starts.Count);
        });
    }

    public string Report()
    {
        var (lateness, missed) = Lateness.Of(_origin, period, _starts);
        lateness.Sort();
        return $"{name,-6}  {period.TotalMilliseconds,5:0.0} ms  {_starts.Count,5}  {Lateness.Format(Lateness.Percentile(lateness, 0.50)),8}  {Lateness.Format(Lateness.Percentile(lateness, 0.99)),8}  {Lateness.Format(lateness[^1]),8}  {missed,6}";
    }
}

internal static class Checksum
{
    private static long s_value;

    public static void Add(long value) => Interlocked.Add(ref s_value, value);
}
