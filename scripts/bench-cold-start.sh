#!/usr/bin/env bash
# Cold start of the terminal, from JVM start to the attract screen shown, in demo mode under Xvfb.
# Prints each run and the median of five. A benchmark: it prints figures and fails nothing on a timing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
ldconfig -p | grep -q libgtk-3.so.0 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" </dev/null
fi
jar=kiosk-app/target/govkiosk-terminal.jar
[ -f "$jar" ] || ./mvnw -B -q -ntp install -DskipTests
times=()
for i in $(seq 1 "$runs"); do
  ms=$(xvfb-run -a -s "-screen 0 1280x1024x24" java -Dgovkiosk.exitAfterStart=true -Dgovkiosk.log.level=WARN \
        -Dgovkiosk.config.dir=config -jar "$jar" --demo --windowed 2>/dev/null | awk '/^STARTUP_MS/ {print $2}')
  echo "run $i: ${ms:-failed} ms"
  [ -n "$ms" ] && times+=("$ms")
done
[ ${#times[@]} -gt 0 ] || { echo "no run reached the attract screen" >&2; exit 1; }
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
echo "cold start to attract screen: median ${median} ms over ${#times[@]} runs"
