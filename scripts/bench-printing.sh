#!/usr/bin/env bash
# Issue 4 benchmarks: the first completion certificate after start (font search and parse included), each in a
# fresh JVM; then steady-state time and size per certificate and the ESC/POS job build time.
# A benchmark: it prints figures and fails nothing on a timing. Runs in about a minute on 2 cores.
#   RUNS=5                  fresh JVMs for the first certificate
#   STEADY="100 300"        warm-up and measured certificates
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
font=/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc
if [ ! -e "$font" ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  echo "installing the CJK font (fonts-wqy-zenhei) ..."
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-wqy-zenhei </dev/null \
    >/dev/null || echo "could not install fonts-wqy-zenhei; the font search takes the first CJK font it finds" >&2
fi
jar=benchmarks/target/govkiosk-benchmarks.jar
echo "building the benchmarks ..."
./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests
templates=config/templates
log=$(mktemp -t govkiosk-bench-XXXXXX.log)
java_opts=(-Djava.awt.headless=true -Dgovkiosk.bench.log="$log")
# The fresh JVMs of the first certificate run with the terminal's JVM options (collector, heap, compiler), as the
# terminal's own render thread does.
. scripts/terminal-jvm.sh

echo
echo "First completion certificate after start, one fresh JVM each with the terminal's JVM options (templates load,"
echo "font search + parse, render)"
printf '  %-4s %12s %10s %10s %10s %10s %14s\n' run templates_ms font_ms render_ms total_ms bytes jvm_uptime_ms
totals=(); renders=()
for i in $(seq 1 "$runs"); do
  line=$(java "${terminal_jvm_opts[@]}" "${java_opts[@]}" -cp "$jar" org.govkiosk.bench.CertificateBenchmark first "$templates" | grep '^FIRST ')
  val() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$line"; }
  printf '  %-4s %12s %10s %10s %10s %10s %14s\n' "$i" "$(val templates_ms)" "$(val font_ms)" "$(val render_ms)" \
    "$(val total_ms)" "$(val bytes)" "$(val jvm_uptime_ms)"
  totals+=("$(val total_ms)")
  renders+=("$(val render_ms)")
  fontfile=$(val font)
done
median=$(printf '%s\n' "${totals[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "  first certificate: median ${median} ms over ${runs} fresh JVMs (font: ${fontfile})"
# A terminal loads its templates at start and parses the font on its render thread once its first screen shows, so
# what a citizen waits for after a start is the render alone (its first run: cold code, fresh caches).
render_median=$(printf '%s\n' "${renders[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "  first certificate asked for after a start (templates and font loaded by the start): median ${render_median} ms (goal ≤ 400 ms)"

# shellcheck disable=SC2086
java -Xms256m -Xmx256m "${java_opts[@]}" -cp "$jar" org.govkiosk.bench.CertificateBenchmark steady "$templates" \
  ${STEADY:-100 300}
echo
echo "(log of the runs: $log)"
