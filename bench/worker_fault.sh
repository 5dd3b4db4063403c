#!/usr/bin/env bash
# A worker killed mid-task, against the topology's PostgreSQL primary (docs/benchmarks.md,
# "The production topology on loopback"). The monthly funding-claims job is queued; its
# worker is held after the job's writes and before their commit (a lock on the table of the
# jobs' records, taken from psql until the kill), killed there with SIGKILL, and a new worker
# started. The task must be run again once its lease has run out, and its effect
# (the month's claim calculation, its audit event, the job's record) be there once.
# Ports and folder are its own, so it runs beside make scale-demo and bench/production.sh.
#   bench/worker_fault.sh [lease in seconds, 20]
set -euo pipefail
cd "$(dirname "$0")/.."
export TOPO_DIR=${TOPO_DIR:-/tmp/velferd-worker-fault}
export PRIMARY_PORT=${PRIMARY_PORT:-55481} REPLICA_PORT=${REPLICA_PORT:-55482}
export NGINX_PORT=${NGINX_PORT:-56481} APP_PORTS=${APP_PORTS:-"56482 56483"}
# shellcheck source=scripts/topology.sh
. scripts/topology.sh
LEASE=${1:-20}
HOLD=300 # at most; released as soon as the worker is killed
MONTH=2026-11

[ -e "$TOPO_DIR" ] && { echo "$TOPO_DIR exists: remove it first." >&2; exit 1; }
trap 'topo_stop; rm -rf "$TOPO_DIR"' EXIT

psql_at() { # sql
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U velferd -d velferd -Atc "$1"
}
stamp() { date -u +%H:%M:%S.%N | cut -c1-12; }
task_state() {
  psql_at "SELECT status || ' workers=' || jsonb_array_length(worker_ids::jsonb)
             FROM django_tasks_database_dbtaskresult WHERE args_kwargs::text LIKE '%funding-claims%'
             ORDER BY enqueued_at LIMIT 1"
}
effects() {
  echo "  claim calculations for $MONTH: $(psql_at \
    "SELECT count(*) FROM funding_claimcalculation WHERE month = '$MONTH-01'")," \
    "audit events claim_month.calculated: $(psql_at \
      "SELECT count(*) FROM audit_auditevent WHERE action = 'claim_month.calculated'")," \
    "job records funding-claims $MONTH: $(psql_at \
      "SELECT count(*) FROM project_jobrun WHERE job = 'funding-claims' AND period = '$MONTH'")"
}
start_worker() { # name, arguments...
  local name=$1
  shift
  "$BIN/velferd" worker "$@" >>"$TOPO_DIR/logs/$name.log" 2>&1 &
  TOPO_PIDS+=($!)
  WORKER_PID=$!
}

topo_init
unset REPLICA_URL # the primary alone: the job reads and writes only there
export VELFERD_JOB_LEASE_SECONDS=$LEASE
echo "== PostgreSQL primary on 127.0.0.1:$PRIMARY_PORT; migrating (load average $(cut -d' ' -f1-3 /proc/loadavg))"
topo_primary
"$BIN/velferd" migrate --no-input -v0
"$BIN/velferd" load-reference >/dev/null

echo "== $(stamp) first worker (tasks only); funding-claims $MONTH queued while its record table is locked"
start_worker worker-1 --no-schedule
first=$WORKER_PID
"$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U velferd -d velferd -q \
  -c "BEGIN; LOCK TABLE project_jobrun IN SHARE MODE; SELECT pg_sleep($HOLD); COMMIT;" \
  >/dev/null 2>&1 &
holder=$!
sleep 1
"$BIN/velferd" job funding-claims --period "$MONTH"
waiting=0
for _ in $(seq 1 450); do
  waiting=$(psql_at "SELECT count(*) FROM pg_locks WHERE NOT granted
                       AND relation = 'project_jobrun'::regclass")
  [ "$waiting" -gt 0 ] && break
  sleep 0.2
done
[ "$waiting" -gt 0 ] || { echo "The job never reached its record: $(task_state)" >&2; exit 1; }
echo "$(stamp) the job has written and waits to commit; task: $(task_state)"
echo "  tables it holds write locks on (its uncommitted writes): $(psql_at "SELECT string_agg(DISTINCT c.relname, ', ')
  FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.granted
  AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r' AND l.pid <> pg_backend_pid()")"
effects
kill -9 "$first"
killed_at=$(date +%s.%N)
echo "$(stamp) first worker killed with SIGKILL (pid $first)"
psql_at "SELECT pg_cancel_backend(pid) FROM pg_stat_activity
           WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null
wait "$holder" || true
sleep 2
echo "$(stamp) lock released; connections left from the killed worker: $(psql_at \
  "SELECT count(*) FROM pg_stat_activity WHERE datname = 'velferd' AND pid <> pg_backend_pid()")," \
  "task: $(task_state)"
effects

echo "== $(stamp) second worker (with the schedule, which puts stalled tasks back each minute; lease ${LEASE} s)"
start_worker worker-2
for _ in $(seq 1 300); do
  [ "$(task_state)" = "SUCCESSFUL workers=2" ] && break
  sleep 1
done
echo "$(stamp) task: $(task_state), $(seconds_since "$killed_at") s after the kill"
effects
grep -h "stalled tasks put back" "$TOPO_DIR"/logs/worker-2.log | sed 's/^/  worker-2: /' || true
psql_at "SELECT 'job record: ' || job || ' ' || period || ': ' || summary FROM project_jobrun
           WHERE job = 'funding-claims'"
