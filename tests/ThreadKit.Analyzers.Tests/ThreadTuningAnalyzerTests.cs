using System.Threading.Tasks;
using ThreadKit.CodeFixes;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.ThreadTuningAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class ThreadTuningAnalyzerTests
{
    [Fact]
    public Task Setting_Thread_Priority_or_Process_ProcessorAffinity_is_reported() => Verify.Analyzer("""
        using System;
        using System.Diagnostics;
        using System.Threading;

        class Audio
        {
            void Run()
            {
                var thread = new Thread(() => { }) { {|TK006:Priority = ThreadPriority.Highest|} };
                {|TK006:Thread.CurrentThread.Priority = ThreadPriority.AboveNormal|};
                {|TK006:Process.GetCurrentProcess().ProcessorAffinity = (IntPtr)1|};
                thread.Start();
            }
        }
        """);

    [Fact]
    public Task Reading_them_or_setting_ThreadKits_options_is_not_reported() => Verify.Analyzer("""
        using System.Diagnostics;
        using System.Threading;
        using ThreadKit;

        class Audio
        {
            void Run()
            {
                var priority = Thread.CurrentThread.Priority;
                var cpus = Process.GetCurrentProcess().ProcessorAffinity;
                var worker = NamedWorker.Create("audio", () => { });
                worker.Priority = ThreadPriority.Highest;
                worker.ProcessorAffinity = new[] { 0 };
                using var loop = WorkerLoop.Start("render", new WorkerLoopOptions { Priority = ThreadPriority.AboveNormal });
            }
        }
        """);

    [Fact]
    public Task On_a_raw_named_thread_the_fix_moves_it_to_a_NamedWorker_whose_Priority_works_on_Linux() => Verify.Fix<RawThreadFix>("""
        using System.Threading;

        class Audio
        {
            void Play()
            {
            }

            void Run()
            {
                var audio = new Thread(Play) { Name = "audio", {|TK006:Priority = ThreadPriority.Highest|} };
                audio.Start();
                audio.Join();
            }
        }
        """, """
        using System.Threading;
        using ThreadKit;

        class Audio
        {
            void Play()
            {
            }

            void Run()
            {
                var audio = NamedWorker.Create("audio", Play);
                audio.Priority = ThreadPriority.Highest;
                audio.Start();
                audio.Join();
            }
        }
        """);
}
