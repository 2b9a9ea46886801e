#!/usr/bin/env bash
# Builds the platform's Debian package (govkiosk-platform): the shaded platform jar run by the system's Java 17
# (Debian's openjdk-17-jre-headless, kept up to date by the distribution's security updates; the platform is a
# server, where a private runtime would only be one more JDK to patch), /etc/govkiosk-platform/platform.yaml with
# the terminals' catalog and working calendar as conffiles, a hardened systemd unit running as the user
# govkiosk-platform, state in /var/lib/govkiosk-platform.
#
#   scripts/package-platform-deb.sh [--version V] [--out DIR] [--skip-build]
#
#   --version V    Debian version (default: the Maven version, 0.1.0-SNAPSHOT -> 0.1.0~snapshot)
#   --out DIR      where the .deb goes (default target/deb)
#   --skip-build   reuse the platform jar of the previous build
# Needs dpkg-deb and fakeroot.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=lib/deb-options.sh
. scripts/lib/deb-options.sh
deb_options package-platform-deb "$@"

jar="$root/platform-server/target/govkiosk-platform.jar"
if ! $skip_build || [ ! -f "$jar" ]; then
  ./mvnw -B -ntp -q -pl platform-server -am package -DskipTests
fi

arch=all
stage="$root/target/platform-deb/stage"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/usr/bin" "$stage/usr/share/govkiosk-platform" \
    "$stage/usr/share/doc/govkiosk-platform" "$stage/etc/govkiosk-platform" "$stage/lib/systemd/system"
cp "$jar" "$stage/usr/share/govkiosk-platform/govkiosk-platform.jar"
install -m 0755 packaging/platform/govkiosk-platform "$stage/usr/bin/govkiosk-platform"
install -m 0755 packaging/platform/await-health "$stage/usr/share/govkiosk-platform/await-health"
cp docs/province.md "$stage/usr/share/doc/govkiosk-platform/province.md"
cp packaging/platform/systemd/govkiosk-platform.service "$stage/lib/systemd/system/"
# The sample configuration with a package's paths: the database and generated keys in the state folder, the tokens
# postinst makes beside the file. The catalog (promised days) and the calendar are the terminals' own, beside it.
conf="$stage/etc/govkiosk-platform/platform.yaml"
sed -e 's|^db-url: jdbc:h2:file:\./data/govkiosk-platform |db-url: jdbc:h2:file:/var/lib/govkiosk-platform/db/govkiosk-platform |' \
    -e 's|^# enrolment-token-file: /etc/govkiosk/enrolment-token |enrolment-token-file: /etc/govkiosk-platform/enrolment-token |' \
    -e 's|^# clerk-token-file: /etc/govkiosk/clerk-token  |clerk-token-file: /etc/govkiosk-platform/clerk-token  |' \
    -e 's|^certificate-key-dir: \./data/certificate-keys |certificate-key-dir: /var/lib/govkiosk-platform/certificate-keys |' \
    -e 's|/etc/govkiosk/|/etc/govkiosk-platform/|g' \
    -e 's|java -jar govkiosk-platform.jar --config=/etc/govkiosk-platform/platform.yaml|govkiosk-platform (the package: systemctl start govkiosk-platform)|' \
    config/platform.yaml > "$conf"
for line in '^db-url: jdbc:h2:file:/var/lib/govkiosk-platform/db/' '^enrolment-token-file: /etc/govkiosk-platform/' \
    '^clerk-token-file: /etc/govkiosk-platform/' '^certificate-key-dir: /var/lib/govkiosk-platform/'; do
  grep -q "$line" "$conf" || { echo "package-platform-deb: could not set $line in platform.yaml" >&2; exit 1; }
done
cp config/catalog.yaml "$stage/etc/govkiosk-platform/"
cp -a config/calendar "$stage/etc/govkiosk-platform/calendar"
cp packaging/platform/debian/postinst packaging/platform/debian/prerm packaging/platform/debian/postrm "$stage/DEBIAN/"
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"
(cd "$stage" && find etc -type f | sort | sed 's|^|/|') > "$stage/DEBIAN/conffiles"
size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: govkiosk-platform
Version: $version
Architecture: $arch
Maintainer: govkiosk <govkiosk@example.invalid>
Section: net
Priority: optional
Installed-Size: $size_kb
Depends: openjdk-17-jre-headless | java17-runtime-headless, curl, passwd
Recommends: fonts-wqy-zenhei
Suggests: postgresql, haproxy
Description: govkiosk platform: hall gateway for government service hall terminals
 Receives the terminals' signed cases and ratings, pushes rating requests to
 the windows' pads, issues result documents. H2 in /var/lib/govkiosk-platform
 by default; several instances share one PostgreSQL behind a load balancer.
 Configuration: /etc/govkiosk-platform/platform.yaml.
CONTROL
mkdir -p "$out"
deb="$out/govkiosk-platform_${version}_${arch}.deb"
fakeroot dpkg-deb --build -Z"${DEB_COMPRESS:-xz}" "$stage" "$deb" >/dev/null
echo "package-platform-deb: $deb ($(du -k "$deb" | cut -f1) KB, installed $size_kb KB)"
