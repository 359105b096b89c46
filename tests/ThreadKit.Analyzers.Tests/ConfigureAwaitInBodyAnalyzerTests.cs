using System.Threading.Tasks;
using ThreadKit.CodeFixes;
using Xunit;
using Verify = ThreadKit.Analyzers.Tests.Verify<ThreadKit.Analyzers.ConfigureAwaitInBodyAnalyzer>;

namespace ThreadKit.Analyzers.Tests;

public sealed class ConfigureAwaitInBodyAnalyzerTests
{
    [Fact]
    public Task ConfigureAwait_false_in_an_async_worker_body_loop_item_or_pool_job_is_reported() => Verify.Analyzer("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using ThreadKit;

        class Feeds
        {
            void Run(HttpClient http, WorkerLoop loop, WorkerPool pool)
            {
                NamedWorker.Create("feed", async () => await http.GetStringAsync("https://example.com"){|TK005:.ConfigureAwait(false)|}).Start();
                loop.InvokeAsync(async () => { await Task.Delay(10){|TK005:.ConfigureAwait(false)|}; });
                pool.Start("job", async () => { await Task.Yield(); await Task.Delay(1){|TK005:.ConfigureAwait(false)|}; });
            }
        }
        """);

    [Fact]
    public Task ConfigureAwait_true_elsewhere_or_in_a_nested_lambda_is_not_reported() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using ThreadKit;

        class Library
        {
            // A library's own async method: ConfigureAwait(false) is right there.
            async Task SaveAsync() => await Task.Delay(1).ConfigureAwait(false);

            void Run(WorkerLoop loop)
            {
                loop.InvokeAsync(async () => await Task.Delay(1).ConfigureAwait(true));
                loop.InvokeAsync(async () => await Task.Run(async () => await Task.Delay(1).ConfigureAwait(false)));
                _ = Task.Run(async () => await Task.Delay(1).ConfigureAwait(false));
            }
        }
        """);

    [Fact]
    public Task The_fix_removes_ConfigureAwait_false() => Verify.Fix<RemoveConfigureAwaitFix>("""
        using System.Threading.Tasks;
        using ThreadKit;

        class Feeds
        {
            void Run() => NamedWorker.Create("feed", async () =>
            {
                await Task.Delay(10){|TK005:.ConfigureAwait(false)|};
            }).Start();
        }
        """, """
        using System.Threading.Tasks;
        using ThreadKit;

        class Feeds
        {
            void Run() => NamedWorker.Create("feed", async () =>
            {
                await Task.Delay(10);
            }).Start();
        }
        """);
}
