#!/usr/bin/env bash
# Lints the platform's OpenAPI document with Redocly CLI and Spectral, each with its recommended rules, at the
# versions pinned in tools/web-checks/package-lock.json (installed there with `npm ci`). Fails on any error of either
# tool; warnings are printed. Where node or npm is missing, or the install fails, it says so and fails under CI=true;
# elsewhere it skips, saying why. By default it lints the platform's document and the provincial 好差评 interface
# (province-haochaping.yaml); another document can be linted the same way: scripts/lint-openapi.sh FILE...
# With --install-only it installs the tools (and axe-core, which the page tests inject into Chromium) and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=tools/web-checks
install_only=false
if [ "${1:-}" = --install-only ]; then
  install_only=true
  shift
fi
docs=("$@")
[ ${#docs[@]} -gt 0 ] || docs=(platform-api/src/main/resources/openapi/govkiosk-platform.yaml
  platform-api/src/main/resources/openapi/province-haochaping.yaml)

cannot() {
  if [ "${CI:-}" = true ]; then
    echo "lint-openapi: FAILED: $1" >&2
    exit 1
  fi
  echo "lint-openapi: skipped: $1" >&2
  exit 0
}
command -v node >/dev/null 2>&1 || cannot "node is not installed (Debian package nodejs)"
command -v npm >/dev/null 2>&1 || cannot "npm is not installed (Debian package npm)"
# Installed from the lock file only when it changed since the last install (npm ci empties node_modules first).
stamp=$tools/node_modules/.package-lock.json
if [ ! -e "$stamp" ] || [ "$tools/package-lock.json" -nt "$stamp" ] || [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error) || cannot "npm ci in $tools failed"
fi
if [ "$install_only" = true ]; then
  echo "lint-openapi: tools installed in $tools"
  exit 0
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1
failed=0
for doc in "${docs[@]}"; do
  abs=$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")
  echo "lint-openapi: Redocly (recommended) on $doc"
  # Redocly prints a banner about Node 20's end of life on every run: noise, not a finding.
  (cd "$tools" && node_modules/.bin/redocly lint --config redocly.yaml --format=stylish "$abs") || failed=1
  echo "lint-openapi: Spectral (spectral:oas) on $doc"
  (cd "$tools" && node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error "$abs") || failed=1
done
if [ $failed -ne 0 ]; then
  echo "lint-openapi: FAILED: the OpenAPI document has lint errors (above)" >&2
  exit 1
fi
echo "lint-openapi: no errors"
