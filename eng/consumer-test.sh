#!/usr/bin/env bash
# Proves the package works the way users receive it: pack ThreadKit into a temporary folder, create a fresh console
# project outside the repository, reference ThreadKit by id and version from that folder, build it, run it, and
# compare its output with the tutorial's six lines.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$(dotnet msbuild "$root/src/ThreadKit/ThreadKit.csproj" -getProperty:Version)"
dotnet pack "$root/src/ThreadKit/ThreadKit.csproj" -c Release -o "$work/feed" -p:TreatWarningsAsErrors=true
test -f "$work/feed/ThreadKit.$version.nupkg"
test -f "$work/feed/ThreadKit.$version.snupkg"

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
cat > Consumer.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- A private package cache, so no copy of ThreadKit left by an earlier run can stand in for this one. -->
    <RestorePackagesPath>$work/packages</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ThreadKit" Version="$version" />
  </ItemGroup>
</Project>
XML
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
