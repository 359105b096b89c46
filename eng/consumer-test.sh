#!/usr/bin/env bash
# Proves the packages work the way users receive them: pack ThreadKit, ThreadKit.Hosting and
# ThreadKit.Diagnostics.Stacks into a temporary folder, create fresh console projects outside the repository that
# reference them by id and version from that folder, build and run them. The ThreadKit consumer must print the
# tutorial's six lines; the ThreadKit.Hosting consumer runs a generic host with a named worker and stops it, and is
# told which package to add when it asks for stacks without it; the stacks consumer dumps its blocked worker's stack.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$(dotnet msbuild "$root/src/ThreadKit/ThreadKit.csproj" -t:MinVer -getProperty:Version)"
for package in ThreadKit ThreadKit.Hosting ThreadKit.Diagnostics.Stacks; do
  dotnet pack "$root/src/$package/$package.csproj" -c Release -o "$work/feed" -p:TreatWarningsAsErrors=true
  test -f "$work/feed/$package.$version.nupkg"
  test -f "$work/feed/$package.$version.snupkg"
done

# A fresh console project that references packages by id and version, as a user's does:
#   consumer_project FILE WARNINGS_AS_ERRORS ID=VERSION...
consumer_project() {
  local file="$1" errors="$2" package
  shift 2
  {
    cat <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>$errors</TreatWarningsAsErrors>
    <!-- A private package cache, so no copy of ThreadKit left by an earlier run can stand in for this one. -->
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
XML
    for package in "$@"; do
      echo "    <PackageReference Include=\"${package%%=*}\" Version=\"${package#*=}\" />"
    done
    printf '  </ItemGroup>\n</Project>\n'
  } > "$file"
}

mkdir -p "$work/consumer"
cd "$work/consumer"
# Only the local feed: a net10.0 console app needs nothing else beyond the SDK's own targeting packs, and a registry
# that happened to hold a package of the same id and version could not stand in for the one just packed.
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML
consumer_project Consumer.csproj true "ThreadKit=$version"
cat > Program.cs <<'CS'
using ThreadKit;

Console.WriteLine($"thread {NamedWorker.CurrentThreadName} is running...");
Console.WriteLine("hello world!");
var t = NamedWorker.Create("TestThread", ThreadTest, "test");
t.Start();
t.Join();
Console.WriteLine($"thread {NamedWorker.CurrentThreadName} ended.");

static void ThreadTest(string name)
{
    Console.WriteLine($"thread {NamedWorker.CurrentThreadName} is running...");
    Console.WriteLine($"hello {name}");
    Console.WriteLine($"thread {NamedWorker.CurrentThreadName} ended.");
}
CS

dotnet build -c Release
actual="$(dotnet run -c Release --no-build)"
expected=$'thread MainThread is running...\nhello world!\nthread TestThread is running...\nhello test\nthread TestThread ended.\nthread MainThread ended.'
if [[ "$actual" != "$expected" ]]; then
  echo "The consumer's output differs from the seed:" >&2
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  exit 1
fi
echo "consumer of ThreadKit $version from a local feed printed the seed's six lines"

# ThreadKit.Hosting needs Microsoft.Extensions.* from the registry; source mapping keeps ThreadKit's own packages to the
# local feed, so a registry copy of the same id and version could not stand in for the ones just packed.
mkdir -p "$work/hosting"
cd "$work/hosting"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="ThreadKit" /><package pattern="ThreadKit.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
consumer_project HostingConsumer.csproj true "ThreadKit.Hosting=$version" Microsoft.Extensions.Hosting=10.0.0
cat > Program.cs <<'CS'
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThreadKit;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.ClearProviders();
if (args.Contains("--stacks"))
{
    // Without the stacks package, asking for stacks fails at the start, saying which package to add.
    builder.Services.AddThreadKitDiagnostics(options => options.CaptureStacksOnStall = true);
    try
    {
        await builder.Build().StartAsync();
    }
    catch (InvalidOperationException ex)
    {
        Console.WriteLine(ex.Message);
    }

    return;
}

builder.Services.AddNamedWorker("order-reader", (services, stoppingToken) =>
{
    Console.WriteLine($"hosted worker ran on {NamedWorker.CurrentThreadName}, pool thread: {Thread.CurrentThread.IsThreadPoolThread}");
    services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
    stoppingToken.WaitHandle.WaitOne();
});
await builder.Build().RunAsync();
Console.WriteLine("host stopped");
CS

dotnet build -c Release
actual="$(dotnet run -c Release --no-build)"
expected=$'hosted worker ran on order-reader, pool thread: False\nhost stopped'
if [[ "$actual" != "$expected" ]]; then
  echo "The ThreadKit.Hosting consumer's output differs:" >&2
  diff <(echo "$expected") <(echo "$actual") >&2 || true
  exit 1
fi
echo "consumer of ThreadKit.Hosting $version from a local feed ran a named hosted worker and stopped"
refusal="$(dotnet run -c Release --no-build -- --stacks)"
grep -q "does not reference the ThreadKit.Diagnostics.Stacks package" <<<"$refusal" || {
  echo "A hosting app that asks for stacks without the stacks package should be told which package to add; it printed: $refusal" >&2
  exit 1
}

