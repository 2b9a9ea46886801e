#!/usr/bin/env bash
# Issue 18 benchmark: upward delivery to the provincial 好差评 system. The reference platform (H2 in memory) drains
# RATINGS ratings from its outbox through the stand-in province on loopback (signed requests, signed answers, one
# request per delivery), under HMAC-SHA256 and HMAC-SM3 side by side, and with a province failing every third
# request. A benchmark: it prints figures and fails nothing on a timing.
#   RATINGS=300 BATCH=50
set -euo pipefail
cd "$(dirname "$0")/.."
echo "building platform-server and its test classes ..."
./mvnw -B -ntp -q -pl platform-server -am test-compile
cp_file=$(mktemp -t govkiosk-upward-cp-XXXXXX)
./mvnw -B -ntp -q -pl platform-server dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
cp="platform-server/target/test-classes:platform-server/target/classes:platform-api/target/classes:$(cat "$cp_file")"
rm -f "$cp_file"
logconf=$(mktemp -t govkiosk-upward-logback-XXXXXX.xml)
trap 'rm -f "$logconf"' EXIT
cat >"$logconf" <<'XML'
<configuration>
  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
  </appender>
  <root level="ERROR"><appender-ref ref="ERR"/></root>
</configuration>
XML
java -Xms256m -Xmx512m -Dlogback.configurationFile="$logconf" \
  -cp "$cp" org.govkiosk.platform.province.UpwardDeliveryBench "${RATINGS:-300}" "${BATCH:-50}"
