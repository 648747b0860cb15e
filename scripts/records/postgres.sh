#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 server on loopback for the records tests and benchmarks.
#   scripts/records/postgres.sh start   prints MEDOFFICE_PG_URL=... and the data folder on stdout
#   scripts/records/postgres.sh stop DIR
# As root it runs the server as the postgres user (initdb refuses root).
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 2; }
as_owner() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }
case "${1:-}" in
  start)
    DIR=$(mktemp -d /tmp/medoffice-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
    chmod 700 "$DIR"
    PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "'$PGBIN/initdb' -D '$DIR' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
    as_owner "'$PGBIN/pg_ctl' -D '$DIR' -l '$DIR/server.log' -o \"-p $PORT -c listen_addresses=127.0.0.1 -k /tmp -c fsync=on\" -w start" >/dev/null
    echo "MEDOFFICE_PG_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    echo "MEDOFFICE_PG_DIR=$DIR"
    ;;
  stop)
    DIR=${2:?data folder}
    as_owner "'$PGBIN/pg_ctl' -D '$DIR' -m fast -w stop" >/dev/null || true
    rm -rf "$DIR"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
