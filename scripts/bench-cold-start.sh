#!/usr/bin/env bash
# Cold start of the terminal beside its peer, a bare JavaFX window with one label (scripts/bench/BareWindow.java,
# same JVM, same JavaFX jars, same virtual screen), in one run: each run starts the peer, then the terminal in demo
# mode (with its class-data-sharing archive, as scripts/demo.sh starts it; and once more without), from JVM start
# to the first screen shown (the terminal's attract screen, devices up), and reads the peak memory of each process
# (maximum resident set, /usr/bin/time). The terminal runs with the serial collector and the heap settings of its
# package's launcher; the peer runs with the JVM's defaults and once more with that collector. Prints every run, the medians
# and the terminal's ratio to the peer for both. A benchmark: it prints figures and fails nothing on a timing.
#   RUNS=5          runs of each (the first of each is a warm-up of the disk cache, not counted)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
[ -x /usr/bin/time ] || need+=(time)
ldconfig -p | grep -q libgtk-3.so.0 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" </dev/null
fi
jar=kiosk-app/target/govkiosk-terminal.jar
[ -f "$jar" ] || ./mvnw -B -q -ntp install -DskipTests
peer=$(mktemp -d)
trap 'rm -rf "$peer"' EXIT
javac -cp "$jar" -d "$peer" scripts/bench/BareWindow.java

# run NAME COMMAND...: prints "ms rss_kib" of one start, or "failed"
run() {
  local out
  out=$(xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/time -f "PEAK_RSS_KIB %M" "$@" 2>&1 || true)
  local ms rss
  ms=$(awk '/^STARTUP_MS/ {print $2}' <<<"$out")
  rss=$(awk '/^PEAK_RSS_KIB/ {print $2}' <<<"$out")
  [ -n "$ms" ] && [ -n "$rss" ] && echo "$ms $rss" || echo failed
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

terminal=(java -XX:+UseSerialGC -Xms32m -Xmx512m -Dgovkiosk.exitAfterStart=true -Dgovkiosk.log.level=WARN -Dgovkiosk.config.dir=config)
# The terminal as scripts/demo.sh starts it: with its class-data-sharing archive, recorded by the warm-up run.
jsa="$peer/terminal.jsa"
peer_ms=(); peer_rss=(); term_ms=(); term_rss=(); plain_ms=(); sp_ms=(); sp_rss=()
printf '%-6s %10s %14s %14s %16s %18s %16s %18s\n' run peer_ms peer_rss_mib terminal_ms terminal_rss_mib \
    terminal_no_cds_ms peer_serial_ms peer_serial_rss_mib
for i in $(seq 0 "$runs"); do
  if [ "$i" = 0 ]; then
    p=$(run java -cp "$peer:$jar" 'BareWindow$Main')
    t=$(run "${terminal[@]}" -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" --demo --windowed)
    echo "warm-up (records the archive): peer $p, terminal $t"
    continue
  fi
  p=$(run java -cp "$peer:$jar" 'BareWindow$Main')
  t=$(run "${terminal[@]}" -XX:SharedArchiveFile="$jsa" -jar "$jar" --demo --windowed)
  n=$(run "${terminal[@]}" -jar "$jar" --demo --windowed)
  # The peer again with the terminal's collector, so the ratios can be read both ways.
  q=$(run java -XX:+UseSerialGC -cp "$peer:$jar" 'BareWindow$Main')
  read -r pm pr <<<"$p"; read -r tm tr <<<"$t"; read -r nm _ <<<"$n"; read -r qm qr <<<"$q"
  printf '%-6s %10s %14s %14s %16s %18s %16s %18s\n' "$i" "$pm" "$(( ${pr:-0} / 1024 ))" "$tm" \
      "$(( ${tr:-0} / 1024 ))" "$nm" "$qm" "$(( ${qr:-0} / 1024 ))"
  [ "$q" != failed ] && { sp_ms+=("$qm"); sp_rss+=("$qr"); }
  [ "$p" != failed ] && { peer_ms+=("$pm"); peer_rss+=("$pr"); }
  [ "$t" != failed ] && { term_ms+=("$tm"); term_rss+=("$tr"); }
  [ "$n" != failed ] && plain_ms+=("$nm")
done
[ ${#term_ms[@]} -gt 0 ] && [ ${#peer_ms[@]} -gt 0 ] || { echo "no run reached its first screen" >&2; exit 1; }
pm=$(printf '%s\n' "${peer_ms[@]}" | median); tm=$(printf '%s\n' "${term_ms[@]}" | median)
pr=$(printf '%s\n' "${peer_rss[@]}" | median); tr=$(printf '%s\n' "${term_rss[@]}" | median)
echo "bare JavaFX window: median ${pm} ms to its window, peak ${pr} KiB"
echo "terminal (demo):    median ${tm} ms to its attract screen, peak ${tr} KiB"
[ ${#plain_ms[@]} -gt 0 ] && echo "terminal without its class-data-sharing archive: median $(printf '%s\n' "${plain_ms[@]}" | median) ms"
awk -v t="$tm" -v p="$pm" -v tr="$tr" -v pr="$pr" 'BEGIN {
  printf "ratio terminal/peer: start %.2f× (goal ≤ 1.3×), peak memory %.2f× (goal ≤ 2×)\n", t / p, tr / pr }'
if [ ${#sp_ms[@]} -gt 0 ]; then
  qm=$(printf '%s\n' "${sp_ms[@]}" | median); qr=$(printf '%s\n' "${sp_rss[@]}" | median)
  echo "bare JavaFX window with the terminal's collector (-XX:+UseSerialGC): median ${qm} ms, peak ${qr} KiB"
  awk -v t="$tm" -v p="$qm" -v tr="$tr" -v pr="$qr" 'BEGIN {
    printf "ratio terminal/peer with the same collector: start %.2f×, peak memory %.2f×\n", t / p, tr / pr }'
fi
echo "cold start to attract screen: median ${tm} ms over ${#term_ms[@]} runs"
