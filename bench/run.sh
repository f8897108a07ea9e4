#!/usr/bin/env bash
# The benchmark (issue #7): ./bench/run.sh [--quick] [--profile]
#
# Builds what is missing, creates fresh PostgreSQL databases, starts a real Kafka broker (local-run --broker-only), the
# command service and the query service as separate JVMs (their -exec.jar files), waits for health, warms up, then
# measures ingest, end-to-end latency, PostgreSQL's own single-row commit rate (pgbench), the read side's rebuild from
# the distribution log (replay), and each service's resident memory. Prints a table, writes bench/results/<date>.json
# and, in full mode, the latest figures in docs/benchmarks.md. Every process it starts is stopped on exit.
#
# --profile records a JFR (Java Flight Recorder) recording of each service during the measured ingest window and of the
# rebuilding query service during the replay, then prints the top frames by CPU of each (execution samples: self, by
# library, by thread, inclusive); the recordings stay in the run's directory, the summary goes to
# bench/results/<date>[-quick]-profile.txt and into the figures' JSON.
#
# Exit status: 0 when the run completed and every write was answered 201 (whether or not the targets are met),
# non-zero when a phase crashed or a write was refused.
#
# Environment (all optional): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_PORT_BASE (28080),
# BENCH_DB_PREFIX (ledger_bench: the databases <prefix>_command, _query, _replay, _pgbench, dropped and created anew),
# BENCH_SERVICE_JAVA_OPTS / BENCH_REPLAY_JAVA_OPTS (JVM flags of the services / of the rebuilding query service),
# BENCH_INGEST_S / BENCH_WARMUP_S / BENCH_E2E_S / BENCH_REPLAY_EVENTS / BENCH_REPLAY_TIMEOUT_S (durations, replay size,
# how long the replay may take: 1800 s; it fails sooner when nothing more is processed for 120 s), BENCH_PHASES (e.g.
# "ingest e2e": only some phases; such a run leaves docs/benchmarks.md alone), BENCH_NO_BUILD (use the jars as they are).
set -euo pipefail

