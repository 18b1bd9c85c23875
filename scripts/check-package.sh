#!/usr/bin/env bash
# Checks the package as it would be published (run `npm run build` first):
# the built files, publint, attw, and `api-error-kit/core` in a project without React.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

node scripts/check-dist.mjs

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"

# Each check prints its full output only when it fails.
quietly() {
  local output
  if ! output="$("$@" 2>&1)"; then
    printf '%s\n' "$output"
    return 1
  fi
}

quietly npx publint run "$tarball" --strict
# ESM only: the CommonJS and node10 resolutions are out of scope; the stylesheet has no types.
quietly npx attw "$tarball" --profile esm-only --exclude-entrypoints styles.css
echo "✔ package: publint and attw find no problem in the tarball"

ky_version="$(node -p "require('./node_modules/ky/package.json').version")"
mkdir "$work/consumer"
cp scripts/smoke-core.mjs "$work/consumer/smoke-core.mjs"
cd "$work/consumer"
printf '{ "name": "consumer", "private": true, "type": "module" }\n' > package.json
# Optional peers (react, react-query) are not installed by npm; ky is required.
npm install --no-audit --no-fund --prefer-offline --loglevel=error "$tarball" "ky@$ky_version" > /dev/null
node smoke-core.mjs

# The published types in a consumer, on the lowest TypeScript the README declares and on TypeScript 7.
node "$root/scripts/check-consumer-types.mjs" "$tarball"
