#!/usr/bin/env bash
# Load run: wrk against the local runtime on loopback, POST /v1/feedback with 64 connections for 60 s
# (LOAD_SECONDS, LOAD_CONNECTIONS to change), then waits for the pipeline to drain and checks that every
# 202 became exactly one response. Prints throughput, p50/p99 latency, errors, lost and doubled; exits
# non-zero on any error, loss or double. Needs wrk (Debian: apt-get install wrk) and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${LOAD_SECONDS:-60}"
CONNECTIONS="${LOAD_CONNECTIONS:-64}"
PORT="${LOAD_PORT:-18181}"
KEY="load-$(date +%s)"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -nE 's/.*java.specification.version = ([0-9]+).*/\1/p')"
[ "${VERSION:-0}" -ge 21 ] || { echo "the local runtime needs JDK 21 or newer; '$JAVA' is ${VERSION:-unknown}. Point JAVA_HOME at a JDK 21+." >&2; exit 2; }
[ -f local/target/touchpoint-local.jar ] || ./mvnw -q -B -ntp package -DskipTests
LOG="$(mktemp)"
TOUCHPOINT_API_KEY="$KEY" "$JAVA" -jar local/target/touchpoint-local.jar --in-memory --port "$PORT" >"$LOG" 2>&1 &
RUNTIME=$!
trap 'kill $RUNTIME 2>/dev/null || true; wait $RUNTIME 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/_local/health" >/dev/null && break
  kill -0 "$RUNTIME" 2>/dev/null || { echo "the local runtime did not start:" >&2; cat "$LOG" >&2; exit 2; }
  sleep 0.5
done

sed "s/wrk.apikey/\"$KEY\"/" scripts/load/feedback.lua > "$LOG.lua"
RESULT="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency -s "$LOG.lua" "http://127.0.0.1:$PORT" -- run | grep '^RESULT')"
echo "$RESULT"
SENT="$(sed -E 's/.*sent=([0-9]+).*/\1/' <<<"$RESULT")"
ACCEPTED="$(sed -E 's/.*accepted=([0-9]+).*/\1/' <<<"$RESULT")"
FAILED="$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$RESULT")"
SOCKET="$(sed -E 's/.*socket_errors=([0-9]+).*/\1/' <<<"$RESULT")"

START=$(date +%s)
while true; do
  DEPTH="$(curl -fs "http://127.0.0.1:$PORT/_local/health" | sed -E 's/.*"feedback":\{"visible":([0-9]+),"inFlight":([0-9]+)\}.*/\1 \2/')"
  [ "$DEPTH" = "0 0" ] && break
  sleep 1
done
DRAIN=$(( $(date +%s) - START ))
RECORDED="$(curl -fs -H "x-api-key: $KEY" "http://127.0.0.1:$PORT/v1/reports/summary?groupBy=touchpoint" \
  | grep -o '"key":"load-test","responses":[0-9]*' | grep -o '[0-9]*$' || echo 0)"
DEAD="$(curl -fs "http://127.0.0.1:$PORT/_local/health" | sed -E 's/.*"deadLetter":\{"visible":([0-9]+).*/\1/')"
# Each request carries its own externalId, so responses are distinct by construction. wrk stops counting
# at its deadline while up to one request per connection is still in flight: the server may accept
# those, so recorded lies between the 202s wrk counted and the requests it sent.
LOST=$(( ACCEPTED > RECORDED ? ACCEPTED - RECORDED : 0 ))
DOUBLED=$(( RECORDED > SENT ? RECORDED - SENT : 0 ))
echo "LOAD sent=$SENT accepted=$ACCEPTED recorded=$RECORDED in_flight_at_deadline=$(( RECORDED - ACCEPTED )) lost=$LOST doubled=$DOUBLED dead_lettered=$DEAD server_errors=$FAILED socket_errors=$SOCKET drain_seconds=$DRAIN"
[ "$LOST" -eq 0 ] && [ "$DOUBLED" -eq 0 ] && [ "$FAILED" -eq 0 ] && [ "$SOCKET" -eq 0 ] && [ "$DEAD" -eq 0 ]
