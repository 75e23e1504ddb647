#!/usr/bin/env bash
# The benchmark suite: builds what it needs, then measures side by side and prints a table
# (also bench/target/bench/results.json). Never part of ./mvnw verify. Options as system properties:
#   BENCH_OPTS="-Dbench.runs=5 -Dbench.events=20000" bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -nE 's/.*java.specification.version = ([0-9]+).*/\1/p')"
[ "${VERSION:-0}" -ge 21 ] || { echo "bench needs JDK 21 or newer; '$JAVA' is ${VERSION:-unknown}. Point JAVA_HOME at a JDK 21+." >&2; exit 2; }
./mvnw -q -B -ntp package -DskipTests -pl bench -am
# The bench's own jar, not its classes directory: the probe goes on the child JVMs' classpath, and a
# class-data-sharing archive cannot be made with a directory on it.
BENCH_JAR="$(ls bench/target/touchpoint-bench-*.jar | head -1)"
exec "$JAVA" ${BENCH_OPTS:-} -cp "$BENCH_JAR:$(cat bench/target/bench-classpath.txt)" dev.touchpoint.bench.Bench "$(pwd)"
