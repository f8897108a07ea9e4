#!/usr/bin/env bash
# The fault suite: ./bench/faults.sh [--quick]
#
# Builds what is missing, then runs org.borderledger.bench.FaultSuite: a PostgreSQL server of its own (under the run's
# work directory, port BASE+30), a Kafka broker (local-run --broker-only) as its own process, two command-service and
# two query-service instances as separate JVMs sharing one event store and one read-model database, 16 writers spread
# over the command instances, and one fault at a time (kill -9 and restart of a query instance, the broker stopped,
# PostgreSQL killed and restarted, the broker paused, and last kill -9 of the publishing command instance), then the read
# side's events/s with 1, 2 and 3 query instances sharing a fresh database (a replay of the run's topic, 6 partitions).
# Prints the figures and writes them to bench/results/faults-<date>.json. --quick (CI) shortens every phase (about 9
# minutes in all).
#
# Exit status 0 when every acknowledged write is in the store exactly once, no answer was a 500 or hit the client's
# timeout, every 503 was problem+json with Retry-After, the read models equal a fresh rebuild, and each scaling replay
# projected every event.
#
# Environment (optional): FAULTS_PORT_BASE (18400: services on +1..+7, management ports +51..+57, broker +12/+13,
# PostgreSQL +30), FAULTS_NO_BUILD (use the jars as they are).
set -euo pipefail

main() {
  cd "$(dirname "$0")/.."
  quick=()
  for arg in "$@"; do
    case "$arg" in
      --quick) quick=(--quick) ;;
      -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
      *) echo "unknown option $arg (use --quick)" >&2; exit 2 ;;
    esac
  done
  port_base=${FAULTS_PORT_BASE:-18400}
  for offset in 1 2 3 4 5 6 7 12 13 30 51 52 53 54 55 56 57; do
    if (exec 3<>/dev/tcp/127.0.0.1/$((port_base + offset))) 2>/dev/null; then
      echo "faults: port $((port_base + offset)) is in use (set FAULTS_PORT_BASE)" >&2; exit 1
    fi
  done

  command_jar=command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar
  query_jar=query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar
  local_jar=local-run/target/border-ledger-local.jar
  bench_jar=bench/target/border-ledger-bench.jar
  stale=false
  for jar in $command_jar $query_jar $local_jar $bench_jar; do [ -f "$jar" ] || stale=true; done
  if ! $stale && [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o -path ./bench/results -prune -o \
      \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' \) -newer "$bench_jar" -print -quit)" ]; then
    stale=true
  fi
  if $stale && [ -z "${FAULTS_NO_BUILD:-}" ]; then
    echo "Building the services, the local broker and the fault suite"
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl bench,local-run -am
  fi

  work="$(pwd)/bench/results/tmp/faults-$(date -u +%Y%m%d-%H%M%S)"
  mkdir -p "$work/jars" bench/results
  # the services run from copies, so that a rebuild during the run cannot pull a jar from under a running JVM
  cp "$command_jar" "$query_jar" "$local_jar" "$bench_jar" "$work/jars/"
  out="bench/results/faults-$(date -u +%Y-%m-%d)${quick:+-quick}.json"
  echo "Fault suite; logs of every process in $work"
  status=0
  # The suite's clients write as fast as they can with a few tokens, far above a border post's rate: its services run
  # with the write rate limit raised (the services' default is 5 writes/s per token with bursts of 1000)
  export LEDGER_WRITE_RATE_LIMIT=${FAULTS_WRITE_RATE_LIMIT:-100000} LEDGER_WRITE_RATE_BURST=${FAULTS_WRITE_RATE_BURST:-1000000}
  echo "Write rate limit of this run's services: $LEDGER_WRITE_RATE_LIMIT writes/s per token, bursts of $LEDGER_WRITE_RATE_BURST"
  java -Xms256m -Xmx512m -XX:+UseSerialGC -Dloader.main=org.borderledger.bench.FaultSuite \
    -cp "$work/jars/$(basename "$bench_jar")" org.springframework.boot.loader.launch.PropertiesLauncher \
    "${quick[@]}" --work "$work" --port-base "$port_base" --out "$out" \
    --command-jar "$work/jars/$(basename "$command_jar")" --query-jar "$work/jars/$(basename "$query_jar")" \
    --local-jar "$work/jars/$(basename "$local_jar")" || status=$?
  rm -rf "$work/jars" "$work/postgres" "$work/broker"
  echo "figures in $out"
  exit $status
}

main "$@"
