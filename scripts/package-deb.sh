#!/usr/bin/env bash
# Builds the terminal's Debian package: a jlink runtime and a jpackage application image (launcher
# /opt/govkiosk/bin/govkiosk), the shipped config/ as conffiles in /etc/govkiosk, the systemd unit, and maintainer
# scripts that create the govkiosk user and /var/lib/govkiosk. jpackage 17's own "--type deb" can ship neither
# files outside its install folder nor a unit, so jpackage makes the image and dpkg-deb packs it.
#
#   scripts/package-deb.sh [--version V] [--out DIR] [--skip-build]
#
#   --version V    Debian version (default: the Maven version, 0.1.0-SNAPSHOT -> 0.1.0~snapshot)
#   --out DIR      where the .deb goes (default target/deb)
#   --skip-build   reuse the jar and application image of the previous run (only the version changes)
# Needs a JDK 17 with jpackage and jlink, dpkg-deb and fakeroot (Debian: openjdk-17-jdk, dpkg, fakeroot).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=lib/deb-options.sh
. scripts/lib/deb-options.sh
deb_options package-deb "$@"

work="$root/target/jpackage"
jar="$root/kiosk-app/target/govkiosk-terminal.jar"
started=$(date +%s)

if ! $skip_build || [ ! -d "$work/image/govkiosk" ]; then
  ./mvnw -B -ntp -q -pl kiosk-app -am package -DskipTests
  rm -rf "$work"
  mkdir -p "$work/input"
  cp "$jar" "$work/input/"
  # The modules the terminal uses (jdeps --print-module-deps over the shaded jar, less jdk.javadoc, which only a
  # library's doclet needs) plus what it reaches by name at run time: charsets (GB18030), EC for TLS, Chinese
  # locale data, zipfs, jdk.random (RandomGenerator.getDefault(), a service provider jdeps cannot see: without it
  # the outbox worker failed to start in the package).
  modules=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http
  modules=$modules,java.scripting,java.security.jgss,java.smartcardio,java.sql,java.xml,jdk.charsets
  modules=$modules,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.net,jdk.unsupported
  modules=$modules,jdk.random,jdk.zipfs
  jlink --add-modules "$modules" --include-locales=en,zh,ug --strip-debug --no-header-files --no-man-pages \
      --compress=2 --output "$work/runtime"
  # The runtime's own class-data-sharing archive, which JDK 17's jlink does not make: without it every start reads
  # and checks the JDK's classes one by one where a stock JDK maps them.
  "$work/runtime/bin/java" -Xshare:dump >/dev/null
  # The classes a start of the terminal loads, recorded from a demo start on a virtual screen. postinst dumps the
  # terminal's own archive from this list where the jar is installed (CDS checks the class path it was made for).
  if command -v xvfb-run >/dev/null 2>&1; then
    mkdir -p "$work/classlist-home"
    xvfb-run -a -s "-screen 0 1280x1024x24" "$work/runtime/bin/java" \
        -XX:DumpLoadedClassList="$work/input/govkiosk.classlist" -Duser.home="$work/classlist-home" \
        -Dgovkiosk.exitAfterStart=true -Dgovkiosk.log.level=WARN -Dgovkiosk.config.dir=config \
        -jar "$jar" --demo --windowed >"$work/classlist.log" 2>&1 \
        || { echo "package-deb: the demo start that records the class list failed:" >&2; cat "$work/classlist.log" >&2; exit 1; }
    echo "package-deb: class list of a start: $(grep -vc '^#' "$work/input/govkiosk.classlist") classes"
  else
    echo "package-deb: no xvfb-run: the package has no class list, and the terminal starts without its own archive" >&2
  fi
  # The config folder is a system property of the launcher, so `govkiosk diag ...` finds /etc/govkiosk too. The
  # archive postinst makes is mapped when it is there (a missing one is warned about and the start goes on). The
  # collector, heap and compiler settings are the demo's and the benchmark's too (scripts/terminal-jvm.sh).
  . scripts/terminal-jvm.sh
  jvm_options=()
  for option in "${terminal_jvm_opts[@]}"; do jvm_options+=(--java-options "$option"); done
  jpackage --type app-image --name govkiosk --dest "$work/image" --input "$work/input" \
      --main-jar govkiosk-terminal.jar --main-class org.govkiosk.app.Main --runtime-image "$work/runtime" \
      --app-version "$(echo "$version" | sed 's/[^0-9.].*//')" \
      --java-options "-Dgovkiosk.config.dir=/etc/govkiosk" "${jvm_options[@]}" \
      --java-options "-XX:+ExitOnOutOfMemoryError" \
      --java-options "-XX:SharedArchiveFile=/opt/govkiosk/lib/govkiosk.jsa" \
      --java-options "-Dorg.sqlite.lib.path=/opt/govkiosk/lib/sqlite-native" \
      --java-options "-Dorg.sqlite.lib.name=libsqlitejdbc.so"
