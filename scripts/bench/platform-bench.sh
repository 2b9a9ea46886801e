# Sourced by the platform's benchmark scripts (bench-pads.sh, bench-rating-reports.sh, bench-upward.sh), run from the
# repository's root. platform_bench LEVEL MAIN_CLASS ARGS...: builds platform-server and its test classes, then runs
# MAIN_CLASS on them with a fixed heap and its log at LEVEL or above on standard error (a line per pad, rating or
# delivery would drown the figures and cost time).
platform_bench() {
  local level=$1 main=$2
  shift 2
  echo "building platform-server and its test classes ..."
  ./mvnw -B -ntp -q -pl platform-server -am test-compile
  local cp_file
  cp_file=$(mktemp -t govkiosk-bench-cp-XXXXXX)
  ./mvnw -B -ntp -q -pl platform-server dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file"
  local cp="platform-server/target/test-classes:platform-server/target/classes:platform-api/target/classes"
  cp="$cp:$(cat "$cp_file")"
  rm -f "$cp_file"
  bench_logconf=$(mktemp -t govkiosk-bench-logback-XXXXXX.xml)
  trap 'rm -f "$bench_logconf"' EXIT
  cat >"$bench_logconf" <<XML
<configuration>
  <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
    <target>System.err</target>
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n</pattern></encoder>
  </appender>
  <root level="$level"><appender-ref ref="ERR"/></root>
</configuration>
XML
  java -Xms256m -Xmx512m -Dlogback.configurationFile="$bench_logconf" -cp "$cp" "$main" "$@"
}
