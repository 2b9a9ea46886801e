#!/usr/bin/env bash
# The Debian package, end to end, as root on a throwaway machine (CI): build it, install it, check its files, run
# diag from the installed launcher, change a conffile and put an outbox in /var/lib/govkiosk, upgrade to a higher
# version and check both were kept, start the installed terminal the way its systemd unit does (without systemd as
# PID 1: the unit's user, folders, umask, environment, sandbox and a notify socket read here), then purge. Prints
# the package's size, build time and start-up figures.
#
#   sudo scripts/test-package-deb.sh        (scripts/test-all.sh runs it when it runs as root)
# Exit 0 when every check passed; skips (exit 0, saying why) when not root or dpkg/jpackage are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "test-package-deb: SKIPPED: needs root to install packages (CI runs it as root)"; exit 0
fi
for tool in dpkg dpkg-deb fakeroot jpackage jlink; do
  command -v "$tool" >/dev/null 2>&1 || { echo "test-package-deb: SKIPPED: $tool missing"; exit 0; }
done
if dpkg-query -W -f='${Status}' govkiosk-terminal 2>/dev/null | grep -q installed; then
  echo "test-package-deb: govkiosk-terminal is installed on this machine already; refusing to touch it" >&2; exit 1
fi

out=$(mktemp -d)
pids_to_stop=""     # Xvfb, the notify listener, the service: only what this script started
dirs_to_remove=""
cleanup() {
  local p
  for p in $pids_to_stop; do kill "$p" 2>/dev/null || true; done
  dpkg --purge govkiosk-terminal >/dev/null 2>&1 || true
  rm -rf "$out" $dirs_to_remove
}
trap cleanup EXIT
fail() { echo "test-package-deb: FAILED: $*" >&2; exit 1; }
check() { local what="$1"; shift; "$@" || fail "$what"; echo "  ok: $what"; }

install_deb() {
  # apt resolves the dependencies (GTK, fonts) where they are missing; dpkg alone where apt is not there.
  if command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold "$1" >"$out/apt.log" 2>&1 \
        || { cat "$out/apt.log"; fail "installing $1"; }
  else
    DEBIAN_FRONTEND=noninteractive dpkg --force-confold -i "$1" || fail "installing $1"
  fi
}

# gzip: the test checks what is packed, not how small; xz is for the shipped package.
export DEB_COMPRESS="${DEB_COMPRESS:-gzip}"

echo "== build 1.0.0"
start=$(date +%s)
bash scripts/package-deb.sh --version 1.0.0 --out "$out"
build_s=$(( $(date +%s) - start ))
deb1="$out/govkiosk-terminal_1.0.0_$(dpkg --print-architecture).deb"
check "package built" test -s "$deb1"
check "config files are conffiles" sh -c "dpkg-deb -I '$deb1' conffiles | grep -qx /etc/govkiosk/terminal.yaml"

echo "== install"
install_deb "$deb1"
check "launcher installed" test -x /opt/govkiosk/bin/govkiosk
check "runtime image installed" test -x /opt/govkiosk/lib/runtime/bin/java
check "the runtime maps the JDK's classes (its CDS archive)" \
    sh -c '/opt/govkiosk/lib/runtime/bin/java -Xshare:on -version >/dev/null 2>&1'
check "postinst made the terminal's CDS archive for the installed jar" \
    sh -c '/opt/govkiosk/lib/runtime/bin/java -Xshare:on -XX:SharedArchiveFile=/opt/govkiosk/lib/govkiosk.jsa \
        -cp /opt/govkiosk/lib/app/govkiosk-terminal.jar -version >/dev/null 2>&1'
check "the launcher uses it" grep -q 'SharedArchiveFile=/opt/govkiosk/lib/govkiosk.jsa' /opt/govkiosk/lib/app/govkiosk.cfg
. scripts/terminal-jvm.sh
for option in "${terminal_jvm_opts[@]}"; do
  check "the launcher runs the JVM with $option (as the demo does)" \
      grep -qxF "java-options=$option" /opt/govkiosk/lib/app/govkiosk.cfg
done
# -Xshare:on makes the JVM refuse to start rather than run without the archive (a class path it was not made for).
check "and the launcher's class path is the one the archive was made for" \
    sh -c 'JAVA_TOOL_OPTIONS=-Xshare:on /opt/govkiosk/bin/govkiosk diag --help >/dev/null 2>&1'
