using System.Threading.Tasks;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.LoopSelfWaitAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class LoopSelfWaitAnalyzerTests
{
    [Fact]
    public Task Each_blocking_wait_on_a_loop_from_work_posted_to_that_loop_is_reported() => Verify.Analyzer("""
        using ThreadKit;

        class Database
        {
            private readonly WorkerLoop _sqlite = WorkerLoop.Start("sqlite");

            void Save(WorkerLoop loop)
            {
                loop.Post(() => { var n = {|TK004:loop.InvokeAsync(() => 42).Result|}; });
                _sqlite.Post(() => {|TK004:_sqlite.InvokeAsync(() => { }).Wait()|});
                _sqlite.InvokeAsync(() => {|TK004:_sqlite.InvokeAsync(() => 1).GetAwaiter().GetResult()|});
            }
        }
        """);

    [Fact]
    public Task Invoke_which_runs_inline_on_its_own_loop_waiting_on_another_loop_from_outside_or_from_a_nested_lambda_is_not_reported() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using ThreadKit;

        class Database
        {
            async Task Save(WorkerLoop loop, WorkerLoop other)
            {
                var fromOutside = loop.Invoke(() => 42);
                loop.Post(() => loop.Invoke(() => 42));
                loop.Post(() => other.Invoke(() => 1));
                loop.Post(() => Task.Run(() => loop.Invoke(() => 2)));
                await loop.InvokeAsync(async () => await loop.InvokeAsync(() => 3));
            }
        }
        """);
}
