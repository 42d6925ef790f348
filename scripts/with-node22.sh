#!/bin/sh
# Runs a command under Node >= 22.19 (undici 8's minimum). Where the machine's node is older, Node 22 is fetched
# once from the npm registry (the `node` package ships the binary) into .cache/node22 and put first on PATH.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
old=$(node -p 'const [a, b] = process.versions.node.split(".").map(Number); a < 22 || (a === 22 && b < 19) ? 1 : 0' 2>/dev/null || echo 1)
if [ "$old" = 1 ]; then
  dir="$root/.cache/node22"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    echo "node $(node --version 2>/dev/null) is older than 22.19: fetching Node 22 from the npm registry into .cache/node22" >&2
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error node@22 >&2
  fi
  PATH="$dir/node_modules/.bin:$PATH"
  export PATH
fi
exec "$@"
