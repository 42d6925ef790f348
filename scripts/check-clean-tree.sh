#!/bin/sh
# After the test suite (.ci/run): no test may write into the repository. Fails, listing the paths, when
#  - `git status --porcelain` shows an entry it did not show before the run (a test wrote or changed a file), or
#  - a file in a folder git ignores was written since the run began, other than the build's own outputs
#    (node_modules/, dist/, .cache/node22/): git status cannot see those, so their times are compared.
# Usage: git status --porcelain --untracked-files=all > "$before"; <run the tests>; sh scripts/check-clean-tree.sh "$before"
# ($before, outside the repository, is both the listing and the time the run began.)
set -eu
before="$1"
cd "$(dirname "$0")/.."
failed=0

changed="$(git status --porcelain --untracked-files=all | grep -vxF -f "$before" || true)"
if [ -n "$changed" ]; then
  echo "check-clean-tree: the test run left the working tree dirty (git status --porcelain):" >&2
  echo "$changed" | sed 's/^/  /' >&2
  failed=1
fi

written="$(find . \( -path ./.git -o -path ./node_modules -o -path ./dist -o -path ./.cache/node22 \) -prune \
  -o -type f -newer "$before" -print | sed 's#^\./##' | git check-ignore --stdin || true)"
if [ -n "$written" ]; then
  echo "check-clean-tree: the test run wrote into ignored folders of the repository (tests write under os.tmpdir()):" >&2
  echo "$written" | sed 's/^/  /' >&2
  failed=1
fi

[ "$failed" = 0 ] && echo "check-clean-tree: the test run wrote nothing into the repository"
exit "$failed"
