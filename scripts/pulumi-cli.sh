#!/bin/sh
# Provides the real Pulumi CLI for the tests, the demo and CI, and prints the PATH entries that hold it (one line,
# entries joined by ':') on stdout; what it did, and how long it took, goes to stderr.
#
#   PATH="$(sh scripts/pulumi-cli.sh):$PATH"      # build once (about 5 minutes), then reuse
#   sh scripts/pulumi-cli.sh --check               # print the entries if a CLI is ready, exit 1 if not; builds nothing
#
# A `pulumi` already on PATH is used when it is at least the @pulumi/pulumi version in package-lock.json and has a
# nodejs language host beside it. Otherwise the CLI is built from its published Go modules into a cache outside the
# clone, keyed by version, and reused by every later clone on the machine (Go's module and build caches help a
# rebuild). The CLI's release binaries cannot be downloaded here; the Go module proxy is reachable at build time.
# Nothing is fetched at test time.
#
# What is built, and why these versions:
# - pulumi, from github.com/pulumi/pulumi/pkg/v3 (cmd/pulumi) at PULUMI_CLI_VERSION: the newest version the proxy
#   served on 2026-12-02, at least the lock's @pulumi/pulumi. Its go.mod replaces its sibling sdk/v3 with a
#   relative path, which `go install` refuses, so it is built in a copy whose go.mod has that one replace dropped
#   (sdk/v3 then comes from the proxy at the version pkg/v3 requires).
# - pulumi-language-nodejs, which runs a Pulumi.yaml program. Its own module
#   (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is refused by the proxy at every version,
#   so it is built from github.com/pulumi/pulumi/sdk/v3 at PULUMI_LANGUAGE_HOST_VERSION, the newest sdk/v3 that
#   still carried it (it moved to its own module after that). The newer CLI falls back to the older host's RPCs
#   (GetRequiredPlugins for GetRequiredPackages); the tests under tests/cli prove preview, up, refresh and destroy.
#   One line of it is patched out: `defer close(responseChannel)` in its Run, which panicked now and then ("send on
#   closed channel", main.go:535) when the pipe goroutine reported the pipes' shutdown after the program ended; the
#   program had finished, but the update failed. Without the close, that late send blocks a goroutine of a process
#   about to exit. The patch level is part of the cache key, so an unpatched build is not reused.
# - pulumi-resource-pulumi-nodejs, the dynamic-provider plugin: our own script, scripts/pulumi-plugins/. It is put
#   beside the built pulumi, where the CLI's release ships it: the engine looks for its bundled plugins there, and
#   warns "using pulumi-resource-pulumi-nodejs from $PATH" on every run when it finds one elsewhere first.
set -eu

PULUMI_CLI_VERSION=${PULUMI_CLI_VERSION:-v3.276.0}
PULUMI_LANGUAGE_HOST_VERSION=${PULUMI_LANGUAGE_HOST_VERSION:-v3.68.0}

root=$(cd "$(dirname "$0")/.." && pwd)
plugins="$root/scripts/pulumi-plugins"
cache_root=${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-bucket-inventory/pulumi-cli}
LANGUAGE_HOST_PATCH=p1
cache="$cache_root/$PULUMI_CLI_VERSION-nodejs-$PULUMI_LANGUAGE_HOST_VERSION-$LANGUAGE_HOST_PATCH"
started=$(date +%s)

say() { echo "pulumi-cli: $*" >&2; }
elapsed() { echo "$(( $(date +%s) - started )) s"; }

# The oldest CLI we accept: the @pulumi/pulumi the lock installs (the CLI must be at least the SDK it runs).
minimum=v$(sed -n '/"node_modules\/@pulumi\/pulumi": {/,/}/s/.*"version": "\([^"]*\)".*/\1/p' "$root/package-lock.json" | head -n 1)

at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }

