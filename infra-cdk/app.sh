#!/usr/bin/env bash
# What cdk.json runs: the Java CDK app, on the JDK in JAVA_HOME (21+), with the classpath Maven wrote.
# Build first, from the repository root:  ./mvnw package -DskipTests
set -euo pipefail
cd "$(dirname "$0")"
java_bin=java
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
major=$("$java_bin" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${major:-0}" -lt 21 ] 2>/dev/null; then
  echo "infra-cdk needs JDK 21 or newer; '$java_bin' is ${major:-unknown}. Point JAVA_HOME at a JDK 21+." >&2
  exit 1
fi
if [ ! -f target/classes/dev/touchpoint/infra/TouchpointApp.class ] || [ ! -f target/cdk-classpath.txt ]; then
  echo "infra-cdk is not built: run ./mvnw package -DskipTests at the repository root" >&2
  exit 1
fi
exec "$java_bin" -cp "target/classes:$(cat target/cdk-classpath.txt)" dev.touchpoint.infra.TouchpointApp
