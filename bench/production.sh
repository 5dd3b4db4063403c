#!/usr/bin/env bash
# The production topology proven on loopback (docs/benchmarks.md, "The topology on
# loopback"): the demo data set on a PostgreSQL primary and its streaming replica, two
# gunicorn app servers, the task worker, nginx. Then
#   1. load: the same bounded locust run (bench/locustfile.py) against nginx (two app servers)
#      and against one app server alone, and the ratio;
#   2. the primary restarted under a write load: the client's log against the database;
#   3. the replica stopped: the reporting pages still answer, from the primary;
#   4. the shared cache down (its table renamed away): the site still serves.
# Everything is stopped and removed at the end. Needs `pip install -e '.[load]'`.
#   bench/production.sh [seconds of each load run, 60] [users, 20]
# NATIONAL=1 loads the national data sets on top of the demo before the load runs: a million
# people in follow-up (bench/national_data.py) and the sick-leave statistics of 250,000
# enterprises (bench/sick_leave_data.py), through the primary, streamed to the replica.
set -euo pipefail
cd "$(dirname "$0")/.."
TOPO_DIR=${TOPO_DIR:-/tmp/velferd-bench-topology}
. scripts/topology.sh
SECONDS_EACH=${1:-60}
USERS=${2:-20}
OUT="$TOPO_DIR/results"
URL="http://127.0.0.1:$NGINX_PORT"
ONE_APP_PORT=${APP_PORTS%% *}

scripts/ensure-nginx.sh
[ -e "$TOPO_DIR" ] && { echo "$TOPO_DIR exists: remove it first." >&2; exit 1; }
trap 'topo_stop; rm -rf "$TOPO_DIR"' EXIT

psql_at() { # port sql
  "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U velferd -d velferd -Atc "$2"
}
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
status_of() { # path, as the analyst
  "$BIN/python" - "$URL" "$1" <<'PY'
import re, sys, requests
url, path = sys.argv[1], sys.argv[2]
s = requests.Session()
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', s.get(url + "/login/").text)[1]
s.post(url + "/login/", data={"username": "analytiker", "password": "velferd-demo-2026",
                              "csrfmiddlewaretoken": token})
print(s.get(url + path, allow_redirects=False).status_code)
PY
}

topo_init
mkdir -p "$OUT"
echo "== Topology up (load average $(load_average))"
topo_primary
topo_replica
topo_load_demo >/dev/null
if [ "${NATIONAL:-0}" = 1 ]; then
  echo "== National data sets into the primary (load average $(load_average))"
  /usr/bin/time -f "people in follow-up: %e s wall" "$BIN/python" bench/national_data.py
  /usr/bin/time -f "sick-leave statistics: %e s wall" "$BIN/python" bench/sick_leave_data.py
  echo "replica replay lag after loading: $(psql_at "$REPLICA_PORT" \
    "SELECT coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)::int") s"
fi
for port in $APP_PORTS; do topo_app "$port"; done
topo_worker
# shellcheck disable=SC2086
topo_nginx $APP_PORTS
topo_wait_http "$URL/health/ready" 120
curl -fsS "$URL/health/ready"; echo

locust_run() { # name host
  local before after
  before=$(psql_at "$REPLICA_PORT" "SELECT xact_commit FROM pg_stat_database WHERE datname='velferd'")
  echo "== Load: $1, $USERS users for ${SECONDS_EACH}s (load average before $(load_average))"
  "$BIN/locust" -f bench/locustfile.py --headless -u "$USERS" -r 5 -t "${SECONDS_EACH}s" \
    --host "$2" --csv "$OUT/$1" --only-summary >"$OUT/$1.txt" 2>&1 || true
  after=$(psql_at "$REPLICA_PORT" "SELECT xact_commit FROM pg_stat_database WHERE datname='velferd'")
  echo "load average after $(load_average); transactions on the replica: $((after - before))"
  "$BIN/python" bench/load_summary.py "$OUT/${1}_stats.csv"
}
# Warm both app servers' first pages before measuring.
"$BIN/locust" -f bench/locustfile.py --headless -u 4 -r 4 -t 10s --host "$URL" --only-summary >/dev/null 2>&1 || true
locust_run topology "$URL"
locust_run one-app-server "http://127.0.0.1:$ONE_APP_PORT"
"$BIN/python" bench/load_summary.py "$OUT/topology_stats.csv" "$OUT/one-app-server_stats.csv"

echo "== Fault: the primary restarted under a write load"
"$BIN/python" bench/write_load.py --url "$URL" --seconds 40 --log "$OUT/writes.jsonl" &
writer=$!
sleep 12
stopped=$(date +%s.%N)
as_pg "$PG_BIN/pg_ctl" -D "$TOPO_DIR/primary" -m fast -w restart \
  -o "-p $PRIMARY_PORT -k /tmp -c listen_addresses=127.0.0.1" >/dev/null
echo "primary down from $stopped to $(date +%s.%N)"
wait "$writer"
"$BIN/python" bench/write_load.py --check "$OUT/writes.jsonl" --database "$DATABASE_URL"
echo "after the restart: ready $(curl -s -o /dev/null -w '%{http_code}' "$URL/health/ready")"

echo "== Fault: the replica stopped"
echo "group figures with the replica up: $(status_of /sick-leave/groups/?kind=industry)"
pg_stop "$TOPO_DIR/replica" immediate
sleep 1
started=$(date +%s.%N)
echo "group figures with the replica down: $(status_of /sick-leave/groups/?kind=industry)" \
  "(login and page in $(seconds_since "$started") s)"
curl -s "$URL/health/ready"; echo
pg_start "$TOPO_DIR/replica" "$REPLICA_PORT" replica
sleep 6
curl -s "$URL/health/ready"; echo

echo "== Fault: the shared cache down"
psql_at "$PRIMARY_PORT" "ALTER TABLE velferd_cache RENAME TO velferd_cache_away" >/dev/null
echo "people's start page with the cache down: $(status_of /start/)," \
  "group figures: $(status_of /sick-leave/groups/?kind=industry)"
psql_at "$PRIMARY_PORT" "ALTER TABLE velferd_cache_away RENAME TO velferd_cache" >/dev/null
cat "$TOPO_DIR"/logs/app-*.log | grep -c "velferd_cache" | sed "s/^/app log lines naming the cache table: /" || true
cp -r "$OUT" "/tmp/velferd-bench-results-$(date -u +%Y%m%dT%H%M)"