usable_on_path() {
  found=$(command -v pulumi 2>/dev/null) || return 1
  case "$found" in "$cache_root"/*) return 1 ;; esac
  version=$(pulumi version 2>/dev/null) || return 1
  at_least "$version" "$minimum" || { say "pulumi $version on PATH is older than $minimum; not using it"; return 1; }
  dir=$(dirname "$found")
  [ -x "$dir/pulumi-language-nodejs" ] || command -v pulumi-language-nodejs >/dev/null 2>&1 || {
    say "pulumi $version on PATH has no pulumi-language-nodejs beside it; not using it"; return 1; }
  say "using pulumi $version from PATH ($found)"
  if [ -x "$dir/pulumi-resource-pulumi-nodejs" ]; then echo "$dir"; else echo "$dir:$plugins"; fi
}

ready() { [ -x "$cache/bin/pulumi" ] && [ -x "$cache/bin/pulumi-language-nodejs" ] && [ -f "$cache/complete" ]; }

# Our dynamic-provider plugin beside the built pulumi, refreshed when this clone's copy differs (atomic: other
# clones may be running it).
bundle_plugin() {
  plugin=pulumi-resource-pulumi-nodejs
  cmp -s "$plugins/$plugin" "$cache/bin/$plugin" 2>/dev/null && return 0
  tmp=$(mktemp "$cache/bin/.$plugin.XXXXXX")
  cp "$plugins/$plugin" "$tmp"
  chmod 755 "$tmp"
  mv -f "$tmp" "$cache/bin/$plugin"
}

if usable_on_path; then exit 0; fi
if ready; then
  bundle_plugin
  say "using pulumi $PULUMI_CLI_VERSION built earlier in $cache"
  echo "$cache/bin"
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  say "no pulumi CLI on PATH and none built yet; 'sh scripts/pulumi-cli.sh' builds pulumi $PULUMI_CLI_VERSION (about 5 minutes, once per machine)"
  exit 1
fi

command -v go >/dev/null 2>&1 || { say "building the CLI needs Go (not found on PATH)"; exit 1; }
mkdir -p "$cache_root"
# One build at a time per machine (several clones may ask at once); the others wait and reuse it.
exec 9>"$cache_root/.lock"
flock 9
if ready; then
  bundle_plugin
  say "using pulumi $PULUMI_CLI_VERSION built by another process while this one waited ($(elapsed))"
  echo "$cache/bin"
  exit 0
fi

say "building pulumi $PULUMI_CLI_VERSION and pulumi-language-nodejs $PULUMI_LANGUAGE_HOST_VERSION with $(go version | cut -d' ' -f3) into $cache (once per machine; about 5 minutes)"
work=$(mktemp -d "$cache_root/build.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/bin"
export GOFLAGS="-mod=mod -buildvcs=false"

module_dir() { # module@version → a writable copy of its source
  src=$(go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
  [ -n "$src" ] || { say "the Go module proxy did not serve $1"; exit 1; }
  cp -R "$src" "$2"
  chmod -R u+w "$2"
}

say "  downloading github.com/pulumi/pulumi/pkg/v3@$PULUMI_CLI_VERSION"
module_dir "github.com/pulumi/pulumi/pkg/v3@$PULUMI_CLI_VERSION" "$work/pkg"
sed -i.orig '/^replace github.com\/pulumi\/pulumi\/sdk\/v3 =>/d' "$work/pkg/go.mod"
say "  compiling cmd/pulumi ($(elapsed) so far)"
(cd "$work/pkg" && go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_CLI_VERSION" \
  -o "$work/bin/pulumi" ./cmd/pulumi)

say "  downloading github.com/pulumi/pulumi/sdk/v3@$PULUMI_LANGUAGE_HOST_VERSION ($(elapsed) so far)"
module_dir "github.com/pulumi/pulumi/sdk/v3@$PULUMI_LANGUAGE_HOST_VERSION" "$work/sdk"
host_main="$work/sdk/nodejs/cmd/pulumi-language-nodejs/main.go"
grep -q '^	defer close(responseChannel)$' "$host_main" || { say "pulumi-language-nodejs $PULUMI_LANGUAGE_HOST_VERSION no longer has the line this script patches out"; exit 1; }
sed -i '/^	defer close(responseChannel)$/d' "$host_main"
say "  compiling nodejs/cmd/pulumi-language-nodejs ($(elapsed) so far)"
(cd "$work/sdk" && go build -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_LANGUAGE_HOST_VERSION" \
  -o "$work/bin/pulumi-language-nodejs" ./nodejs/cmd/pulumi-language-nodejs)

"$work/bin/pulumi" version >/dev/null
rm -rf "$cache"
mkdir -p "$cache"
mv "$work/bin" "$cache/bin"
bundle_plugin
date -u +%Y-%m-%dT%H:%M:%SZ > "$cache/complete"
say "built pulumi $("$cache/bin/pulumi" version) in $(elapsed)"
echo "$cache/bin"
