using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;

/// <summary>
/// Every core kept busy at normal priority by a separate process, as a server's other work keeps it: the harness starts
/// a copy of itself with <c>--spin N</c>, whose N threads spin until the harness ends it. A separate process, so that
/// the spinning threads share no runtime, thread pool or garbage collector with the cases measured.
/// </summary>
internal sealed class BusyMachine : IDisposable
{
    private readonly Process _spinner;

    private BusyMachine(Process spinner) => _spinner = spinner;

    /// <summary>
    /// In a harness's entry: when <paramref name="args"/> are <c>--spin N</c>, this process is the spinner; it spins on
    /// N threads until the harness ends it, and this never returns. Otherwise it returns at once.
    /// </summary>
    public static void SpinIfAsked(string[] args)
    {
        if (args.Length == 2 && args[0] == "--spin")
        {
            Spin(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void Spin(int threads)
    {
        var spinners = Enumerable.Range(0, threads).Select(static _ => new Thread(static () =>
        {
            while (true)
            {
                Thread.SpinWait(1000);
            }
        })).ToList();
        spinners.ForEach(static thread => thread.Start());
        spinners.ForEach(static thread => thread.Join());
    }

    /// <summary>Starts a spinning copy of this harness with a thread per core, and returns once it runs.</summary>
    public static BusyMachine Start()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        start.ArgumentList.Add("--spin");
        start.ArgumentList.Add(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var spinner = Process.Start(start)!;
        Thread.Sleep(500);   // let its threads reach the processors before the first round
        return new BusyMachine(spinner);
    }

    public void Dispose()
    {
        _spinner.Kill(entireProcessTree: true);
        _spinner.WaitForExit();
        _spinner.Dispose();
    }
}
