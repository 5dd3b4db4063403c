# The production topology on loopback, as functions for scripts/scale-demo.sh, the restore
# drill and the load and fault runs under bench/: a PostgreSQL primary with WAL archiving, a
# streaming replica made by pg_basebackup, gunicorn app servers, the task worker with its
# schedule, and nginx in front. Source it; set TOPO_DIR and the ports first to change them.
# Every process is started in the background and remembered, so `topo_stop` ends them all.

TOPO_DIR=${TOPO_DIR:-/tmp/velferd-scale}
PRIMARY_PORT=${PRIMARY_PORT:-55420}
REPLICA_PORT=${REPLICA_PORT:-55421}
NGINX_PORT=${NGINX_PORT:-56420}
APP_PORTS=${APP_PORTS:-"56421 56422"}
APP_WORKERS=${APP_WORKERS:-2}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$REPO/.venv/bin}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
TOPO_PIDS=()

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

topo_env() {
  local secrets="$TOPO_DIR/secrets.env"
  if [ ! -f "$secrets" ]; then
    {
      echo "VELFERD_SECRET_KEY=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')"
      echo "VELFERD_PSEUDONYM_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')"
    } >"$secrets"
  fi
  set -a
  # shellcheck disable=SC1090
  . "$secrets"
  set +a
  export DJANGO_SETTINGS_MODULE=velferd.settings.loopback
  export VELFERD_VAR_DIR="$TOPO_DIR/var"
  export DATABASE_URL="postgres://velferd@127.0.0.1:$PRIMARY_PORT/velferd"
  export REPLICA_URL="postgres://velferd@127.0.0.1:$REPLICA_PORT/velferd"
  export VELFERD_ALLOWED_HOSTS="127.0.0.1,localhost"
  # Plain HTTP on loopback: no redirect to HTTPS, cookies without the Secure flag.
  export VELFERD_SECURE_SSL_REDIRECT=0 VELFERD_SECURE_COOKIES=0
  export VELFERD_PROXY_SSL_HEADER=X-Forwarded-Proto
}

topo_init() {
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL server binaries not found (install Debian's postgresql-15)." >&2
    return 1
  fi
  mkdir -p "$TOPO_DIR/var" "$TOPO_DIR/archive" "$TOPO_DIR/logs"
  chmod 755 "$TOPO_DIR"
  chmod 777 "$TOPO_DIR/archive" "$TOPO_DIR/logs"
  topo_env
}

pg_start() { # data dir, port, log name
  as_pg "$PG_BIN/pg_ctl" -D "$1" -l "$TOPO_DIR/logs/$3.log" -w -t 120 \
    -o "-p $2 -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
}

pg_stop() { # data dir [mode]
  as_pg "$PG_BIN/pg_ctl" -D "$1" -m "${2:-fast}" -w stop >/dev/null 2>&1 || true
}

topo_primary() {
  local data="$TOPO_DIR/primary"
  mkdir -p "$data" && [ "$(id -u)" = 0 ] && chown postgres "$data" "$TOPO_DIR/archive"
  as_pg "$PG_BIN/initdb" -D "$data" -U velferd --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Every finished WAL segment is copied to the archive: with a base backup it restores the
  # database to any moment since (bench/backup.sh, make restore-drill).
  cat >>"$data/postgresql.conf" <<CONF
wal_level = replica
max_wal_senders = 5
archive_mode = on
archive_command = 'test ! -f $TOPO_DIR/archive/%f && cp %p $TOPO_DIR/archive/%f'
archive_timeout = 60
CONF
  pg_start "$data" "$PRIMARY_PORT" primary
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PRIMARY_PORT" -U velferd velferd
}

topo_replica() {
  local data="$TOPO_DIR/replica"
  mkdir -p "$data" && chmod 700 "$data" && [ "$(id -u)" = 0 ] && chown postgres "$data"
  # -R writes standby.signal and the connection to the primary: a streaming replica.
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U velferd -D "$data" \
    -R -X stream -c fast
  pg_start "$data" "$REPLICA_PORT" replica
}

topo_load_demo() {
  "$BIN/velferd" migrate --no-input -v0
  "$BIN/velferd" load-reference
  "$BIN/velferd" load-demo | tee "$TOPO_DIR/demo.txt" | grep -v "^  " || true
  "$BIN/velferd" collectstatic --no-input -v0
}

topo_app() { # port
  # Each app server's processes add up their counts in a folder of its own, fresh each start.
  local metrics="$TOPO_DIR/metrics/app-$1"
  rm -rf "$metrics" && mkdir -p "$metrics"
  PROMETHEUS_MULTIPROC_DIR="$metrics" \
    VELFERD_BIND="127.0.0.1:$1" VELFERD_WORKERS="$APP_WORKERS" "$BIN/gunicorn" \
    -c python:velferd.project.gunicorn_conf velferd.wsgi --pid "$TOPO_DIR/app-$1.pid" \
    --access-logfile "$TOPO_DIR/logs/app-$1.access.log" --error-logfile "$TOPO_DIR/logs/app-$1.log" \
    >>"$TOPO_DIR/logs/app-$1.log" 2>&1 &
  TOPO_PIDS+=($!)
}

topo_worker() {
  "$BIN/velferd" worker >>"$TOPO_DIR/logs/worker.log" 2>&1 &
  TOPO_PIDS+=($!)
  TOPO_WORKER_PID=$!
}

topo_nginx() { # app ports...
  local conf="$TOPO_DIR/nginx.conf" servers="" port
  for port in "$@"; do servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$TOPO_DIR/nginx-tmp" && chmod 777 "$TOPO_DIR/nginx-tmp"
  sed -e "s#@TOPO_DIR@#$TOPO_DIR#g" -e "s#@PORT@#$NGINX_PORT#g" \
    -e "s#@STATIC@#$VELFERD_VAR_DIR/static#g" "$REPO/deploy/nginx.conf.in" \
    | awk -v servers="$servers" '{ if ($0 ~ /@SERVERS@/) printf "%s", servers; else print }' >"$conf"
  nginx -p "$TOPO_DIR" -c "$conf" -g "daemon off; pid $TOPO_DIR/nginx.pid;" &
  TOPO_PIDS+=($!)
}

seconds_since() { # a start taken with date +%s.%N
  awk -v now="$(date +%s.%N)" -v start="$1" 'BEGIN { printf "%.1f", now - start }'
}

topo_wait_http() { # url [seconds]
  local i
  for ((i = 0; i < ${2:-60}; i++)); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "No answer from $1" >&2
  return 1
}

topo_stop() {
  local pid
  for pid in "${TOPO_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${TOPO_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  TOPO_PIDS=()
  pg_stop "$TOPO_DIR/replica"
  pg_stop "$TOPO_DIR/primary"
}
