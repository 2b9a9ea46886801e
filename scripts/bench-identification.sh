#!/usr/bin/env bash
# Issue 3 benchmarks: ID card read latency (last byte of the read answer -> IdCardRead published, next to the
# answer's wire time at 115200 baud) and ZXing decode time of 1280x720 camera frames; issue 19: the USB camera's
# capture path through GStreamer (frames/s captured and decoded, CPU per frame at 640x480 and 1280x720, GStreamer's
# videotestsrc in place of the camera; needs gstreamer1.0-plugins-base and -good, as scripts/test-all.sh installs).
# A benchmark: it prints figures and fails nothing on a timing. Runs in about 3 minutes on 2 cores.
#   ID_READS="300 1000"   warm-up and measured ID card reads
#   QR_ROUNDS="10 100"    warm-up and measured rounds over the QR frames
#   CAMERA_SECONDS=8      seconds measured per camera run (six runs)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/govkiosk-benchmarks.jar
echo "building the benchmarks ..."
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
log=$(mktemp -t govkiosk-bench-XXXXXX.log)
# A fixed heap, so a run is not measured while the heap grows.
java_opts=(-Xms256m -Xmx256m -Djava.awt.headless=true -Dgovkiosk.bench.log="$log")
# shellcheck disable=SC2086
java "${java_opts[@]}" -cp "$jar" org.govkiosk.bench.IdCardReadLatencyBenchmark ${ID_READS:-300 1000}
# shellcheck disable=SC2086
java "${java_opts[@]}" -cp "$jar" org.govkiosk.bench.QrDecodeBenchmark ${QR_ROUNDS:-10 100}
# shellcheck disable=SC2086
java "${java_opts[@]}" -cp "$jar" org.govkiosk.bench.CameraCaptureBenchmark ${CAMERA_SECONDS:-8}
echo
echo "(driver log of the runs: $log)"
