#!/usr/bin/env bash
# Issue 19: the generated QR frame sets (QrFrameSet in the camera driver's test code), 1280x720 kiosk-like camera
# frames made reproducibly from a seed, each labelled with its payloads. Prints the count per kind of frame.
#   scripts/qr-frames.sh [tuning|held-out|<seed>] [frames a kind] [out-dir]
#   tuning:   seed 0x7e570019, the set the decoder was tuned on
#   held-out: seed 0x4e1d0071, the judging set (30 a kind: 390 frames with codes, 480 in all), not tuned on
# With an out-dir the frames are written as PNG with labels.tsv (file, kind, payloads); without, only counted.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-held-out}" in
  tuning) seed=0x7E570019 ;;
  held-out) seed=0x4E1D0071 ;;
  *) seed=$1 ;;
esac
per_kind=${2:-30}
jar=benchmarks/target/govkiosk-benchmarks.jar
if [[ ! -f $jar || -n "${REBUILD:-}" ]]; then
  echo "building the benchmarks ..."
  ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
fi
java -Xmx512m -Djava.awt.headless=true -cp "$jar" org.govkiosk.device.internal.driver.camera.frames.QrFrameSet \
  "$seed" "$per_kind" ${3:+"$3"}