# the whole script is one function, read before it runs: editing this file during a run cannot derail the run
main() {
  cd "$(dirname "$0")/.."
  root=$(pwd)

  quick=false
  profile=false
  for arg in "$@"; do
    case "$arg" in
      --quick) quick=true ;;
      --profile) profile=true ;;
      -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
      *) echo "unknown option $arg (use --quick or --profile)" >&2; exit 2 ;;
    esac
  done

  if $quick; then
    ingest_s=${BENCH_INGEST_S:-10}; warmup_s=${BENCH_WARMUP_S:-8}; e2e_s=${BENCH_E2E_S:-10}
    replay_events=${BENCH_REPLAY_EVENTS:-50000}
    e2e_quarter_s=${BENCH_E2E_S:-5}
  else
    ingest_s=${BENCH_INGEST_S:-60}; warmup_s=${BENCH_WARMUP_S:-20}; e2e_s=${BENCH_E2E_S:-30}
    replay_events=${BENCH_REPLAY_EVENTS:-1000000}
    e2e_quarter_s=${BENCH_E2E_S:-15}
  fi
  clients=16
  # all phases unless told otherwise (development: BENCH_PHASES="ingest e2e")
  phases=" ${BENCH_PHASES:-ingest e2e pgbench replay} "
  has() { [[ "$phases" == *" $1 "* ]]; }

  export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
  port_base=${BENCH_PORT_BASE:-28080}
  db_prefix=${BENCH_DB_PREFIX:-ledger_bench}
  command_port=$((port_base + 1)); query_port=$((port_base + 2)); replay_port=$((port_base + 3))
  kafka_port=$((port_base + 12)); kafka_controller_port=$((port_base + 13))
  bootstrap=127.0.0.1:$kafka_port
  # Service JVMs (docs/benchmarks.md has the measurements): a fixed, small heap (the default would be a quarter of the
  # machine's memory), serial GC (two cores: no collector threads competing with request threads; G1 needed 100 MiB
  # more per service for the same rate), small thread stacks, and only the C1 compiler: on two cores C2 spent a quarter
  # of the command service's CPU compiling Spring's and Axon's code during the measured minute. The rebuild (replay)
  # is a long batch on one thread, where C2's faster code pays for its compilation: it keeps the tiered default.
  service_java_opts=${BENCH_SERVICE_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:TieredStopAtLevel=1}
  replay_java_opts=${BENCH_REPLAY_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m}
  bench_java_opts="-Xms256m -Xmx512m -XX:+UseSerialGC"

  log() { printf '\n[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
  fail() { echo "bench: $*" >&2; exit 1; }

  command -v java >/dev/null || fail "needs a JDK 17+ on the PATH"
  if $profile; then command -v jcmd >/dev/null || fail "--profile needs jcmd (JDK) on the PATH"; fi
  command -v psql >/dev/null || fail "needs psql (PostgreSQL client)"
  pg_isready -q || fail "needs PostgreSQL on $PGHOST:$PGPORT (trust auth for $PGUSER)"
  for port in $command_port $query_port $replay_port $kafka_port $kafka_controller_port; do
    if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then fail "port $port is in use (set BENCH_PORT_BASE)"; fi
  done

  started_at=$(date +%s)
  work="$root/bench/results/tmp/$(date -u +%Y%m%d-%H%M%S)"
  mkdir -p "$work"
  echo "Benchmark ($($quick && echo quick || echo full) mode$($profile && echo ', profiled'); logs and figures of this run in $work"
  if $profile; then
    # deeper stacks than JFR's default 64 frames, so that a request's samples reach the servlet and the thread's root
    service_java_opts="$service_java_opts -XX:FlightRecorderOptions:stackdepth=256"
    replay_java_opts="$replay_java_opts -XX:FlightRecorderOptions:stackdepth=256"
  fi
  jfr_start() { # pid name: a recording with the "profile" settings (execution samples every 10 ms), until jfr_stop
    jcmd "$1" JFR.start name="$2" settings=profile >/dev/null || echo "  (could not start a JFR recording in pid $1)"
  }
  jfr_stop() { # pid name file
    jcmd "$1" JFR.stop name="$2" filename="$3" >/dev/null || echo "  (could not stop the JFR recording in pid $1)"
  }

  # ---- processes, stopped on exit in reverse order --------------------------------------------------------------
  pids=()
  stop_pid() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  }
  cleanup() {
    local status=$?
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_pid "${pids[$i]}"; done
    rm -rf "$work/jars" "$work/broker"
    exit $status
  }
  trap cleanup EXIT
  trap 'exit 130' INT TERM

  # ---- build what is missing -------------------------------------------------------------------------------------
  command_jar=command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar
  query_jar=query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar
  local_jar=local-run/target/border-ledger-local.jar
  bench_jar=bench/target/border-ledger-bench.jar
  stale=false
  for jar in $command_jar $query_jar $local_jar $bench_jar; do
    [ -f "$jar" ] || stale=true
  done
  if ! $stale && [ -n "$(find . -path ./data -prune -o -path '*/target' -prune -o -path ./bench/results -prune -o \
      \( -name '*.java' -o -name '*.yml' -o -name '*.sql' -o -name 'pom.xml' -o -name '*.xml' \) -newer "$bench_jar" -print -quit)" ]; then
    stale=true
  fi
  if $stale && [ -z "${BENCH_NO_BUILD:-}" ]; then
    log "Building the services, the local broker and the load generator"
    ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package -pl bench,local-run -am
  fi

  # the services run from copies, so that a rebuild during the run cannot pull a jar from under a running JVM
  mkdir -p "$work/jars"
  cp "$command_jar" "$query_jar" "$local_jar" "$bench_jar" "$work/jars/"
  command_jar="$work/jars/$(basename "$command_jar")"; query_jar="$work/jars/$(basename "$query_jar")"
  local_jar="$work/jars/$(basename "$local_jar")"; bench_jar="$work/jars/$(basename "$bench_jar")"

  # ---- fresh databases ---------------------------------------------------------------------------------------------
  log "Creating fresh databases ${db_prefix}_command, ${db_prefix}_query, ${db_prefix}_replay, ${db_prefix}_pgbench"
  for db in ${db_prefix}_command ${db_prefix}_query ${db_prefix}_replay ${db_prefix}_pgbench; do
    psql -q -d postgres -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
  done
  db_url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }

  secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 48)
  [ ${#secret} -ge 32 ] || fail "could not generate a JWT secret"
  # the key that signs the topic's records (command service, replay history) and verifies them (query service)
  LEDGER_RECORD_KEYS="bench=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  export LEDGER_RECORD_KEYS

  wait_healthy() { # name url pid seconds
    local name=$1 url=$2 pid=$3 limit=$4
    for _ in $(seq 1 $((limit * 2))); do
      kill -0 "$pid" 2>/dev/null || fail "$name exited during start-up; see $work/$name.log"
      if curl -sf -o /dev/null "$url"; then return 0; fi
      sleep 0.5
    done
    fail "$name not healthy within ${limit}s; see $work/$name.log"
  }

  # The benchmark measures how fast the service can go with a few tokens, far above a border post's rate: its services
  # run with the write rate limit raised (the services' default is 5 writes/s per token with bursts of 1000)
  write_rate_limit=${BENCH_WRITE_RATE_LIMIT:-100000}
  write_rate_burst=${BENCH_WRITE_RATE_BURST:-1000000}
  log "Write rate limit of the measured services: $write_rate_limit writes/s per token, bursts of $write_rate_burst (BENCH_WRITE_RATE_LIMIT, BENCH_WRITE_RATE_BURST)"
  # and its end-to-end phase reads with one token, so that token may hold every waiting read (the services' default
  # share of one token subject is 25 of 100)
  read_waiting_per_subject=${BENCH_READ_MAX_WAITING_PER_SUBJECT:-100}
  log "Waiting reads one token of the measured services may hold: $read_waiting_per_subject (BENCH_READ_MAX_WAITING_PER_SUBJECT)"

  started_pid=
  start_service() { # name jar port db-url topic [java options]; sets started_pid
    local name=$1 jar=$2 port=$3 url=$4 topic=$5 java_opts=${6:-$service_java_opts}
    # shellcheck disable=SC2086
    env LEDGER_COMMAND_PORT="$port" LEDGER_QUERY_PORT="$port" LEDGER_MANAGEMENT_PORT="$((port + 1000))" \
      LEDGER_COMMAND_DB_URL="$url" LEDGER_QUERY_DB_URL="$url" \
      LEDGER_KAFKA_BOOTSTRAP="$bootstrap" LEDGER_KAFKA_TOPIC="$topic" LEDGER_JWT_SECRET="$secret" \
      LEDGER_SEAL_KEY_FILE="$work/seal-key.pem" LEDGER_SEAL_KEY_GENERATE=true \
      LEDGER_WRITE_RATE_LIMIT="$write_rate_limit" LEDGER_WRITE_RATE_BURST="$write_rate_burst" \
      LEDGER_READ_MAX_WAITING_PER_SUBJECT="$read_waiting_per_subject" \
      AXONIQ_UPDATE_CHECKER_DISABLED=true \
      java $java_opts -Daxoniq.update-checker.disabled=true -jar "$jar" >"$work/$name.log" 2>&1 &
    started_pid=$!
    pids+=("$started_pid")
  }

  rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

  # ---- broker, then the services -----------------------------------------------------------------------------------
  log "Starting the Kafka broker (local-run --broker-only) on $bootstrap"
  LEDGER_DATA_DIR="$work/broker" LEDGER_KAFKA_PORT=$kafka_port LEDGER_KAFKA_CONTROLLER_PORT=$kafka_controller_port \
    java -Xms256m -Xmx512m -XX:+UseSerialGC -Daxoniq.update-checker.disabled=true -jar "$local_jar" --broker-only \
    >"$work/broker.log" 2>&1 &
  broker_pid=$!
  pids+=("$broker_pid")
  for _ in $(seq 1 120); do
    grep -q "Kafka broker up" "$work/broker.log" 2>/dev/null && break
    kill -0 "$broker_pid" 2>/dev/null || fail "the broker exited; see $work/broker.log"
    sleep 0.5
  done
  grep -q "Kafka broker up" "$work/broker.log" || fail "the broker did not start within 60s; see $work/broker.log"

  command_pid=; query_pid=
  if has ingest || has e2e; then
    log "Starting command-service (:$command_port) and query-service (:$query_port) as separate JVMs: $service_java_opts"
    start_service command-service "$command_jar" $command_port "$(db_url ${db_prefix}_command)" ledger.events
    command_pid=$started_pid
    start_service query-service "$query_jar" $query_port "$(db_url ${db_prefix}_query)" ledger.events
    query_pid=$started_pid
    wait_healthy command-service "http://127.0.0.1:$command_port/readyz" "$command_pid" 180
    wait_healthy query-service "http://127.0.0.1:$query_port/readyz" "$query_pid" 180
    echo "  up after $(($(date +%s) - started_at))s"
  fi

  bench() { # phase, options...
    # shellcheck disable=SC2086
    java $bench_java_opts -jar "$bench_jar" "$@"
  }
  common=(--command "http://127.0.0.1:$command_port" --query "http://127.0.0.1:$query_port" --secret "$secret")

  {
    printf '{"serviceJavaOpts": "%s", "replayJavaOpts": "%s", "clients": %d, "ingestS": %s, "warmupS": %s, "e2eS": %s, "replayEvents": %s,' \
      "$service_java_opts" "$replay_java_opts" "$clients" "$ingest_s" "$warmup_s" "$e2e_s" "$replay_events"
    printf ' "postgresql": "%s"}\n' "$(psql -tA -d postgres -c 'SHOW server_version')"
  } >"$work/settings.json"

  # ---- 1. ingest ---------------------------------------------------------------------------------------------------
  if has ingest; then
  log "1. Ingest: $clients clients, warm-up ${warmup_s}s, then ${ingest_s}s measured"
  if $profile; then
    # the recordings cover the measured window: they start when the load generator's warm-up ends
    ( sleep "$warmup_s"; jfr_start "$command_pid" ingest; jfr_start "$query_pid" ingest ) &
    jfr_starter=$!
  fi
  bench ingest "${common[@]}" --clients $clients --warmup "$warmup_s" --duration "$ingest_s" --out "$work/ingest.json" \
    --watch "commandService=$command_pid,queryService=$query_pid,broker=$broker_pid" --watch-db ${db_prefix}_command

  # ---- 5. resident memory at the end of the ingest phase ----------------------------------------------------------
  if $profile; then
    wait "$jfr_starter" || true
    jfr_stop "$command_pid" ingest "$work/profile-ingest-command-service.jfr"
    jfr_stop "$query_pid" ingest "$work/profile-ingest-query-service.jfr"
  fi
  command_rss=$(rss_kib "$command_pid"); query_rss=$(rss_kib "$query_pid")
  printf '{"commandServiceRssKiB": %s, "queryServiceRssKiB": %s}\n' "$command_rss" "$query_rss" >"$work/memory.json"
  echo "  resident memory: command-service $((command_rss / 1024)) MiB, query-service $((query_rss / 1024)) MiB"
  fi

  # ---- 2. end-to-end -----------------------------------------------------------------------------------------------
  if has e2e; then
  rate=$(sed -n 's/.*"commandsPerS" *: *\([0-9]*\).*/\1/p' "$work/ingest.json" 2>/dev/null | head -1)
  rate=${BENCH_E2E_RATE:-$((${rate:-0} / 2))}
  [ "${rate:-0}" -gt 0 ] || fail "ingest measured no rate"
  log "2. End-to-end: once the read side has caught up with the ingest phase, ${rate} writes/s (half the ingest rate), open loop, ${e2e_s}s"
  last_position=$(sed -n 's/.*"lastPosition" *: *\([0-9]*\).*/\1/p' "$work/ingest.json" 2>/dev/null | head -1)
  bench e2e "${common[@]}" --rate "$rate" --duration "$e2e_s" --catch-up-to "${last_position:-0}" --out "$work/e2e.json" \
    --watch "commandService=$command_pid,queryService=$query_pid,broker=$broker_pid" --watch-db ${db_prefix}_command
  log "2b. End-to-end at a quarter of the ingest rate ($((rate / 2)) writes/s, informational), ${e2e_quarter_s}s"
  bench e2e "${common[@]}" --rate "$((rate / 2 > 0 ? rate / 2 : 1))" --duration "$e2e_quarter_s" \
    --out "$work/e2eQuarter.json"
  fi

  # ---- 4. PostgreSQL's own single-row commit rate ------------------------------------------------------------------
  if ! has pgbench; then
    :
  elif command -v pgbench >/dev/null; then
    log "4. pgbench: $clients clients, one single-row INSERT of an event-sized row per transaction, ${ingest_s}s"
    # the event store's own table, from the command service's migration
    psql -q -d ${db_prefix}_pgbench -v ON_ERROR_STOP=1 \
      -f command-service/src/main/resources/db/migration/command/V1__event_store.sql >/dev/null
    pgbench -n -c $clients -j 2 -T "$ingest_s" -f bench/pgbench/insert.sql ${db_prefix}_pgbench >"$work/pgbench.log" 2>&1 \
      || { cat "$work/pgbench.log"; fail "pgbench failed"; }
    tps=$(awk '/^tps = / {print $3; exit}' "$work/pgbench.log")
    row_bytes=$(psql -tA -d ${db_prefix}_pgbench -c "SELECT round(avg(pg_column_size(e.*))) FROM (SELECT * FROM domain_event_entry LIMIT 1000) e")
    printf '{"tps": %s, "clients": %d, "durationS": %s, "rowBytes": %s}\n' "$tps" $clients "$ingest_s" "${row_bytes:-0}" \
      >"$work/pgbench.json"
    echo "  pgbench: $tps transactions/s (rows of ${row_bytes} bytes)"
  else
    echo "  pgbench not installed: PostgreSQL's own rate not measured"
  fi

  # ---- 3. replay ---------------------------------------------------------------------------------------------------
  if has replay; then
  log "3. Replay: $replay_events synthetic events to topic ledger.bench.replay, then a fresh query-service rebuilds"
  [ -z "$query_pid" ] || stop_pid "$query_pid"
  [ -z "$command_pid" ] || stop_pid "$command_pid"
  bench replay-produce --bootstrap "$bootstrap" --topic ledger.bench.replay --events "$replay_events" \
    --out "$work/replayProduce.json"
  start_service replay-query-service "$query_jar" $replay_port "$(db_url ${db_prefix}_replay)" ledger.bench.replay \
    "$replay_java_opts"
  replay_pid=$started_pid
  if $profile; then
    # from the end of Spring's start-up (the rebuild starts with it, so its first second or so is not recorded)
    ( for _ in $(seq 1 360); do grep -q "Started " "$work/replay-query-service.log" 2>/dev/null && break; sleep 0.5; done
      jfr_start "$replay_pid" replay ) &
    jfr_starter=$!
  fi
  bench replay-watch --jdbc "$(db_url ${db_prefix}_replay)" --db-user "$PGUSER" --events "$replay_events" \
    --timeout "${BENCH_REPLAY_TIMEOUT_S:-1800}" --stall 120 --management "http://127.0.0.1:$((replay_port + 1000))" \
    --watch "queryService=$replay_pid" --watch-db ${db_prefix}_replay --out "$work/replay.json"
  printf '{"commandServiceRssKiB": %s, "queryServiceRssKiB": %s, "replayQueryServiceRssKiB": %s}\n' \
    "${command_rss:-0}" "${query_rss:-0}" "$(rss_kib "$replay_pid")" >"$work/memory.json"
  if $profile; then
    wait "$jfr_starter" || true
    jfr_stop "$replay_pid" replay "$work/profile-replay-query-service.jfr"
  fi
  fi

  if $profile; then
    log "Profile: top frames by CPU (JFR execution samples) per phase and service"
    mkdir -p bench/results
    bench profile --work "$work" --out "$work/profile.json" \
      --text "bench/results/$(date -u +%Y-%m-%d)$($quick && echo -quick)-profile.txt"
  fi

  # ---- report ------------------------------------------------------------------------------------------------------
  log "Report (whole run: $(($(date +%s) - started_at))s)"
  report=(report --work "$work" --results bench/results)
  # only a full run of every phase writes docs/benchmarks.md
  if $quick || [ -n "${BENCH_PHASES:-}" ]; then report+=(--quick); else report+=(--benchmarks docs/benchmarks.md); fi
  bench "${report[@]}"
}

# one line: bash has read it whole before main runs, so nothing after it is read from a file edited meanwhile
main "$@"; exit $?