check "config in /etc/govkiosk" test -f /etc/govkiosk/devices.yaml -a -f /etc/govkiosk/templates/acceptance-receipt.yaml
check "systemd unit installed" grep -q '^WatchdogSec=30' /lib/systemd/system/govkiosk-terminal.service
check "service user made" getent passwd govkiosk
check "state folder owned by govkiosk" test "$(stat -c %U /var/lib/govkiosk)" = govkiosk
check "data dir points at /var/lib/govkiosk" grep -q '^  data-dir: /var/lib/govkiosk' /etc/govkiosk/terminal.yaml

echo "== diag from the installed package"
/opt/govkiosk/bin/govkiosk diag config-check --json > "$out/check.json" || fail "diag config-check: $(cat "$out/check.json")"
check "diag config-check finds /etc/govkiosk valid" grep -q '"ok":true' "$out/check.json"
cp /etc/govkiosk/devices.yaml "$out/devices.yaml.orig"
printf 'devices:\n  - id: x\n    family: receipt-printer\n    transport: serial\n' > /etc/govkiosk/devices.yaml
code=0; /opt/govkiosk/bin/govkiosk diag config-check >/dev/null 2>"$out/bad.txt" || code=$?
check "diag config-check exits 78 on a bad config" test "$code" = 78
check "and names the problem" grep -q 'devices\[0\].port' "$out/bad.txt"
cp "$out/devices.yaml.orig" /etc/govkiosk/devices.yaml

echo "== local state"
marker="# technician's change $(date +%s)"
echo "$marker" >> /etc/govkiosk/terminal.yaml
# Made as an older version made it (0750): the service section checks nothing in the state folder is open to all.
install -d -o govkiosk -g govkiosk -m 0750 /var/lib/govkiosk/outbox
python3 - /var/lib/govkiosk/outbox/outbox.db <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
db.execute("""CREATE TABLE outbox_entry (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE, priority INTEGER NOT NULL, state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
  last_attempt_at INTEGER, confirmed_at INTEGER, reference TEXT, last_error TEXT, payload BLOB)""")
now = int(time.time() * 1000)
db.execute("INSERT INTO outbox_entry (kind, idempotency_key, priority, state, created_at, next_attempt_at, payload)"
           " VALUES ('CASE', 'case-kept-over-upgrade', 5, 'PENDING', ?, ?, x'00')", (now - 60000, now))
db.commit()
PY
chown govkiosk:govkiosk /var/lib/govkiosk/outbox/outbox.db
chmod 0640 /var/lib/govkiosk/outbox/outbox.db
outbox_sum=$(sha256sum /var/lib/govkiosk/outbox/outbox.db | cut -d' ' -f1)
/opt/govkiosk/bin/govkiosk diag outbox --json > "$out/outbox.json" || fail "diag outbox: $(cat "$out/outbox.json")"
check "diag outbox reads the outbox in /var/lib/govkiosk" grep -q '"depth":1' "$out/outbox.json"
check "sqlite-jdbc's library is in the package" test -s /opt/govkiosk/lib/sqlite-native/libsqlitejdbc.so
# With no temp folder to extract it to, SQLite opens only if the launcher loads the package's copy.
check "and the launcher loads it from there, not from a temp folder" \
    sh -c 'JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=/nonexistent-govkiosk-tmp /opt/govkiosk/bin/govkiosk diag outbox --json \
        | grep -q "\"depth\":1"'

echo "== upgrade to 1.1.0"
bash scripts/package-deb.sh --version 1.1.0 --out "$out" --skip-build
install_deb "$out/govkiosk-terminal_1.1.0_$(dpkg --print-architecture).deb"
check "version is 1.1.0" test "$(dpkg-query -W -f='${Version}' govkiosk-terminal)" = 1.1.0
check "the technician's conffile change was kept" grep -qxF "$marker" /etc/govkiosk/terminal.yaml
check "the outbox was kept" test "$(sha256sum /var/lib/govkiosk/outbox/outbox.db | cut -d' ' -f1)" = "$outbox_sum"
/opt/govkiosk/bin/govkiosk diag outbox --json > "$out/outbox2.json" || fail "diag outbox after upgrade"
check "the case still waits after the upgrade" grep -q '"depth":1' "$out/outbox2.json"

