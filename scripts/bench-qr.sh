#!/usr/bin/env bash
# Issue 19: QR read rate and time per frame on the held-out generated frame set (scripts/qr-frames.sh), per kind of
# frame and overall, frames with no code apart, for the camera decoder before (main's) and after, plain ZXing, ZXing
# trying harder and BoofCV alone, all in one run. A benchmark: prints figures, fails nothing on a timing.
# About 10 minutes on 2 busy cores.
#   QR_SET="<seed> <frames a kind>"   default: the held-out seed, 30 a kind (390 frames with codes, 480 in all)
#   QR_DECODERS=main,ours,zxing,zxing-harder,boofcv
set -euo pipefail
cd "$(dirname "$0")/.."
jar=benchmarks/target/govkiosk-benchmarks.jar
echo "building the benchmarks ..."
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
log=$(mktemp -t govkiosk-bench-XXXXXX.log)
# shellcheck disable=SC2086
java -Xms512m -Xmx512m -Djava.awt.headless=true -Dgovkiosk.bench.log="$log" -cp "$jar" \
  org.govkiosk.bench.QrReadRateBenchmark ${QR_SET:-0x4E1D0071 30} "${QR_DECODERS:-main,ours,zxing,zxing-harder,boofcv}" \
  ${QR_PATHS:+--paths}
