#!/usr/bin/env bash
# Issue 8: the soak. Simulated citizen sessions, headless (identify with an ID card, apply, print the receipt, rate,
# end the session), on several terminals against the reference platform-server on loopback (a child JVM of its own:
# an outage stops it with SIGTERM or SIGKILL and starts it again on the same port and H2 file), with devices and the
# platform failing at random. Every checkpoint prints the old generation after a full GC, the terminals' live
# threads, open file descriptors, outbox depth, entries confirmed and elapsed time; the end checks in the
# platform's store that every case and rating is there exactly once and judges growth first -> last checkpoint
# against 5 %. Exit code 0 only on PASS.
#   scripts/soak.sh [sessions=100000] [checkpoint-every=sessions/10]
#   SOAK_TERMINALS=4  SOAK_SEED=n  SOAK_DIR=/path (kept; default a temp dir, removed on PASS)
set -euo pipefail
cd "$(dirname "$0")/.."
sessions="${1:-100000}"
every="${2:-$(( sessions / 10 > 0 ? sessions / 10 : 1 ))}"
dir="${SOAK_DIR:-$(mktemp -d -t govkiosk-soak-XXXXXX)}"
mkdir -p "$dir"
echo "building ..."
./mvnw -B -ntp -q -pl kiosk-app -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/soak-cp.txt -Dmdep.includeScope=test >/dev/null
cd kiosk-app
set +e
# A fixed heap, so "heap after GC" is measured against the same ceiling at every checkpoint.
java -Xms256m -Xmx256m -Dlogback.configurationFile=src/test/resources/soak-logback.xml -Dsoak.log="$dir/soak.log" \
    -cp "target/test-classes:target/classes:$(cat target/soak-cp.txt)" org.govkiosk.app.soak.SoakHarness \
    "$sessions" "$every" "${SOAK_TERMINALS:-4}" "$dir" ${SOAK_SEED:+"$SOAK_SEED"}
status=$?
set -e
if [[ $status -eq 0 && -z "${SOAK_DIR:-}" ]]; then
    rm -rf "$dir"
else
    echo "data and log kept in $dir"
fi
exit $status
