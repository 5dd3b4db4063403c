#!/usr/bin/env bash
# make restore-drill: prove that the backups restore. A throwaway primary with WAL archiving
# gets the reference and demo data, a base backup is taken (scripts/backup.sh), more is written
# after it, and the primary is stopped. The backup is restored into a fresh cluster, which
# replays the archived WAL up to the last write, and `velferd audit verify` runs on it: the
# audit chain must be intact and as long as the primary's. Prints the time and the sizes.
set -euo pipefail
# shellcheck source=scripts/topology.sh
TOPO_DIR=${TOPO_DIR:-/tmp/velferd-restore-drill}
PRIMARY_PORT=${PRIMARY_PORT:-55423}
. "$(dirname "$0")/topology.sh"
RESTORE_PORT=${RESTORE_PORT:-55424}
if [ -e "$TOPO_DIR" ]; then
  echo "$TOPO_DIR exists: another drill runs, or remove it." >&2
  exit 1
fi
cleanup() {
  pg_stop "$TOPO_DIR/restored" immediate
  topo_stop
  rm -rf "$TOPO_DIR"
}
trap cleanup EXIT

AFTER_BACKUP='
from django.db import transaction
from velferd.access.actor import system_actor
from velferd.audit.services import record
from velferd.organisation.models import Office
with transaction.atomic():
    for office in Office.objects.order_by("pk")[:25]:
        record(actor=system_actor("restore-drill"), action="restore_drill.after_backup", target=office)
'

audit_events() { # port
  "$PG_BIN/psql" -h 127.0.0.1 -p "$1" -U velferd -d velferd -Atc "SELECT count(*) FROM audit_auditevent"
}

topo_init
topo_primary
topo_load_demo >/dev/null
mkdir -p "$TOPO_DIR/backups" && [ "$(id -u)" = 0 ] && chown postgres "$TOPO_DIR/backups"
echo "== Base backup"
started=$(date +%s.%N)
as_pg env BACKUP_DIR="$TOPO_DIR/backups" PGPORT="$PRIMARY_PORT" PG_BIN="$PG_BIN" \
  "$(dirname "$0")/backup.sh"
backup_seconds=$(seconds_since "$started")
backup=$(ls -1d "$TOPO_DIR"/backups/*/ | tail -n 1)

echo "== Writes after the backup, then the primary stops"
# Audited writes made after the backup: only the archived WAL can bring them back.
"$BIN/velferd" shell -c "$AFTER_BACKUP"
"$PG_BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U velferd -d velferd -Atc "SELECT pg_switch_wal()" >/dev/null
sleep 2
expected=$(audit_events "$PRIMARY_PORT")
pg_stop "$TOPO_DIR/primary"

echo "== Restore into a fresh cluster on 127.0.0.1:$RESTORE_PORT"
started=$(date +%s.%N)
restored="$TOPO_DIR/restored"
mkdir -p "$restored/pg_wal" && chmod 700 "$restored"
tar -xzf "$backup/base.tar.gz" -C "$restored"
tar -xzf "$backup/pg_wal.tar.gz" -C "$restored/pg_wal" 2>/dev/null || true
cat >>"$restored/postgresql.auto.conf" <<CONF
restore_command = 'cp $TOPO_DIR/archive/%f %p'
archive_mode = off
CONF
touch "$restored/recovery.signal"
[ "$(id -u)" = 0 ] && chown -R postgres "$restored"
pg_start "$restored" "$RESTORE_PORT" restored
until [ "$("$PG_BIN/psql" -h 127.0.0.1 -p "$RESTORE_PORT" -U velferd -d velferd -Atc 'SELECT pg_is_in_recovery()')" = f ]; do
  sleep 1
done
restore_seconds=$(seconds_since "$started")

echo "== velferd audit verify on the restored database"
DATABASE_URL="postgres://velferd@127.0.0.1:$RESTORE_PORT/velferd" REPLICA_URL="" "$BIN/velferd" audit verify
found=$(audit_events "$RESTORE_PORT")
printf 'Audit events: %s on the primary when it stopped, %s restored\n' "$expected" "$found"
printf 'Base backup: %.1f s, %s (compressed); WAL archive (since the cluster was made): %s; database restored: %s\n' \
  "$backup_seconds" "$(du -sh "$backup" | cut -f1)" "$(du -sh "$TOPO_DIR/archive" | cut -f1)" \
  "$(du -sh "$restored" | cut -f1)"
printf 'Restore with WAL replay: %.1f s\n' "$restore_seconds"
[ "$expected" = "$found" ] || { echo "Restored audit chain is shorter than the primary's" >&2; exit 1; }
echo "Restore drill passed."
