#!/usr/bin/env bash
# Cold start of the terminal beside its peer, a bare JavaFX window with one label (scripts/bench/BareWindow.java,
# same JVM, same JavaFX jars, same virtual screen), in one run: each run starts the peer, then the terminal in demo
# mode (with its class-data-sharing archive, as scripts/demo.sh starts it; and once more without), from JVM start
# to the first screen shown (the terminal's attract screen, devices up), and reads the peak memory of each process
# (maximum resident set, /usr/bin/time). The terminal runs with its package launcher's JVM options (collector, heap,
# compiler: scripts/terminal-jvm.sh); the peer runs with the JVM's defaults and once more with those options. Prints every run, the medians
# and the terminal's ratio to the peer for both. Memory twice: the peak up to the first screen (VmHWM read by each
# process when its window shows) and the process's peak to its exit (what runs after the first screen included: the
# demo's embedded platform starts then, and the harness's exit waits for it). The load average before and after, as
# the machine may be shared. A benchmark: it prints figures and fails nothing on a timing.
#   RUNS=5          runs of each (the first of each is a warm-up of the disk cache, not counted)
#   TERMINAL_JAR=…  another build of the terminal to measure (default kiosk-app/target/govkiosk-terminal.jar)
# Beside wall time, each process prints the CPU time all its threads spent up to its first screen: on a machine
# shared with other work, wall time stretches with the load and CPU time much less.
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
jar=${TERMINAL_JAR:-kiosk-app/target/govkiosk-terminal.jar}
[ -f "$jar" ] || ./mvnw -B -q -ntp install -DskipTests
peer=$(mktemp -d)
trap 'rm -rf "$peer"' EXIT
javac -cp "$jar" -d "$peer" scripts/bench/BareWindow.java

