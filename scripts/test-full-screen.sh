#!/usr/bin/env bash
# Full screen on any display: starts the terminal as a hall starts it (demo mode, not windowed) on
#   x-bare      X with no window manager (Xvfb 1920×1080),
#   x-openbox   X with a window manager that reparents and decorates (Xvfb 1280×1024 and openbox),
#   wayland     Wayland in cage, the kiosk compositor (wlroots' headless backend, the terminal through Xwayland),
#   weston      Wayland in weston, a desktop compositor with a shell (headless backend, Xwayland 1600×900),
# and checks each time that the window covers the whole screen: its geometry (xwininfo) is the screen's, and a
# screenshot of the screen (not of the window) shows the terminal's own colours in all four corners, not the
# desktop's black. On Wayland the geometry alone is checked: weston offers no screenshot to a headless client, and
# grim on cage's headless output returns a stale picture (of xlogo too: its first frame's corner, black around it).
# cage gives every window the whole screen whatever it asks; weston and X do only when the terminal asks for it.
#
#   bash scripts/test-full-screen.sh [x-bare|x-openbox|wayland|weston ...]   (scripts/test-all.sh runs all four)
# Needs the terminal's jar (mvn package) and Xvfb, openbox, cage, weston, Xwayland, xwininfo and ImageMagick;
# scripts/test-all.sh installs them. Skips, saying why, where one is missing, but fails under CI=true. cage refuses
# to run as root, so as root that case runs as nobody.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
fail() { echo "test-full-screen: FAILED: $*" >&2; exit 1; }
jar=$repo/kiosk-app/target/govkiosk-terminal.jar
[ -f "$jar" ] || fail "$jar missing (run mvn package first)"
for tool in Xvfb openbox cage weston Xwayland xwininfo import convert identify java; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    [ "${CI:-}" = true ] && fail "$tool missing"
    echo "test-full-screen: SKIPPED: $tool missing"; exit 0
  fi
done
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(x-bare x-openbox wayland weston)