# ThreadKit.Diagnostics.Stacks: a fresh app captures its own threads' stacks from the packed package.
mkdir -p "$work/stacks"
cd "$work/stacks"
cp "$work/hosting/nuget.config" .
consumer_project StacksConsumer.csproj true "ThreadKit.Diagnostics.Stacks=$version"
cat > Program.cs <<'CS'
using ThreadKit;

using var release = new ManualResetEventSlim();
using var blocked = new ManualResetEventSlim();
var worker = NamedWorker.Create("invoice-printer", () => Printer.WaitForPaper(blocked, release));
worker.Start();
blocked.Wait();
Console.Write(await WorkerStacks.DumpAsync());
release.Set();
worker.Join();

static class Printer
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public static void WaitForPaper(ManualResetEventSlim blocked, ManualResetEventSlim release)
    {
        blocked.Set();
        release.Wait();
    }
}
CS
dotnet build -c Release
dump="$(dotnet run -c Release --no-build)"
if ! grep -q '^"invoice-printer" worker nid=0x[0-9A-F]*$' <<<"$dump" || ! grep -q '^   at Printer.WaitForPaper$' <<<"$dump"; then
  echo "The ThreadKit.Diagnostics.Stacks consumer's dump lacks the blocked worker or its frame:" >&2
  echo "$dump" >&2
  exit 1
fi
echo "consumer of ThreadKit.Diagnostics.Stacks $version from a local feed dumped its blocked worker's stack by name"

# The analyzers, from the packed ThreadKit package with no extra reference: one mistake per rule, each reported on its
# line; a file of correct code with none; and `dotnet format analyzers` moving a raw named thread to a NamedWorker.
mkdir -p "$work/analyzers"
cd "$work/analyzers"
cp "$work/hosting/nuget.config" .
consumer_project AnalyzersConsumer.csproj false "ThreadKit=$version" Microsoft.Extensions.Hosting=10.0.0
# TK001 is information by default; a warning here, so that the build prints it beside the others.
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.TK001.severity = warning\n' > .editorconfig
cat > Mistakes.cs <<'CS'
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using ThreadKit;

static class Mistakes
{
    public static void Run(WorkerLoop loop)
    {
        var video = new Thread(() => Console.WriteLine("video")); // TK001
        video.Name = "video";
        video.Start();
        video.Join();
        Task.Factory.StartNew(async () => await Task.Delay(1), TaskCreationOptions.LongRunning); // TK002
        loop.Post(() => loop.InvokeAsync(() => 1).Wait()); // TK004
        NamedWorker.Create("feed", async () => await Task.Delay(1).ConfigureAwait(false)).Start(); // TK005
        Thread.CurrentThread.Priority = ThreadPriority.Highest; // TK006
        NamedWorker.Create("consumer", () => { while (true) { Thread.Sleep(1); } }).Start(); // TK007
    }
}

sealed class Poller : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) // TK003
    {
        Thread.Sleep(1000);
        return Task.CompletedTask;
    }
}
CS
cat > Correct.cs <<'CS'
using Microsoft.Extensions.Hosting;
using ThreadKit;

static class Correct
{
    public static async Task RunAsync(WorkerLoop loop)
    {
        var video = NamedWorker.Create("video", () => Console.WriteLine("video"));
        video.Priority = ThreadPriority.Highest;
        video.Start();
        video.Join();
        _ = Task.Run(async () => await Task.Delay(1));
        loop.Post(() => loop.Invoke(() => 1));
        await loop.InvokeAsync(async () => await Task.Delay(1));
        NamedWorker.Create("feed", async () => await Task.Delay(1)).Start();
        NamedWorker.Create("consumer", (Action)(() => { while (true) { Thread.Sleep(1); } })).Start();
        await Task.Delay(1).ConfigureAwait(false);
    }
}

sealed class Ticker : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(1000, stoppingToken);
        }
    }
}
CS
printf 'Console.WriteLine("analyzers");\n' > Program.cs
build="$(dotnet build -c Release --no-incremental 2>&1 || true)"
missing=""
for rule in TK001 TK002 TK003 TK004 TK005 TK006 TK007; do
  line="$(grep -n "// $rule\$" Mistakes.cs | cut -d: -f1)"
  grep -q "Mistakes.cs($line,[0-9]*): warning $rule:" <<<"$build" || missing="$missing $rule(line $line)"
done
if [[ -n "$missing" ]] || grep -q "Correct.cs([0-9,]*): warning TK" <<<"$build"; then
  echo "The analyzers from the packed package missed:${missing:- nothing}; or reported on correct code:" >&2
  grep "warning TK" <<<"$build" >&2 || true
  exit 1
fi
echo "consumer of ThreadKit $version got all seven rules on their lines, and none on correct code"

rm Mistakes.cs
cat > Raw.cs <<'CS'
static class Raw
{
    public static void Run()
    {
        var audio = new Thread(() => Console.WriteLine("audio"));
        audio.Name = "audio";
        audio.Start();
        audio.Join();
    }
}
CS
dotnet format analyzers --diagnostics TK001 --severity info --no-restore
if ! grep -q 'var audio = NamedWorker.Create("audio", () => Console.WriteLine("audio"));' Raw.cs || grep -q 'audio.Name' Raw.cs; then
  echo "dotnet format analyzers --diagnostics TK001 did not move the raw named thread to a NamedWorker:" >&2
  cat Raw.cs >&2
  exit 1
fi
echo "dotnet format analyzers --diagnostics TK001 rewrote a raw named thread as a NamedWorker"
