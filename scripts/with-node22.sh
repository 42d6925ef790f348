#!/bin/sh
# Runs a command under Node >= 22. Where the machine's node is older, Node 22 is fetched once from the npm
# registry (the `node` package ships the binary) into .cache/node22 and put first on PATH.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
  dir="$root/.cache/node22"
  if [ ! -x "$dir/node_modules/.bin/node" ]; then
    echo "node $(node --version 2>/dev/null) is older than 22: fetching Node 22 from the npm registry into .cache/node22" >&2
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error node@22 >&2
  fi
  PATH="$dir/node_modules/.bin:$PATH"
  export PATH
fi
exec "$@"