echo "== start as the service (systemd is not PID 1 here: the unit's settings applied by hand)"
# What systemctl start would do, as far as it can be done without systemd: the unit's user and groups, working
# folder, umask, environment and ExecStart, its PrivateTmp and (on the root file system) ProtectSystem=strict in
# a mount namespace, and a notify socket this script reads as systemd would. Every value comes from the
# installed unit, so a change there is tested here.
unit=/lib/systemd/system/govkiosk-terminal.service
ready_figures=""
for tool in systemd-analyze Xvfb xauth python3 setpriv runuser unshare; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool missing (Debian: systemd, xvfb, xauth, python3, util-linux)"
done
verify_out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $verify_out"
check "systemd-analyze verify passes without a warning" test -z "$verify_out"
exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | sed -n 's/^→ Overall exposure level for [^:]*: //p')
echo "  systemd-analyze security: exposure $exposure"

# The last value of a setting (a drop-in would win the same way); Environment= lines all count.
unit_value() { sed -n "s/^$1=//p" "$unit" | tail -1; }
span_s() { # a systemd time span in whole seconds: 120, 90s, 2min
  local v="${1// /}" s
  case "$v" in
    *min) s=$(( ${v%min} * 60 )) ;;
    *s) s="${v%s}" ;;
    *) s="$v" ;;
  esac
  [[ "$s" =~ ^[0-9]+$ ]] || fail "cannot read the time span '$1' of the unit"
  echo "$s"
}
svc_user=$(unit_value User); svc_group=$(unit_value Group); svc_dir=$(unit_value WorkingDirectory)
svc_umask=$(unit_value UMask); svc_exec=$(unit_value ExecStart)
start_timeout=$(span_s "$(unit_value TimeoutStartSec)"); stop_timeout=$(span_s "$(unit_value TimeoutStopSec)")
mapfile -t svc_env < <(sed -n 's/^Environment=//p' "$unit")
for v in svc_user svc_group svc_dir svc_umask svc_exec start_timeout stop_timeout; do
  [ -n "${!v}" ] || fail "the unit has no value for $v"
done
# systemd adds the user's own groups (initgroups) to SupplementaryGroups; a group missing here is reported, since
# systemd itself would refuse to start the unit (216/GROUP) without it.
svc_groups=$(id -Gn "$svc_user" | tr ' ' '\n')
for g in $(unit_value SupplementaryGroups); do
  if getent group "$g" >/dev/null; then svc_groups="$svc_groups"$'\n'"$g"; else echo "  note: group $g missing on this machine"; fi
done
svc_groups=$(echo "$svc_groups" | sort -u | paste -sd,)
svc_success="0 $(unit_value SuccessExitStatus)"
svc_home=$(getent passwd "$svc_user" | cut -d: -f6)

# A virtual screen, authorised through the unit's XAUTHORITY file like a display manager's.
xauth_file=$(printf '%s\n' "${svc_env[@]}" | sed -n 's/^XAUTHORITY=//p')
display_no=""
for n in $(seq 42 99); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display_no=$n; break; }
done
[ -n "$display_no" ] || fail "no free X display number"
cookie=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
: > "$out/xserver.auth"; : > "$xauth_file"
xauth -q -f "$out/xserver.auth" add ":$display_no" . "$cookie"
xauth -q -f "$xauth_file" add ":$display_no" . "$cookie"
chown "$svc_user:$svc_group" "$xauth_file"; chmod 0600 "$xauth_file"
Xvfb ":$display_no" -auth "$out/xserver.auth" -nolisten tcp -screen 0 1280x1024x24 >"$out/xvfb.log" 2>&1 &
pids_to_stop="$pids_to_stop $!"

# The notify socket lives in /run, as systemd's does, so PrivateTmp does not hide it.
notify_dir=$(mktemp -d /run/govkiosk-test-notify.XXXXXX)
dirs_to_remove="$dirs_to_remove $notify_dir"
chmod 0755 "$notify_dir"
python3 - "$notify_dir/notify" "$out/notify.log" <<'PY' &
# Logs each datagram as "MONOTONIC_S SENDER_PID LINE"; systemd (NotifyAccess=main) accepts only the main PID's.
import os, socket, struct, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind(sys.argv[1])
os.chmod(sys.argv[1], 0o777)
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        data, anc, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(12))
        pid = 0
        for level, kind, d in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                pid = struct.unpack("iII", d[:12])[0]
        for line in data.decode("utf-8", "replace").splitlines():
            log.write(f"{time.monotonic():.3f} {pid} {line}\n")
