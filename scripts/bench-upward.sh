#!/usr/bin/env bash
# Issue 18 benchmark: upward delivery to the provincial 好差评 system. The reference platform (H2 in memory) drains
# RATINGS ratings from its outbox through the stand-in province on loopback (signed requests, signed answers, one
# request per delivery), under HMAC-SHA256 and HMAC-SM3 side by side, and with a province failing every third
# request. A benchmark: it prints figures and fails nothing on a timing.
#   RATINGS=300 BATCH=50
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/platform-bench.sh
. scripts/bench/platform-bench.sh
platform_bench ERROR org.govkiosk.platform.province.UpwardDeliveryBench "${RATINGS:-300}" "${BATCH:-50}"
