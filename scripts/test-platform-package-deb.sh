#!/usr/bin/env bash
# The platform's Debian package (govkiosk-platform), end to end, as root on a throwaway machine (CI): build it,
# install it, check its files, user, tokens and unit (systemd-analyze verify and security), start it as its unit
# does (systemctl where systemd is PID 1; else the unit's user, umask and working folder applied here), check its
# health and that the clerk token postinst made opens the clerk endpoints, stop it with SIGTERM as systemctl stop
# does, then purge and check nothing is left.
#
#   sudo scripts/test-platform-package-deb.sh [--skip-build]   (scripts/test-package-deb.sh runs it after the terminal's)
# Exit 0 when every check passed; skips (exit 0, saying why) when not root or a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "test-platform-package-deb: SKIPPED: needs root to install packages (CI runs it as root)"; exit 0
fi
for tool in dpkg dpkg-deb fakeroot curl setpriv systemd-analyze; do
  command -v "$tool" >/dev/null 2>&1 || { echo "test-platform-package-deb: SKIPPED: $tool missing"; exit 0; }
done
if dpkg-query -W -f='${Status}' govkiosk-platform 2>/dev/null | grep -q installed; then
  echo "test-platform-package-deb: govkiosk-platform is installed on this machine already; refusing to touch it" >&2
  exit 1
fi

out=$(mktemp -d)
svc_pid=""
cleanup() {
  if [ -n "$svc_pid" ]; then kill -KILL "$svc_pid" 2>/dev/null || true; fi
  dpkg --purge govkiosk-platform >/dev/null 2>&1 || true
  rm -rf "$out"
}
trap cleanup EXIT
fail() { echo "test-platform-package-deb: FAILED: $*" >&2; exit 1; }
check() { local what="$1"; shift; "$@" || fail "$what"; echo "  ok: $what"; }
unit=/lib/systemd/system/govkiosk-platform.service
unit_value() { sed -n "s/^$1=//p" "$unit" | tail -1; }

echo "== build"
# "$@": e.g. --skip-build, to package the platform jar built last.
DEB_COMPRESS=gzip bash scripts/package-platform-deb.sh --version 1.0.0 --out "$out" "$@"
deb="$out/govkiosk-platform_1.0.0_all.deb"
check "package built" test -s "$deb"
check "platform.yaml is a conffile" sh -c "dpkg-deb -I '$deb' conffiles | grep -qx /etc/govkiosk-platform/platform.yaml"

echo "== install"
if command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$out/apt.log" 2>&1 || { cat "$out/apt.log"; fail "installing"; }
else
  DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" || fail "installing"
fi
check "launcher installed" test -x /usr/bin/govkiosk-platform
check "jar installed" test -s /usr/share/govkiosk-platform/govkiosk-platform.jar
check "service user made" getent passwd govkiosk-platform
check "state folder for the service only" test "$(stat -c '%U %a' /var/lib/govkiosk-platform)" = "govkiosk-platform 700"
for token in enrolment-token clerk-token; do
  check "$token made, readable by the service's group only" \
      test "$(stat -c '%U:%G %a' /etc/govkiosk-platform/$token)" = "root:govkiosk-platform 440"
  check "$token long enough" test "$(wc -c < /etc/govkiosk-platform/$token)" -ge 25
done
check "the database lives in the state folder" grep -q '^db-url: jdbc:h2:file:/var/lib/govkiosk-platform/' \
    /etc/govkiosk-platform/platform.yaml
check "the catalog and calendar beside the configuration" test -f /etc/govkiosk-platform/catalog.yaml -a \
    -d /etc/govkiosk-platform/calendar
verify_out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify: $verify_out"
check "systemd-analyze verify passes without a warning" test -z "$verify_out"
exposure=$(systemd-analyze security --offline=true "$unit" 2>/dev/null | sed -n 's/^→ Overall exposure level for [^:]*: //p')
echo "  systemd-analyze security: exposure $exposure"

echo "== start"
started=$(date +%s%N)
if [ -d /run/systemd/system ]; then
  systemctl start govkiosk-platform.service || { journalctl -u govkiosk-platform --no-pager | tail -40; fail "systemctl start"; }
  check "the unit is active" systemctl is-active --quiet govkiosk-platform.service
else
  # What the unit does, as far as it can be done without systemd: its user and groups, umask, working folder and
  # environment; then its ExecStartPost, the health wait.
  java_opts=$(unit_value Environment | sed 's/^"GOVKIOSK_PLATFORM_JAVA_OPTS=\(.*\)"$/\1/')
  setpriv --reuid=govkiosk-platform --regid=govkiosk-platform --init-groups env -i PATH=/usr/bin:/bin \
      GOVKIOSK_PLATFORM_JAVA_OPTS="$java_opts" sh -c "cd $(unit_value WorkingDirectory) && umask $(unit_value UMask) \
      && exec $(unit_value ExecStart)" >"$out/service.log" 2>&1 &
  svc_pid=$!
  $(unit_value ExecStartPost) 150 || { tail -40 "$out/service.log"; fail "no healthy platform after the start"; }
fi
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
check "health answers 200 UP" sh -c "curl -fs http://127.0.0.1:8686/api/v1/health | grep -q '\"status\":\"UP\"'"
check "the clerk token postinst made opens the clerk endpoints" test "$(curl -s -o /dev/null -w '%{http_code}' \
    -H "Authorization: Bearer $(cat /etc/govkiosk-platform/clerk-token)" http://127.0.0.1:8686/api/v1/clerk/terminals)" = 200
check "a wrong one does not" test "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' \
    http://127.0.0.1:8686/api/v1/clerk/terminals)" = 401
check "the H2 database is in the state folder, the service's own" \
    test "$(stat -c '%U %a' /var/lib/govkiosk-platform/db/govkiosk-platform.mv.db)" = "govkiosk-platform 600"

echo "== stop"
if [ -d /run/systemd/system ]; then
  systemctl stop govkiosk-platform.service
  check "the unit stopped cleanly" sh -c "! systemctl is-failed --quiet govkiosk-platform.service"
else
  kill -TERM "$svc_pid"
  code=0; wait "$svc_pid" || code=$?
  svc_pid=""
  check "SIGTERM ends it with $code, a success for the unit (0 or SuccessExitStatus)" \
      sh -c "[ $code = 0 ] || [ $code = $(unit_value SuccessExitStatus) ]"
fi

echo "== purge"
dpkg --purge govkiosk-platform >/dev/null
check "program removed" test ! -e /usr/share/govkiosk-platform -a ! -e /usr/bin/govkiosk-platform
check "config and tokens removed" test ! -e /etc/govkiosk-platform
check "state removed" test ! -e /var/lib/govkiosk-platform
check "unit removed" test ! -e "$unit"
echo "test-platform-package-deb: PASSED; package $(du -k "$deb" | cut -f1) KB, installed $(dpkg-deb -f "$deb" Installed-Size) KB; healthy ${ready_ms} ms after the start; systemd-analyze security exposure $exposure"
