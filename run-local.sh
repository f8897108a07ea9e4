#!/usr/bin/env bash
# Starts the whole ledger on embedded defaults: a PostgreSQL server on 127.0.0.1:15432 (LEDGER_PG_PORT) with its data
# under $LEDGER_DATA_DIR/postgres (default ./data), an in-process Kafka broker on 127.0.0.1:9092, the command service on
# 8081 and the query service on 8082. Options are passed on: ./run-local.sh --help lists them and every variable.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run-local.sh needs a JDK 17 or newer on the PATH" >&2
  exit 1
fi
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${java_major%%.*}" -lt 17 ]; then
  echo "run-local.sh needs Java 17 or newer; found $java_major" >&2
  exit 1
fi

jar=local-run/target/border-ledger-local.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o \
    \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name '*.xml' \) -newer "$jar" -print -quit)" ]; then
  echo "Building the ledger (first run, or sources changed)..."
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl local-run -am
fi

exec java -Daxoniq.update-checker.disabled=true -XX:+UseSerialGC -Xms128m -Xmx768m -jar "$jar" "$@"
