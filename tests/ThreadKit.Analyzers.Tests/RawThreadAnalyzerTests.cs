using System.Threading.Tasks;
using ThreadKit.CodeFixes;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.RawThreadAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class RawThreadAnalyzerTests
{
    [Fact]
    public Task A_thread_that_is_only_named_started_and_joined_is_reported() => Verify.Analyzer("""
        using System;
        using System.Threading;

        class Player
        {
            void Video() { }

            void Run()
            {
                var video = {|TK001:new Thread(Video)|};
                video.Name = "video";
                video.IsBackground = true;
                video.Start();
                if (video.IsAlive)
                {
                    video.Join(TimeSpan.FromSeconds(1));
                }

                Thread audio = {|TK001:new Thread(() => Console.WriteLine("audio")) { Name = "audio" }|};
                audio.Start();
                audio.Join();
            }
        }
        """);

    [Fact]
    public Task A_thread_used_in_ways_a_worker_has_no_answer_for_or_never_started_is_not_reported() => Verify.Analyzer("""
        using System.Collections.Generic;
        using System.Threading;

        class Player
        {
            readonly List<Thread> _threads = new();
            Thread? _field;

            void Run(object state)
            {
                var passed = new Thread(() => { });
                passed.Start();
                _threads.Add(passed);

                var parameterized = new Thread(s => { });
                parameterized.Start(state);

                var apartment = new Thread(() => { });
                apartment.SetApartmentState(ApartmentState.STA);
                apartment.Start();

                var neverStarted = new Thread(() => { });
                neverStarted.Name = "idle";

                _field = new Thread(() => { });
                _field.Start();

                var sized = new Thread(() => { }, 1024 * 1024);
                sized.Start();
            }
        }
        """);

    [Fact]
    public Task Without_ThreadKit_referenced_nothing_is_reported() => Verify.Analyzer("""
        using System.Threading;

        class Player
        {
            void Run()
            {
                var video = new Thread(() => { });
                video.Start();
            }
        }
        """, withThreadKit: false);

    [Fact]
    public Task The_fix_rewrites_a_raw_named_thread_as_a_NamedWorker_keeping_its_name_and_settings() => Verify.Fix<RawThreadFix>("""
        using System;
        using System.Threading;

        class Player
        {
            void Video() { }

            void Run()
            {
                var video = {|TK001:new Thread(Video)|};
                video.Name = "video";
                video.IsBackground = true;
                video.Start();
                video.Join();
            }
        }
        """, """
        using System;
        using System.Threading;
        using ThreadKit;

        class Player
        {
            void Video() { }

            void Run()
            {
                var video = NamedWorker.Create("video", Video);
                video.IsBackground = true;
                video.Start();
                video.Join();
            }
        }
        """);

    [Fact]
    public Task The_fix_names_an_unnamed_thread_after_its_variable_and_keeps_a_loop_forever_body_synchronous() => Verify.Fix<RawThreadFix>("""
        using System;
        using System.Threading;

        class Poller
        {
            void Run()
            {
                Thread poller = {|TK001:new Thread(() =>
                {
                    while (true)
                    {
                        Thread.Sleep(100);
                    }
                })|};
                poller.Start();
            }
        }
        """, """
        using System;
        using System.Threading;
        using ThreadKit;

        class Poller
        {
            void Run()
            {
                NamedWorker poller = NamedWorker.Create("poller", (Action)(() =>
                {
                    while (true)
                    {
                        Thread.Sleep(100);
                    }
                }));
                poller.Start();
            }
        }
        """);
}