# run NAME COMMAND...: prints "ms rss_kib rss_at_screen_kib cpu_ms_at_screen" of one start, or "failed"
run() {
  local out
  out=$(xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/time -f "PEAK_RSS_KIB %M" "$@" 2>&1 || true)
  local ms rss screen
  ms=$(awk '/^STARTUP_MS/ {print $2}' <<<"$out")
  rss=$(awk '/^PEAK_RSS_KIB/ {print $2}' <<<"$out")
  screen=$(awk '/^PEAK_RSS_AT_SCREEN_KIB/ {print $2}' <<<"$out")
  cpu=$(awk '/^CPU_MS_AT_SCREEN/ {print $2}' <<<"$out")
  [ -n "$ms" ] && [ -n "$rss" ] && echo "$ms $rss ${screen:-0} ${cpu:-0}" || echo failed
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# sqlite-jdbc's native library from a copy beside the jar, as scripts/demo.sh loads it (sqlite-native.sh).
. scripts/sqlite-native.sh
sqlite_native "$jar"
# The JVM options of the package's launcher and the demo (collector, heap, compiler).
. scripts/terminal-jvm.sh
terminal=(java "${sqlite_opts[@]}" "${terminal_jvm_opts[@]}" -Dgovkiosk.exitAfterStart=true -Dgovkiosk.log.level=WARN -Dgovkiosk.config.dir=config)
# The terminal as scripts/demo.sh starts it: with its class-data-sharing archive, recorded by the warm-up run.
jsa="$peer/terminal.jsa"
peer_ms=(); peer_rss=(); term_ms=(); term_rss=(); plain_ms=(); sp_ms=(); sp_rss=(); peer_scr=(); term_scr=(); peer_cpu=(); term_cpu=()
printf '%-6s %10s %14s %14s %16s %18s %16s %18s %20s %24s %12s %16s\n' run peer_ms peer_rss_mib terminal_ms \
    terminal_rss_mib terminal_no_cds_ms peer_same_opts_ms peer_same_opts_rss_mib peer_at_screen_mib terminal_at_screen_mib \
    peer_cpu_ms terminal_cpu_ms
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
  # The peer again with the terminal's JVM options, so the ratios can be read both ways.
  q=$(run java "${terminal_jvm_opts[@]}" -cp "$peer:$jar" 'BareWindow$Main')
  read -r pm pr ps pc <<<"$p"; read -r tm tr ts tc <<<"$t"; read -r nm _ <<<"$n"; read -r qm qr _ <<<"$q"
  printf '%-6s %10s %14s %14s %16s %18s %16s %18s %20s %24s %12s %16s\n' "$i" "$pm" "$(( ${pr:-0} / 1024 ))" "$tm" \
      "$(( ${tr:-0} / 1024 ))" "$nm" "$qm" "$(( ${qr:-0} / 1024 ))" "$(( ${ps:-0} / 1024 ))" "$(( ${ts:-0} / 1024 ))" \
      "${pc:-}" "${tc:-}"
  [ "$q" != failed ] && { sp_ms+=("$qm"); sp_rss+=("$qr"); }
  [ "$p" != failed ] && { peer_ms+=("$pm"); peer_rss+=("$pr"); peer_scr+=("$ps"); peer_cpu+=("$pc"); }
  [ "$t" != failed ] && { term_ms+=("$tm"); term_rss+=("$tr"); term_scr+=("$ts"); term_cpu+=("$tc"); }
  [ "$n" != failed ] && plain_ms+=("$nm")
done
[ ${#term_ms[@]} -gt 0 ] && [ ${#peer_ms[@]} -gt 0 ] || { echo "no run reached its first screen" >&2; exit 1; }
pm=$(printf '%s\n' "${peer_ms[@]}" | median); tm=$(printf '%s\n' "${term_ms[@]}" | median)
pr=$(printf '%s\n' "${peer_rss[@]}" | median); tr=$(printf '%s\n' "${term_rss[@]}" | median)
echo "bare JavaFX window: median ${pm} ms to its window, peak ${pr} KiB"
echo "terminal (demo):    median ${tm} ms to its attract screen, peak ${tr} KiB"
[ ${#plain_ms[@]} -gt 0 ] && echo "terminal without its class-data-sharing archive: median $(printf '%s\n' "${plain_ms[@]}" | median) ms"
ps=$(printf '%s\n' "${peer_scr[@]}" | median); ts=$(printf '%s\n' "${term_scr[@]}" | median)
echo "peak memory up to the first screen: bare window ${ps} KiB, terminal ${ts} KiB"
pc=$(printf '%s\n' "${peer_cpu[@]}" | median); tc=$(printf '%s\n' "${term_cpu[@]}" | median)
echo "CPU time of all threads up to the first screen: bare window ${pc} ms, terminal ${tc} ms"
awk -v t="$tm" -v p="$pm" -v tr="$tr" -v pr="$pr" -v ts="$ts" -v ps="$ps" 'BEGIN {
  printf "ratio terminal/peer: start %.2f× (goal ≤ 1.3×), peak memory %.2f× (goal ≤ 2×)", t / p, tr / pr
  if (ps > 0) printf ", peak memory up to the first screen %.2f×", ts / ps
  printf "\n" }'
awk -v tc="$tc" -v pc="$pc" 'BEGIN { if (pc > 0) printf "ratio terminal/peer of CPU time to the first screen: %.2f×\n", tc / pc }'
if [ ${#sp_ms[@]} -gt 0 ]; then
  qm=$(printf '%s\n' "${sp_ms[@]}" | median); qr=$(printf '%s\n' "${sp_rss[@]}" | median)
  echo "bare JavaFX window with the terminal's JVM options (${terminal_jvm_opts[*]}): median ${qm} ms, peak ${qr} KiB"
  awk -v t="$tm" -v p="$qm" -v tr="$tr" -v pr="$qr" 'BEGIN {
    printf "ratio terminal/peer with the same JVM options: start %.2f×, peak memory %.2f×\n", t / p, tr / pr }'
fi
echo "cold start to attract screen: median ${tm} ms over ${#term_ms[@]} runs"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
