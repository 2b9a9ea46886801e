#!/usr/bin/env bash
# Issue 7 benchmark: request-to-pad latency with many rating pads connected to the reference platform on loopback
# (real signed SSE streams, H2 in memory). Latency runs from the window business system's POST until the pad's
# client has read the event. A benchmark: it prints figures and fails nothing on a timing.
#   PADS=500 REQUESTS=1000 SENDERS=8
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building platform-server and its test classes ..."
./mvnw -B -ntp -q -pl platform-server -am test-compile
cp_file=$(mktemp -t govkiosk-pads-cp-XXXXXX)
./mvnw -B -ntp -q -pl platform-server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
cp="platform-server/target/test-classes:platform-server/target/classes:platform-api/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
# Warnings only: a line per pad connection and request would drown the figures (and cost time).
logconf=$(mktemp -t govkiosk-pads-logback-XXXXXX.xml)
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
  -cp "$cp" org.govkiosk.platform.pads.bench.PadLatencyBench "${PADS:-500}" "${REQUESTS:-1000}" "${SENDERS:-8}"