work=$(mktemp -d)
chmod 755 "$work"
pids=""
cleanup() {
  local p
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# What the terminal ships with, but for its ops endpoint (off: nothing else may hold a port of ours) and a data
# folder of its own per case; the jar copied where an unprivileged user (the Wayland case as root) can read it.
cp "$jar" "$work/terminal.jar"
cp -r config "$work/config"
sed -i 's|^  listen: 127.0.0.1:9464 |  listen: "off" |' "$work/config/terminal.yaml"
grep -q '^  listen: "off" ' "$work/config/terminal.yaml" || fail "could not switch the ops endpoint off"
chmod -R a+rX "$work"

# The probe runs inside the display session (cage hands its DISPLAY only to its child): starts the terminal,
# waits for its attract screen, then for its window to settle at the screen's size, takes a screenshot and
# writes what it saw to $1/result.
cat > "$work/probe.sh" <<'PROBE'
#!/usr/bin/env bash
set -uo pipefail
dir=$1 shot_cmd=$2
export HOME=$dir XDG_DATA_HOME=$dir/data
java -Dgovkiosk.config.dir="$dir/../config" -Dgovkiosk.log.level=INFO -jar "$dir/../terminal.jar" --demo \
    > "$dir/terminal.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do
  grep -q "Attract screen shown" "$dir/terminal.log" && break
  kill -0 $app 2>/dev/null || break
  sleep 0.1
done
grep -q "Attract screen shown" "$dir/terminal.log" || { echo "no-attract-screen" > "$dir/result"; kill $app; exit 0; }
screen=$(xwininfo -root | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}')
# A window manager takes its time to grant full screen: poll the window's absolute geometry, bounded.
geometry=""
for _ in $(seq 1 100); do
  # A line of the tree: 0x200007 "govkiosk": ("java" "java")  1920x1080+0+0  +0+0 (size+offset in its parent,
  # then where it is on the screen): the size, and the absolute place.
  geometry=$(xwininfo -root -tree | awk '/"govkiosk"/ {split($(NF-1), s, "+"); print s[1] $NF; exit}')
  [ "$geometry" = "$screen+0+0" ] && break
  sleep 0.1
done
sleep 1   # the first frame drawn at the final size
[ "$shot_cmd" = none ] || $shot_cmd "$dir/screen.png"
echo "screen=$screen window=$geometry" > "$dir/result"
kill $app
wait $app 2>/dev/null
exit 0
PROBE
chmod 755 "$work/probe.sh"

free_display() {
  local n
  for n in $(seq 90 140); do
    [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { echo "$n"; return; }
  done
  fail "no free X display number"
}

# corners PNG: the four corner pixels as r,g,b lines
corners() {
  local png=$1 w h
  read -r w h < <(identify -format '%w %h\n' "$png")
  for xy in "1,1" "$((w - 2)),1" "1,$((h - 2))" "$((w - 2)),$((h - 2))"; do
    convert "$png" -format "%[fx:int(255*p{$xy}.r)],%[fx:int(255*p{$xy}.g)],%[fx:int(255*p{$xy}.b)]\n" info:
  done
}

verdict() {
  local name=$1 dir=$2
  [ -f "$dir/result" ] || { tail -20 "$dir/terminal.log" >&2 || true; fail "$name: the probe did not finish"; }
  local result
  result=$(cat "$dir/result")
  [ "$result" != no-attract-screen ] || { tail -20 "$dir/terminal.log" >&2; fail "$name: no attract screen"; }
  local screen=${result#screen=}; screen=${screen%% *}
  local window=${result#*window=}
  [ "$window" = "$screen+0+0" ] || fail "$name: the window is $window on a $screen screen, not the whole of it"
  if [ ! -f "$dir/screen.png" ]; then
    echo "  ok: $name: window $window covers the $screen screen (no screenshot here)"
    return
  fi
  local dark=0 seen=0
  while IFS=, read -r r g b; do
    seen=$((seen + 1))
    [ $((r + g + b)) -gt 30 ] || dark=$((dark + 1))
  done < <(corners "$dir/screen.png")
  [ "$seen" = 4 ] || fail "$name: could not read the screenshot's corners ($dir/screen.png)"
  [ "$dark" = 0 ] || fail "$name: $dark of the screenshot's corners show the desktop, not the terminal ($dir/screen.png)"
  cp "$dir/screen.png" "$repo/kiosk-app/target/full-screen-$name.png" 2>/dev/null || true
  echo "  ok: $name: window $window covers the $screen screen; the screenshot's four corners are the terminal's"
}

run_x() {
  local name=$1 size=$2 wm=$3 dir=$work/$1 n
  mkdir -p "$dir"
  n=$(free_display)
  Xvfb ":$n" -screen 0 "${size}x24" -br -nolisten tcp > "$dir/xvfb.log" 2>&1 &
  pids="$pids $!"
  for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
  if [ "$wm" = openbox ]; then
    DISPLAY=":$n" openbox > "$dir/wm.log" 2>&1 &
    pids="$pids $!"
    sleep 1
  fi
  DISPLAY=":$n" "$work/probe.sh" "$dir" "import -window root" || true
  verdict "$name" "$dir"
}

run_wayland() {
  local dir=$work/wayland runtime=$work/xdg-runtime
  mkdir -p "$dir" "$runtime"
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$dir" "$runtime"
    as=(runuser -u nobody --)
  fi
  chmod 700 "$runtime"
  # cage exits when its child (the probe) does; the bound keeps a hung compositor from holding CI.
  timeout 120 "${as[@]}" env XDG_RUNTIME_DIR="$runtime" WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 \
      WLR_RENDERER=pixman cage -d -- "$work/probe.sh" "$dir" none > "$dir/cage.log" 2>&1 || true
  verdict wayland "$dir"
}

run_weston() {
  local dir=$work/weston runtime=$work/weston-runtime display=""
  mkdir -p "$dir" "$runtime"
  chmod 700 "$runtime"
  # Made here, not by the background job's redirection, which may come after the first read below.
  : > "$dir/weston.log"
  XDG_RUNTIME_DIR="$runtime" weston --backend=headless-backend.so --xwayland --width=1600 --height=900 \
      --socket=govkiosk-test --idle-time=0 > "$dir/weston.log" 2>&1 &
  pids="$pids $!"
  for _ in $(seq 1 100); do
    display=$(sed -n 's/.*xserver listening on display \(:[0-9]*\).*/\1/p' "$dir/weston.log" || true)
    [ -n "$display" ] && break
    sleep 0.1
  done
  [ -n "$display" ] || { cat "$dir/weston.log" >&2; fail "weston: no Xwayland display"; }
  DISPLAY="$display" timeout 120 "$work/probe.sh" "$dir" none || true
  verdict weston "$dir"
}

echo "== full screen: ${cases[*]}"
for c in "${cases[@]}"; do
  case "$c" in
    x-bare) run_x x-bare 1920x1080 none ;;
    x-openbox) run_x x-openbox 1280x1024 openbox ;;
    wayland) run_wayland ;;
    weston) run_weston ;;
    *) fail "unknown case $c (x-bare, x-openbox, wayland, weston)" ;;
  esac
done
