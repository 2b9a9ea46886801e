#!/usr/bin/env bash
# Issue 5 benchmark: the reference platform's intake with many terminals at once (signed case submissions,
# stored in an H2 file database, over loopback). Prints figures, fails nothing on a timing.
#   INTAKE="50 100 10"   terminals, cases per terminal, warm-up cases per terminal
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/govkiosk-benchmarks.jar
echo "building the benchmarks ..."
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
# shellcheck disable=SC2086
java -Xms512m -Xmx512m -cp "$jar" org.govkiosk.bench.PlatformIntakeBenchmark ${INTAKE:-50 100 10}
