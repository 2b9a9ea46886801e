#!/usr/bin/env bash
# Issue 21 benchmark: the province's deployment on this machine. 1, 2 and 3 platform instances (JVMs of their own)
# on one PostgreSQL behind HAProxy; terminals send signed heartbeats, pads hold their windows' event streams,
# terminals submit signed cases (first as fast as the platform answers them, then at CASE_RATE cases/s, a province's
# busy hour) and the windows post rating requests to any instance. Prints per instance count the
# intake (cases/s, p50/p99), the heartbeats answered, the pad push latency (p50/p99) and what limited it (each
# process's CPU from /proc, the machine's, PostgreSQL's pg_stat_activity). Fails nothing on a timing.
# Needs Debian's postgresql and haproxy. Sizes (defaults: the issue's full size):
#   TERMINALS=2000 PADS=5000 INSTANCES="1 2 3" SUBMITTERS=32 CASE_RATE=50 (0: no second measurement)
#   HEARTBEAT_SECONDS=30 RATING_REQUESTS=20
#   WARMUP_SECONDS=15 MEASURE_SECONDS=30 HEAP=768m (each instance's) PG_FSYNC=on
#   INTAKE (each instance's intake-concurrency; default: theirs, the cores)
# A small size runs in the test command (benchmarks' ProvinceBenchmarkTest).
set -euo pipefail
cd "$(dirname "$0")/.."
# 5,000 pads are 5,000 sockets in this JVM, as many in HAProxy (twice: client and server side) and in the
# instances: far above the usual 1,024 descriptors.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "building ..."
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests >/dev/null
echo "open files allowed: $(ulimit -n)"
java -Xms512m -Xmx1g -cp benchmarks/target/govkiosk-benchmarks.jar org.govkiosk.bench.province.ProvinceBenchmark
