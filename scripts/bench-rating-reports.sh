#!/usr/bin/env bash
# Issue 18 benchmark: the period rating reports (JSON, CSV, printable and published pages) over a month of N ratings,
# beside the per-level summary of the same period, measured in the same run (H2 in memory, loopback).
# A benchmark: it prints figures and fails nothing on a timing.
#   RATINGS=5000 ROUNDS=20
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building platform-server and its test classes ..."
./mvnw -B -ntp -q -pl platform-server -am test-compile
cp_file=$(mktemp -t govkiosk-reports-cp-XXXXXX)
./mvnw -B -ntp -q -pl platform-server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
cp="platform-server/target/test-classes:platform-server/target/classes:platform-api/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
# Warnings only: a line per stored rating would drown the figures.
logconf=$(mktemp -t govkiosk-reports-logback-XXXXXX.xml)
trap 'rm -f "$logconf"' EXIT
cat >"$logconf" <<'XML'
<configuration>
  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="ERR"/></root>
</configuration>
XML
java -Xms256m -Xmx512m -Dlogback.configurationFile="$logconf" \
  -cp "$cp" org.govkiosk.platform.ratings.bench.RatingReportBench "${RATINGS:-5000}" "${ROUNDS:-20}"
