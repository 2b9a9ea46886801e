#!/usr/bin/env bash
# Issue 7 benchmark: request-to-pad latency with many rating pads connected to the reference platform on loopback
# (real signed SSE streams, H2 in memory). Latency runs from the window business system's POST until the pad's
# client has read the event. A benchmark: it prints figures and fails nothing on a timing.
#   PADS=500 REQUESTS=1000 SENDERS=8
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/platform-bench.sh
. scripts/bench/platform-bench.sh
platform_bench WARN org.govkiosk.platform.pads.bench.PadLatencyBench "${PADS:-500}" "${REQUESTS:-1000}" "${SENDERS:-8}"
