using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.Hosting;

namespace ThreadKit.Analyzers.Tests;

/// <summary>
/// Runs an analyzer, or an analyzer and its fix, over a user's source compiled against .NET 10's reference assemblies,
/// ThreadKit and ThreadKit.Hosting (with Microsoft.Extensions.Hosting.Abstractions), as a consumer's project would be.
/// Diagnostics are marked in the source: <c>{|TK001:code|}</c>.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    // ThreadKit's net10.0 asset, which the tests load, needs .NET 10's reference assemblies; the version is one NuGet serves.
    private static readonly ReferenceAssemblies Net10 = new("net10.0", new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"), Path.Combine("ref", "net10.0"));

    public static Task Analyzer(string source, bool withHosting = true, bool withThreadKit = true)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        Configure(test, withHosting && withThreadKit, withThreadKit, withThreadKitHosting: withHosting && withThreadKit);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task Fix<TFix>(string source, string fixedSource, int codeActionIndex = 0, bool withThreadKitHosting = true)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = codeActionIndex,
        };
        Configure(test, withHosting: true, withThreadKit: true, withThreadKitHosting);
        return test.RunAsync(CancellationToken.None);
    }

    private static void Configure(AnalyzerTest<DefaultVerifier> test, bool withHosting, bool withThreadKit, bool withThreadKitHosting)
    {
        test.ReferenceAssemblies = Net10;
        if (withThreadKit)
        {
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(NamedWorker).Assembly.Location));
        }

        if (withHosting)
        {
            if (withThreadKitHosting)
            {
                test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Hosting.NamedWorkerService).Assembly.Location));
            }

            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(BackgroundService).Assembly.Location));
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(BackgroundService).Assembly.Location)!, "Microsoft.Extensions.DependencyInjection.Abstractions.dll")));
        }
    }
}
