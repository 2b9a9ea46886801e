#!/usr/bin/env bash
# Issue 5 benchmarks; they print figures and fail nothing on a timing.
#  1. The terminal's outbox: enqueue latency (each add fsync'd: WAL, synchronous=FULL) on this disk, and drain
#     throughput to the reference platform-server on loopback.      OUTBOX_CASES=500
#  2. The platform's intake with many terminals submitting signed cases at once.
#     INTAKE="50 100 10"   terminals, cases per terminal, warm-up cases per terminal
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building ..."
# One reactor run, so kiosk-app's classpath names the sibling modules' freshly built jars.
./mvnw -B -ntp -q -pl benchmarks,kiosk-app -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
echo
java -Xms256m -Xmx256m -cp "kiosk-app/target/test-classes:kiosk-app/target/classes:$(cat kiosk-app/target/bench-cp.txt)" \
    org.govkiosk.app.outbox.bench.OutboxBenchmark "$(mktemp -d -t govkiosk-outbox-XXXXXX)" "${OUTBOX_CASES:-500}" \
    2>/dev/null | grep -v '^[0-9][0-9]:[0-9][0-9]'
echo
# shellcheck disable=SC2086
java -Xms512m -Xmx512m -cp benchmarks/target/govkiosk-benchmarks.jar org.govkiosk.bench.PlatformIntakeBenchmark \
    ${INTAKE:-50 100 10}
