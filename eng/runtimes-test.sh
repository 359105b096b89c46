#!/usr/bin/env bash
# Proves where the netstandard2.0 asset runs, as the README's "Supported frameworks" table says: packs ThreadKit into
# a local feed, then builds the tutorial's program against the package for two more runtimes and checks that each
# prints the tutorial's six lines.
#   - Mono: a net462 console app, compiled with Microsoft.NETFramework.ReferenceAssemblies and run with `mono`.
#     Debian's mono-complete is installed when it is missing: a partial Mono lacks
#     System.Runtime.InteropServices.RuntimeInformation, which ThreadKit needs to find the platform.
#   - .NET 8: a net8.0 app published self-contained for linux-x64, so its runtime comes from NuGet's runtime pack and
#     no shared .NET 8 install is needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

expected=$'thread MainThread is running...\nhello world!\nthread TestThread is running...\nhello test\nthread TestThread ended.\nthread MainThread ended.'
same_as_seed() {
  local runtime="$1" actual="$2"
  if [[ "$actual" != "$expected" ]]; then
    echo "On $runtime, the seed program's output differs from the tutorial's six lines:" >&2
    diff <(echo "$expected") <(echo "$actual") >&2 || true
    return 1
  fi
  echo "$runtime: the seed program printed the tutorial's six lines"
}

ensure_mono() {
  if command -v mono >/dev/null && [[ -f /usr/lib/mono/4.5/Facades/System.Runtime.InteropServices.RuntimeInformation.dll ]]; then
    return
  fi
  echo "Installing Debian's mono-complete"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mono-complete >/dev/null
}

version="$(dotnet msbuild "$root/src/ThreadKit/ThreadKit.csproj" -t:MinVer -getProperty:Version)"
dotnet pack "$root/src/ThreadKit/ThreadKit.csproj" -c Release -o "$work/feed" -p:TreatWarningsAsErrors=true

# The local feed holds ThreadKit; the registry is still needed for the reference assemblies, the runtime pack and the
# netstandard2.0 asset's own dependencies. Package source mapping keeps ThreadKit itself to the local feed.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="ThreadKit" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

cat > "$work/Program.cs" <<'CS'
using System;
using ThreadKit;

internal static class Program
{
    private static void Main()
    {
        Console.WriteLine("thread " + NamedWorker.CurrentThreadName + " is running...");
        Console.WriteLine("hello world!");
        var t = NamedWorker.Create("TestThread", ThreadTest, "test");
        t.Start();
        t.Join();
        Console.WriteLine("thread " + NamedWorker.CurrentThreadName + " ended.");
    }

    private static void ThreadTest(string name)
    {
        Console.WriteLine("thread " + NamedWorker.CurrentThreadName + " is running...");
        Console.WriteLine("hello " + name);
        Console.WriteLine("thread " + NamedWorker.CurrentThreadName + " ended.");
    }
}
CS

make_app() {
  local dir="$work/$1" framework="$2" extra="$3"
  mkdir -p "$dir"
  cp "$work/Program.cs" "$dir/"
  cat > "$dir/Seed.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>$framework</TargetFramework>
    <LangVersion>latest</LangVersion>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- A private package cache, so no copy of ThreadKit left by an earlier run can stand in for this one. -->
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ThreadKit" Version="$version" />
    $extra
  </ItemGroup>
</Project>
XML
}

status=0

ensure_mono
make_app mono net462 '<PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />'
dotnet build "$work/mono" -c Release --configfile "$work/nuget.config" -o "$work/mono/out" >"$work/mono.log" 2>&1 ||
  { cat "$work/mono.log" >&2; exit 1; }
same_as_seed "Mono $(mono --version | head -1 | awk '{print $5}') (net462)" "$(mono "$work/mono/out/Seed.exe")" || status=1

make_app net8 net8.0 ''
dotnet publish "$work/net8" -c Release -r linux-x64 --self-contained --configfile "$work/nuget.config" \
  -o "$work/net8/out" >"$work/net8.log" 2>&1 || { cat "$work/net8.log" >&2; exit 1; }
runtime_version="$(grep -o '"version": "8[^"]*"' "$work/net8/out/Seed.runtimeconfig.json" | head -1 | cut -d'"' -f4 || true)"
same_as_seed ".NET ${runtime_version:-8} self-contained (net8.0)" "$("$work/net8/out/Seed")" || status=1

exit $status
