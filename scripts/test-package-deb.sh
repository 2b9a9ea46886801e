#!/usr/bin/env bash
# The Debian package, end to end, as root on a throwaway machine (CI): build it, install it, check its files, run
# diag from the installed launcher, change a conffile and put an outbox in /var/lib/govkiosk, upgrade to a higher
# version and check both were kept, then purge. Prints the package's size and build time.
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
trap 'dpkg --purge govkiosk-terminal >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
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
install -d -o govkiosk -g govkiosk /var/lib/govkiosk/outbox
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
outbox_sum=$(sha256sum /var/lib/govkiosk/outbox/outbox.db | cut -d' ' -f1)
/opt/govkiosk/bin/govkiosk diag outbox --json > "$out/outbox.json" || fail "diag outbox: $(cat "$out/outbox.json")"
check "diag outbox reads the outbox in /var/lib/govkiosk" grep -q '"depth":1' "$out/outbox.json"

echo "== upgrade to 1.1.0"
bash scripts/package-deb.sh --version 1.1.0 --out "$out" --skip-build
install_deb "$out/govkiosk-terminal_1.1.0_$(dpkg --print-architecture).deb"
check "version is 1.1.0" test "$(dpkg-query -W -f='${Version}' govkiosk-terminal)" = 1.1.0
check "the technician's conffile change was kept" grep -qxF "$marker" /etc/govkiosk/terminal.yaml
check "the outbox was kept" test "$(sha256sum /var/lib/govkiosk/outbox/outbox.db | cut -d' ' -f1)" = "$outbox_sum"
/opt/govkiosk/bin/govkiosk diag outbox --json > "$out/outbox2.json" || fail "diag outbox after upgrade"
check "the case still waits after the upgrade" grep -q '"depth":1' "$out/outbox2.json"

echo "== purge"
dpkg --purge govkiosk-terminal >/dev/null
check "program removed" test ! -e /opt/govkiosk
check "config removed" test ! -e /etc/govkiosk
check "state removed" test ! -e /var/lib/govkiosk
check "unit removed" test ! -e /lib/systemd/system/govkiosk-terminal.service

echo "test-package-deb: PASSED; package $(du -k "$deb1" | cut -f1) KB, installed $(dpkg-deb -f "$deb1" Installed-Size) KB, first build ${build_s} s"
