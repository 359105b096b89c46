#!/usr/bin/env bash
# Every commit builds a version of its own: this commit's packages and those of a commit made on top of it have
# different versions, both prereleases of the next version, so a consumer's NuGet cache never keeps a stale build under
# a fresh build's version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/next" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

version_of() {
  dotnet msbuild "$1/src/ThreadKit/ThreadKit.csproj" -restore -t:MinVer -getProperty:Version -p:TreatWarningsAsErrors=true | tail -n 1
}

# A throwaway commit on a detached work tree of this one; the repository's branches are not touched.
git -C "$root" worktree add --detach "$work/next" HEAD >/dev/null 2>&1
git -C "$work/next" -c user.name=ci -c user.email=ci@localhost commit --allow-empty -q -m "a later commit"
current="$(version_of "$root")"
next="$(version_of "$work/next")"
echo "this commit: $current; the next: $next"
[[ "$current" =~ ^1\.1\.0-dev\.[0-9]+$ ]] || { echo "Expected 1.1.0-dev.<height>, got '$current'." >&2; exit 1; }
[[ "$current" != "$next" ]] || { echo "Two commits pack the same version, $current." >&2; exit 1; }
