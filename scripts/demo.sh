#!/usr/bin/env bash
# Starts the terminal in demo mode: simulated devices, embedded platform, one-time maintenance PIN in the log.
# Needs only a JDK 17+ (and a desktop); the first run downloads Maven and the dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=kiosk-app/target/govkiosk-terminal.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./kiosk-app/target -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.css' \) -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -ntp install -DskipTests
fi
exec java -Dgovkiosk.config.dir=config -jar "$jar" --demo "$@"
