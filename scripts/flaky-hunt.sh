#!/usr/bin/env bash
# Hunts flaky tests: runs tests again and again and names every test that failed at least once.
#
#   bash scripts/flaky-hunt.sh clones N                # N clean clones of HEAD in a row, each runs .ci/run
#   bash scripts/flaky-hunt.sh class PATTERN M [LOAD]  # the test classes matching PATTERN (surefire's -Dtest),
#                                                      # M times, under LOAD CPU hogs of stress-ng (default: one per
#                                                      # core; 0: no load)
#   bash scripts/flaky-hunt.sh report DIR              # the summary of an earlier hunt's folder again
#
# Each run's surefire reports are kept under $FLAKY_OUT (default target/flaky-hunt/<time>) with its console log;
# the summary counts, per test, the runs it failed in. Exit status 1 when any test failed at least once, or when a
# run failed with no failing test to show for it (a build or script failure counts too).
# Example: bash scripts/flaky-hunt.sh class '*JourneyAppUiTest' 20
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
mode=${1:-}
out=${FLAKY_OUT:-$repo/target/flaky-hunt/$(date +%Y%m%d-%H%M%S)}
[ "$mode" = report ] && out="${2:?report needs the folder of a hunt}"
mkdir -p "$out"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# collect RUN DIR: copies every surefire XML report under DIR into $out/RUN/
collect() {
  local run="$1" dir="$2"
  mkdir -p "$out/$run"
  find "$dir" -path '*/target/surefire-reports/TEST-*.xml' -exec cp {} "$out/$run/" \; 2>/dev/null || true
}

summary() {
  python3 - "$out" <<'PY'
import collections, glob, os, sys
import xml.etree.ElementTree as ET
out = sys.argv[1]
runs = sorted(d for d in os.listdir(out) if os.path.isdir(os.path.join(out, d)))
failed = collections.defaultdict(list)
cases = 0
for run in runs:
    for f in glob.glob(os.path.join(out, run, "TEST-*.xml")):
        for tc in ET.parse(f).getroot().iter("testcase"):
            cases += 1
            if tc.find("failure") is not None or tc.find("error") is not None:
                failed[f'{tc.get("classname")}.{tc.get("name")}'].append(run)
bad_runs = [l.split()[0] for l in open(os.path.join(out, "runs.txt")) if l.split()[1] != "0"]
print(f"flaky-hunt: {len(runs)} runs, {cases} test executions, reports in {out}")
for name, where in sorted(failed.items()):
    print(f"  FAILED {len(where)}/{len(runs)}: {name} (in {', '.join(where)})")
unexplained = [r for r in bad_runs if not any(r in w for w in failed.values())]
for r in unexplained:
    print(f"  RUN FAILED without a failing test: {r} (see {os.path.join(out, r + '.log')})")
if cases == 0:
    print("  no test ran: does the pattern name a test class?")
elif not failed and not unexplained:
    print("  no test failed")
sys.exit(1 if failed or unexplained or cases == 0 else 0)
PY
}

case "$mode" in
  clones)
    n=${2:-5}
    [[ "$n" =~ ^[0-9]+$ ]] || usage
    head=$(git rev-parse HEAD)
    : > "$out/runs.txt"
    echo "flaky-hunt: $n clean clones of $head, each running .ci/run (CI=true)"
    for i in $(seq 1 "$n"); do
      clone=$(mktemp -d "${TMPDIR:-/tmp}/govkiosk-clone.XXXXXX")
      git clone -q --no-local "$repo" "$clone/govkiosk"
      git -C "$clone/govkiosk" checkout -q "$head"
      t0=$(date +%s)
      code=0
      (cd "$clone/govkiosk" && CI=true bash .ci/run </dev/null) > "$out/clone-$i.log" 2>&1 || code=$?
      echo "clone-$i $code $(( $(date +%s) - t0 ))" >> "$out/runs.txt"
      echo "  clone $i: exit $code after $(( $(date +%s) - t0 )) s"
      collect "clone-$i" "$clone/govkiosk"
      rm -rf "$clone"
    done
    ;;
  class)
    pattern=${2:-}; m=${3:-20}; load=${4:-$(nproc)}
    [ -n "$pattern" ] && [[ "$m" =~ ^[0-9]+$ ]] && [[ "$load" =~ ^[0-9]+$ ]] || usage
    : > "$out/runs.txt"
    hog=""
    if [ "$load" -gt 0 ]; then
      command -v stress-ng >/dev/null 2>&1 || {
        echo "flaky-hunt: installing stress-ng"; apt-get install -y -q stress-ng </dev/null >/dev/null; }
      stress-ng --cpu "$load" --cpu-method matrixprod --quiet &
      hog=$!
      trap 'kill "$hog" 2>/dev/null || true' EXIT
    fi
    echo "flaky-hunt: tests $pattern, $m times, under $load stress-ng CPU hogs"
    ./mvnw -B -ntp -q test-compile >/dev/null
    for i in $(seq 1 "$m"); do
      find . -path '*/target/surefire-reports' -prune -exec rm -rf {} +
      t0=$(date +%s)
      code=0
      ./mvnw -B -ntp test -Dtest="$pattern" -Dsurefire.failIfNoSpecifiedTests=false </dev/null \
          > "$out/run-$i.log" 2>&1 || code=$?
      echo "run-$i $code $(( $(date +%s) - t0 ))" >> "$out/runs.txt"
      echo "  run $i: exit $code after $(( $(date +%s) - t0 )) s"
      collect "run-$i" .
    done
    ;;
  report) ;;
  *) usage ;;
esac
summary