PY
pids_to_stop="$pids_to_stop $!"
touch "$out/notify.log"
watchdog_usec=4000000
wait_for() { # wait_for SECONDS COMMAND...: true as soon as COMMAND is, false after SECONDS
  local until=$(( $(date +%s) + $1 )); shift
  until "$@"; do [ "$(date +%s)" -lt "$until" ] || return 1; sleep 0.2; done
}
wait_for 10 test -S "$notify_dir/notify" || fail "notify socket listener did not start"
wait_for 10 test -S "/tmp/.X11-unix/X$display_no" || fail "Xvfb did not start: $(cat "$out/xvfb.log")"
echo "  service environment: the unit's, but DISPLAY=:$display_no (Xvfb); NOTIFY_SOCKET here, WATCHDOG_USEC=$watchdog_usec"

# LoadCredential=NAME:PATH, as systemd does it: a copy of each file, readable by the service's user only, in a
# folder named by CREDENTIALS_DIRECTORY (outside /tmp, which PrivateTmp replaces).
cred_dir=/run/govkiosk-test-credentials/govkiosk-terminal.service
rm -rf "$cred_dir" && mkdir -p "$cred_dir"
while IFS= read -r cred; do
  [ -n "$cred" ] || continue
  name=${cred%%:*}; from=${cred#*:}
  [ -f "$from" ] || fail "LoadCredential=$cred: $from is missing (postinst makes it)"
  install -m 0400 -o "$svc_user" -g "$svc_group" "$from" "$cred_dir/$name"
done < <(sed -n 's/^LoadCredential=//p' "$unit")
chown "$svc_user:$svc_group" "$cred_dir" && chmod 0500 "$cred_dir"
echo "  credentials: $(ls "$cred_dir" | tr '\n' ' ')in CREDENTIALS_DIRECTORY"

# PrivateTmp=yes, and ProtectSystem=strict for the root file system (read-only but the state folder), need a mount
# namespace; a container without CAP_SYS_ADMIN has none to give, and then the service runs without them.
sandbox=(unshare --mount --propagation private -- sh -c '
    mount -t tmpfs -o mode=1777 tmpfs /tmp && mount -t tmpfs -o mode=1777 tmpfs /var/tmp &&
    mount --bind "$1" "$1" && mount -o remount,bind,ro / || exit 226
    shift; exec "$@"' sh "$svc_dir")
if ! unshare --mount --propagation private -- true 2>/dev/null; then
  echo "  note: no mount namespace here (unshare failed): PrivateTmp and ProtectSystem are not applied"
  sandbox=()
fi
# start_service NAME: ExecStart the unit's way, in the background; sets svc_pid. The PID stays the same through
# every exec, so WATCHDOG_PID is the shell's $$, and the main process is the one systemd would see.
start_service() {
  # shellcheck disable=SC2016,SC2086
  env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$svc_home" USER="$svc_user" \
      LOGNAME="$svc_user" SHELL=/usr/sbin/nologin "${svc_env[@]}" DISPLAY=":$display_no" \
      NOTIFY_SOCKET="$notify_dir/notify" WATCHDOG_USEC="$watchdog_usec" CREDENTIALS_DIRECTORY="$cred_dir" \
      "${sandbox[@]}" \
      setpriv --reuid="$svc_user" --regid="$svc_group" --groups="$svc_groups" --no-new-privs -- \
      sh -c 'umask "$1" && cd "$2" || exit 200; shift 2; WATCHDOG_PID=$$; export WATCHDOG_PID; exec "$@"' \
          sh "$svc_umask" "$svc_dir" $svc_exec \
      >"$out/service-$1.out" 2>"$out/service-$1.err" &
  svc_pid=$!
  pids_to_stop="$pids_to_stop $svc_pid"
}
notified() { grep -c " $svc_pid $1\$" "$out/notify.log" || true; }
has_notified() { [ "$(notified "$1")" -ge "${2:-1}" ]; }
alive() { kill -0 "$svc_pid" 2>/dev/null; }
ready_or_dead() { has_notified READY=1 || ! alive; }

# stop_service: SIGTERM as systemctl stop sends it; sets svc_code and stop_s.
stop_service() {
  local t0; t0=$(date +%s)
  kill -TERM "$svc_pid"
  wait_for "$stop_timeout" sh -c "! kill -0 $svc_pid 2>/dev/null" || true
  stop_s=$(( $(date +%s) - t0 ))
  if alive; then kill -KILL "$svc_pid"; fail "still running ${stop_timeout} s after SIGTERM (TimeoutStopSec)"; fi
  svc_code=0; wait "$svc_pid" || svc_code=$?
}
in_list() { local x="$1"; shift; for y in "$@"; do [ "$x" = "$y" ] && return 0; done; return 1; }
# expect_service_up NAME: READY=1 within TimeoutStartSec, then WATCHDOG=1 three times, never later than systemd allows.
expect_service_up() {
  local t0 gap_ms
  t0=$(date +%s)
  wait_for "$start_timeout" ready_or_dead || true
  ready_s=$(( $(date +%s) - t0 ))
  alive && has_notified READY=1 \
      || fail "no READY=1 within TimeoutStartSec=${start_timeout} s; the service said: $(tail -30 "$out/service-$1.err")"
  check "READY=1 from the main process after ${ready_s} s (TimeoutStartSec ${start_timeout} s)" has_notified READY=1
  ready_figures="$ready_figures $1 ${ready_s} s,"
  wait_for 60 has_notified WATCHDOG=1 3 || fail "WATCHDOG=1 stopped: $(grep " $svc_pid " "$out/notify.log" | tail -5)"
  gap_ms=$(awk -v pid="$svc_pid" '$2 == pid && ($3 == "READY=1" || $3 == "WATCHDOG=1") {
      if (prev) { g = ($1 - prev) * 1000; if (g > max) max = g } prev = $1 } END { printf "%d", max }' "$out/notify.log")
  check "WATCHDOG=1 keeps coming, at most ${gap_ms} ms apart (WATCHDOG_USEC=${watchdog_usec})" \
      test "$gap_ms" -le $(( watchdog_usec / 1000 ))
}
expect_clean_stop() {
  stop_service
  check "SIGTERM: STOPPING=1 sent" has_notified STOPPING=1
  check "SIGTERM: exited after ${stop_s} s (TimeoutStopSec ${stop_timeout} s) with status $svc_code, a success for the unit" \
      in_list "$svc_code" $svc_success
}
expect_private_state() {
  local f bad
  for f in outbox/outbox.db logs/terminal.log audit/audit.log; do
    check "the service wrote $svc_dir/$f" test -s "$svc_dir/$f"
  done
  bad=$(find "$svc_dir" \( ! -user "$svc_user" -o -perm /o=rwx \) -printf '%M %u:%g %p\n')
  [ -z "$bad" ] || echo "$bad" >&2
  check "everything in $svc_dir belongs to $svc_user and is closed to others (UMask=$svc_umask)" test -z "$bad"
}
# What a restart must find again: the outbox's entries (never the payload), the terminal's keys, the audit so far.
outbox_rows() {
  runuser -u "$svc_user" -- python3 -c 'import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for r in db.execute("SELECT id, kind, idempotency_key, state FROM outbox_entry ORDER BY id"): print(*r)' \
      "$svc_dir/outbox/outbox.db"
}
keys_sum() { (cd "$svc_dir/keys" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum; }

# Ports the kernel gives out free: the ops endpoint (the installed 9464 may be held by anything else on this
# machine, another terminal or a test run) and an address where no platform listens.
read -r closed_port ops_port < <(python3 -c 'import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
sed -i "s|^  listen: 127.0.0.1:9464 |  listen: 127.0.0.1:$ops_port |" /etc/govkiosk/terminal.yaml
grep -q "^  listen: 127.0.0.1:$ops_port " /etc/govkiosk/terminal.yaml || fail "could not set ops.listen"

echo "-- first start, with the configuration as installed (but for the ops port: $ops_port)"
start_service first
expect_service_up first
expect_private_state
# The hand-made entry's payload was encrypted with no key of this terminal: a running outbox worker moves it to
# the dead letters (kept for the technician, never deleted).
entry_dead() { outbox_rows 2>/dev/null | grep -q ' case-kept-over-upgrade DEAD$'; }
wait_for 60 entry_dead || true
check "the outbox worker runs: the unreadable hand-made entry went to the dead letters" entry_dead
expect_clean_stop
# Errors but the one expected: the hand-made entry going to the dead letters.
errors=$(grep ' ERROR ' "$svc_dir/logs/terminal.log" | grep -v 'entry case-kept-over-upgrade (CASE) cannot be decrypted' || true)
[ -z "$errors" ] || echo "$errors" | head -20 >&2
check "the terminal logged no other error with the configuration as installed" test -z "$errors"
# A technician looks at the outbox as root between runs; the service must still own and open its files afterwards.
/opt/govkiosk/bin/govkiosk diag outbox --json > "$out/outbox3.json" || fail "diag outbox after the service ran"
outbox_rows > "$out/rows-before"
check "the outbox holds what it held before the service ran" grep -q ' case-kept-over-upgrade ' "$out/rows-before"
keys_before=$(keys_sum)
audit_size=$(stat -c %s "$svc_dir/audit/audit.log")
cp "$svc_dir/audit/audit.log" "$out/audit-before"

echo "-- second start, with a hall's configuration: readers and printer on serial ports not plugged in, no platform"
cp -a /etc/govkiosk "$out/etc-govkiosk.installed"
cat > /etc/govkiosk/devices.yaml <<YAML
devices:
  - id: idcard-1
    family: id-card-reader
    transport: serial
    port: /dev/serial/by-id/usb-govkiosk-test-idcard-if00-port0
  - id: qr-1
    family: qr-scanner
    transport: serial
    port: /dev/serial/by-id/usb-govkiosk-test-qr-if00-port0
  - id: receipt-1
    family: receipt-printer
    transport: serial
    port: /dev/serial/by-id/usb-govkiosk-test-receipt-if00-port0
YAML
sed -i "s|^  url: embedded|  url: http://127.0.0.1:$closed_port|" /etc/govkiosk/terminal.yaml
grep -q "^  url: http://127.0.0.1:$closed_port" /etc/govkiosk/terminal.yaml || fail "could not set platform.url"
start_service second
expect_service_up second
health() { python3 - "$ops_port" <<'PY'
import json, sys, urllib.error, urllib.request
try:
    body = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=5).read()
except urllib.error.HTTPError as e:
    body = e.read()
for d in json.loads(body)["devices"]:
    print(d["id"], d["status"], d["detail"])
PY
}
devices_unplugged() { [ "$(health 2>/dev/null | grep -c ' OFFLINE PORT_NOT_FOUND$')" = 3 ]; }
wait_for 30 devices_unplugged || true
check "the ops endpoint shows all three devices unplugged (OFFLINE, PORT_NOT_FOUND)" devices_unplugged
expect_private_state
expect_clean_stop
outbox_rows > "$out/rows-after"
check "the outbox came back with the same entries" cmp -s <(cut -d' ' -f1-3 "$out/rows-before") <(cut -d' ' -f1-3 "$out/rows-after")
check "and none confirmed without a platform" sh -c "! grep -q ' CONFIRMED\$' '$out/rows-after'"
check "the terminal's keys came back unchanged" test "$(keys_sum)" = "$keys_before"
check "the audit log kept the first run's records" cmp -s -n "$audit_size" "$out/audit-before" "$svc_dir/audit/audit.log"
check "and added the second run's" test "$(stat -c %s "$svc_dir/audit/audit.log")" -gt "$audit_size"

echo "-- a broken configuration"
printf 'devices:\n  - id: x\n    family: receipt-printer\n    transport: serial\n' > /etc/govkiosk/devices.yaml
start_service broken
wait_for "$start_timeout" sh -c "! kill -0 $svc_pid 2>/dev/null" || { kill -KILL "$svc_pid"; fail "a broken config did not stop the launcher"; }
svc_code=0; wait "$svc_pid" || svc_code=$?
check "the launcher exits $svc_code, which RestartPreventExitStatus holds" in_list "$svc_code" $(unit_value RestartPreventExitStatus)
check "and names the problem on stderr" grep -q 'devices\[0\].port' "$out/service-broken.err"
check "and never said READY=1" test "$(notified READY=1)" = 0
rm -rf /etc/govkiosk && cp -a "$out/etc-govkiosk.installed" /etc/govkiosk

echo "== purge"
dpkg --purge govkiosk-terminal >/dev/null
check "program removed" test ! -e /opt/govkiosk
check "config removed" test ! -e /etc/govkiosk
check "state removed" test ! -e /var/lib/govkiosk
check "unit removed" test ! -e /lib/systemd/system/govkiosk-terminal.service

echo "test-package-deb: PASSED; package $(du -k "$deb1" | cut -f1) KB, installed $(dpkg-deb -f "$deb1" Installed-Size) KB, first build ${build_s} s"
echo "test-package-deb: service: READY=1 after${ready_figures%,}; systemd-analyze security exposure $exposure"

# The platform's own package (govkiosk-platform): build, install, start, health, SIGTERM, purge.
bash scripts/test-platform-package-deb.sh
