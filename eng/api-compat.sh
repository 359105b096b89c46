#!/usr/bin/env bash
# Checks that ThreadKit's public API is a compatible superset of 1.0.0's: packs 1.0.0 from the commit it was released
# from (tagged v1.0.0; named by hash here, since a clone may not carry tags), then packs the current source with
# package validation against that package as its baseline. A removed or changed member fails the pack.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
release_commit=b50baf8   # v1.0.0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/v1.0.0"
git -C "$root" archive "$release_commit" | tar -x -C "$work/v1.0.0"
dotnet pack "$work/v1.0.0/src/ThreadKit" -c Release -o "$work/baseline" -p:VersionSuffix= --nologo -v quiet
baseline="$work/baseline/ThreadKit.1.0.0.nupkg"
test -f "$baseline"

dotnet pack "$root/src/ThreadKit" -c Release -o "$work/current" --nologo -v quiet \
  -p:PackageValidationBaselinePath="$baseline" -p:TreatWarningsAsErrors=true
echo "ThreadKit $(dotnet msbuild "$root/src/ThreadKit/ThreadKit.csproj" -t:MinVer -getProperty:Version) is API-compatible with 1.0.0."
