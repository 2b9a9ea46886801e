#!/usr/bin/env bash
# Issue 18 benchmark: the period rating reports (JSON, CSV, printable and published pages) over a month of N ratings,
# beside the per-level summary of the same period, measured in the same run (H2 in memory, loopback).
# A benchmark: it prints figures and fails nothing on a timing.
#   RATINGS=5000 ROUNDS=20
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/platform-bench.sh
. scripts/bench/platform-bench.sh
platform_bench WARN org.govkiosk.platform.ratings.bench.RatingReportBench "${RATINGS:-5000}" "${ROUNDS:-20}"
