#!/usr/bin/env bash
# make scale-demo: the production topology on loopback with the demo data set. A PostgreSQL
# primary and its streaming replica, two gunicorn app servers, the task worker with its
# schedule, nginx in front. Ctrl+C stops everything and removes the throwaway clusters.
set -euo pipefail
# shellcheck source=scripts/topology.sh
. "$(dirname "$0")/topology.sh"

scripts/ensure-nginx.sh
if [ -e "$TOPO_DIR" ]; then
  echo "$TOPO_DIR exists: another scale demo runs, or remove it (TOPO_DIR=… chooses another)." >&2
  exit 1
fi
cleanup() {
  echo ""
  echo "Stopping the scale demo…"
  topo_stop
  rm -rf "$TOPO_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

topo_init
echo "== PostgreSQL primary on 127.0.0.1:$PRIMARY_PORT (WAL archived to $TOPO_DIR/archive)"
topo_primary
echo "== Streaming replica on 127.0.0.1:$REPLICA_PORT (pg_basebackup)"
topo_replica
echo "== Migrating and loading the reference and demo data"
topo_load_demo
for port in $APP_PORTS; do
  echo "== gunicorn app server on 127.0.0.1:$port ($APP_WORKERS processes)"
  topo_app "$port"
done
echo "== Task worker with the nightly and monthly schedule"
topo_worker
echo "== nginx on 127.0.0.1:$NGINX_PORT"
# shellcheck disable=SC2086
topo_nginx $APP_PORTS
topo_wait_http "http://127.0.0.1:$NGINX_PORT/health/ready" 90

cat <<TEXT

velferd runs on http://127.0.0.1:$NGINX_PORT/  (Ctrl+C stops everything)

$(sed -n '/^Demo logins/,$p' "$TOPO_DIR/demo.txt")

Readiness: http://127.0.0.1:$NGINX_PORT/health/ready   Metrics: from loopback, /metrics
Logs: $TOPO_DIR/logs/
TEXT
wait
