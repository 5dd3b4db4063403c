#!/usr/bin/env bash
# The nightly base backup: pg_basebackup of the primary as compressed tar files into
# $BACKUP_DIR/<date-time>/, keeping the last $BACKUP_KEEP. Together with the WAL segments the
# primary archives as it goes (archive_command, scripts/topology.sh), it restores the database
# to any moment since the oldest kept backup (scripts/restore-drill.sh shows how).
# Cron, as the postgres user:
#   15 2 * * *  ARCHIVE_DIR=/var/lib/velferd/archive /srv/velferd/scripts/backup.sh
set -euo pipefail
: "${PGHOST:=127.0.0.1}" "${PGPORT:=5432}" "${PGUSER:=velferd}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/velferd}
BACKUP_KEEP=${BACKUP_KEEP:-7}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}

target="$BACKUP_DIR/$(date -u +%Y%m%dT%H%M%SZ)"
# The first WAL segment this backup needs: older archived segments go with older backups.
first_wal=$("$PG_BIN/psql" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "${PGDATABASE:-velferd}" \
  -Atc "SELECT pg_walfile_name(pg_current_wal_lsn())")
"$PG_BIN/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -D "$target" \
  -Ft -z -X fetch --checkpoint=fast --manifest-checksums=SHA256
echo "$first_wal" >"$target/first_wal"
echo "Base backup $target: $(du -sh "$target" | cut -f1)"
# Keep the newest $BACKUP_KEEP backups (the names sort by time).
ls -1d "$BACKUP_DIR"/*/ | head -n "-$BACKUP_KEEP" | xargs -r rm -rf
oldest=$(ls -1d "$BACKUP_DIR"/*/ | head -n 1)
if [ -n "${ARCHIVE_DIR:-}" ] && [ -f "$oldest/first_wal" ]; then
  "$PG_BIN/pg_archivecleanup" "$ARCHIVE_DIR" "$(cat "$oldest/first_wal")"
fi
