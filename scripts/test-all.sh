#!/usr/bin/env bash
# Runs every test of govkiosk from a clean clone. On Debian it first installs what the OS-level integration
# tests use: socat (serial ptys), a TrueType CJK font, pdftotext, pcscd with the vpcd reader, cupsd with
# cups-pdf, PostgreSQL (the platform server's store tests start their own cluster), Chromium (the fleet page is
# tested in a headless browser), espeak-ng (spoken prompts) and the displays of the full-screen test. The tests
# start the daemons they need themselves; where an OS part is missing they skip, saying why, except under CI=true
# (as .ci/run sets it on the CI machine): there a package that cannot be installed and a skipped test each fail the
# run, naming it.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v socat >/dev/null 2>&1 || need+=(socat)
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/sbin/pcscd ] || need+=(pcscd)
[ -e /usr/lib/pcsc/drivers/serial/libifdvpcd.so ] || need+=(vsmartcard-vpcd)
[ -x /usr/sbin/cupsd ] || need+=(cups)
command -v lpr >/dev/null 2>&1 || need+=(cups-bsd)
[ -e /usr/lib/cups/backend/cups-pdf ] || need+=(printer-driver-cups-pdf)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
# The package test starts the installed terminal as its unit would: on a virtual screen, checked with systemd-analyze.
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v xauth >/dev/null 2>&1 || need+=(xauth)
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
# HAProxy: the load balancer in front of three platform instances (LoadBalancedInstancesTest)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || need+=(haproxy)
# Power-cut tests: a FUSE filesystem that loses what was not synced (test-support's powercutfs.py).
command -v fusermount3 >/dev/null 2>&1 || need+=(fuse3)
/usr/bin/python3 -c 'import fusepy' 2>/dev/null || need+=(python3-fusepy)
# The full-screen test: X with and without a window manager, Wayland in cage and in weston.
command -v openbox >/dev/null 2>&1 || need+=(openbox)
command -v cage >/dev/null 2>&1 || need+=(cage)
command -v weston >/dev/null 2>&1 || need+=(weston)
command -v Xwayland >/dev/null 2>&1 || need+=(xwayland)
command -v xwininfo >/dev/null 2>&1 || need+=(x11-utils)
# ImageMagick's import (screenshots of the root window) and convert: by import, which only ImageMagick has (a machine
# may have a convert of its own that is not ImageMagick's).
command -v import >/dev/null 2>&1 || need+=(imagemagick)
# The OpenAPI lint (Redocly, Spectral) and the page tests' axe-core: npm packages of tools/web-checks, run by node.
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
# Voice guidance: the spoken prompts are made by espeak-ng and measured (level, length, language) without a sound card.
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
# The ID card photo decoder's test compiles a stand-in of the vendor's licensed WLT library (VendorPhotoDecoderTest).
command -v gcc >/dev/null 2>&1 || need+=(gcc)
# Uyghur (issue 20): the screens' font with the Uyghur letters (UKIJ Tuz), and HarfBuzz's hb-shape, which the
# receipt's shaping test compares the printed glyphs with.
[ -e /usr/share/fonts/truetype/fonts-ukij-uyghur/UKIJTuz.ttf ] || need+=(fonts-ukij-uyghur)
command -v hb-shape >/dev/null 2>&1 || need+=(libharfbuzz-bin)
# The USB camera's capture tests (GStreamerCaptureTest, CameraPreviewAppUiTest): GStreamer itself, its base
# plugins (videotestsrc, videoconvert, videoscale, videorate, appsink), its good plugins
# (v4l2src, multifilesrc, pngdec) and gst-launch-1.0 for the benchmark script.
[ -e /usr/lib/$(uname -m)-linux-gnu/libgstreamer-1.0.so.0 ] || need+=(libgstreamer1.0-0)
[ -e /usr/lib/$(uname -m)-linux-gnu/gstreamer-1.0/libgstvideotestsrc.so ] || need+=(gstreamer1.0-plugins-base)
[ -e /usr/lib/$(uname -m)-linux-gnu/gstreamer-1.0/libgstvideo4linux2.so ] || need+=(gstreamer1.0-plugins-good)
command -v gst-launch-1.0 >/dev/null 2>&1 || need+=(gstreamer1.0-tools)
# Mongolian (issue 20): the traditional script's font (Noto Sans Mongolian, TrueType outlines as PDFBox needs) for
# the bilingual Mongolian screens, the Mongolian receipt's PDF and raster tests and their hb-shape comparison.
[ -e /usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf ] || need+=(fonts-noto-core)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo -n"
    echo "test-all: installing ${need[*]}"
    if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
        && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"; } \
        </dev/null; then
      # Which of them: one at a time, so the message names the package that cannot be had.
      failed=()
      for p in "${need[@]}"; do
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$p" </dev/null \
            >/dev/null 2>&1 || failed+=("$p")
      done
      if [ ${#failed[@]} -gt 0 ]; then
        [ "${CI:-}" = true ] && { echo "test-all: FAILED: could not install ${failed[*]}" >&2; exit 1; }
        echo "test-all: could not install ${failed[*]}; the tests that need them will be skipped" >&2
      fi
    fi
  else
    [ "${CI:-}" = true ] && { echo "test-all: FAILED: not Debian, and ${need[*]} missing" >&2; exit 1; }
    echo "test-all: not Debian; install ${need[*]} yourself or the tests that need them are skipped" >&2
  fi
fi

# The npm tools of tools/web-checks, before the build: the fleet page's and the phone rating page's browser tests
# inject their axe-core.
bash scripts/lint-openapi.sh --install-only
./mvnw -B -ntp verify "$@"
# Under CI=true a skipped test is a failure: a test that cannot run proves nothing, and a CI must not pass by
# skipping what it was meant to show (an OS part missing, a daemon that did not start, root).
if [ "${CI:-}" = true ]; then
  python3 scripts/skipped-tests.py . || { echo "test-all: FAILED: tests were skipped under CI=true" >&2; exit 1; }
fi
# The OpenAPI document lints clean with Redocly's and Spectral's recommended rules (any error fails; under CI=true
# tools that cannot run fail too).
bash scripts/lint-openapi.sh
# The packaged terminal covers the whole screen on X with and without a window manager, and on Wayland.
bash scripts/test-full-screen.sh
# The Debian package: build, install, upgrade, purge. Only as root (it installs into the machine); CI is root.
bash scripts/test-package-deb.sh
