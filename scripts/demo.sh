#!/usr/bin/env bash
# Starts the terminal in demo mode: simulated devices, embedded platform, one-time maintenance PIN in the log.
# Needs only a JDK 17+ (and a desktop); the first run downloads Maven and the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=kiosk-app/target/govkiosk-terminal.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./kiosk-app/target -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.css' \) -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -ntp install -DskipTests
fi
# Class data sharing: the first start records the classes it loads in an archive beside the jar, and later starts
# map it instead of loading and verifying them again (scripts/bench-cold-start.sh shows the difference). A rebuilt
# jar gets a new archive.
jsa=${jar%.jar}.jsa
if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ]; then
  cds=(-XX:SharedArchiveFile="$jsa")
else
  rm -f "$jsa"
  cds=(-XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# sqlite-jdbc's native library from a copy beside the jar, not extracted to /tmp at every start (sqlite-native.sh).
. scripts/sqlite-native.sh
sqlite_native "$jar"
# The JVM options of the package's launcher (collector, heap, compiler: scripts/terminal-jvm.sh).
. scripts/terminal-jvm.sh
exec java "${cds[@]}" "${sqlite_opts[@]}" "${terminal_jvm_opts[@]}" -Dgovkiosk.config.dir=config -jar "$jar" --demo "$@"