fi

arch=$(dpkg --print-architecture)
stage="$work/stage"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/etc" "$stage/lib/systemd/system"
cp -a "$work/image/govkiosk" "$stage/opt/govkiosk"
# sqlite-jdbc's native library for this architecture, taken out of the jar here once: the launcher loads it from
# /opt/govkiosk/lib/sqlite-native, where every start would otherwise spawn `uname -o` and extract 1.1 MB to a temp
# folder before the outbox could open (150-420 ms of a start, measured; scripts/sqlite-native.sh does the same for
# the demo). An architecture sqlite-jdbc names otherwise gets no copy, and the library is extracted as before.
case "$arch" in
  amd64) sqlite_arch=x86_64 ;;
  arm64) sqlite_arch=aarch64 ;;
  *) sqlite_arch="" ;;
esac
if [ -n "$sqlite_arch" ]; then
  native="$work/sqlite-native"
  rm -rf "$native" && mkdir -p "$native"
  (cd "$native" && jar xf "$stage/opt/govkiosk/lib/app/govkiosk-terminal.jar" \
      "org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so")
  [ -s "$native/org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" ] \
      || { echo "package-deb: no sqlite-jdbc library for $sqlite_arch in the jar" >&2; exit 1; }
  install -D -m 0644 "$native/org/sqlite/native/Linux/$sqlite_arch/libsqlitejdbc.so" \
      "$stage/opt/govkiosk/lib/sqlite-native/libsqlitejdbc.so"
fi
cp README.md "$stage/opt/govkiosk/README.md"
cp -a config "$stage/etc/govkiosk"
# The shipped terminal.yaml is the demo's; a packaged terminal keeps its state in the service's state folder.
sed -i 's|^# storage: .*|storage:|; s|^#   data-dir: /var/lib/govkiosk .*|  data-dir: /var/lib/govkiosk|' \
    "$stage/etc/govkiosk/terminal.yaml"
grep -q '^  data-dir: /var/lib/govkiosk' "$stage/etc/govkiosk/terminal.yaml" \
    || { echo "package-deb: could not set storage.data-dir in terminal.yaml" >&2; exit 1; }
cp packaging/systemd/govkiosk-terminal.service "$stage/lib/systemd/system/"
cp packaging/debian/postinst packaging/debian/prerm packaging/debian/postrm "$stage/DEBIAN/"
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"
# Every file under /etc is a conffile: an upgrade keeps what the technician changed.
(cd "$stage" && find etc -type f | sort | sed 's|^|/|') > "$stage/DEBIAN/conffiles"
size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: govkiosk-terminal
Version: $version
Architecture: $arch
Maintainer: govkiosk <govkiosk@example.invalid>
Section: misc
Priority: optional
Installed-Size: $size_kb
Depends: libc6, libgtk-3-0 | libgtk-3-0t64, libxtst6, passwd, fonts-ukij-uyghur, fonts-noto-core
Recommends: fonts-wqy-zenhei, pcscd, cups-bsd, espeak-ng, libgstreamer1.0-0, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good
Description: govkiosk self-service terminal for government service halls
 The citizen kiosk and window rating pad (JavaFX) with its own Java runtime,
 configuration in /etc/govkiosk, state in /var/lib/govkiosk and a systemd
 service with a watchdog. Technicians: /opt/govkiosk/bin/govkiosk diag --help
CONTROL

mkdir -p "$out"
deb="$out/govkiosk-terminal_${version}_${arch}.deb"
# xz for the shipped package; the package test sets DEB_COMPRESS=gzip (xz of ~100 MB takes minutes on 2 cores).
fakeroot dpkg-deb --build -Z"${DEB_COMPRESS:-xz}" "$stage" "$deb" >/dev/null
echo "package-deb: $deb ($(du -k "$deb" | cut -f1) KB, installed $size_kb KB) in $(( $(date +%s) - started )) s"
