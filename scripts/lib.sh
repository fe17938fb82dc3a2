# scripts/lib.sh — shared by demo.sh, test.sh and the bench scripts.
# Installs what a fresh Debian bookworm machine lacks, builds and installs
# hatrung, and runs a throwaway PostgreSQL 15 cluster: an unprivileged OS
# user, a temporary data directory, a Unix socket in that directory only (no
# TCP port to collide with), always stopped on exit.

PG_MAJOR=${PG_MAJOR:-15}
# PGBIN names another server's binaries (scripts/test-matrix.sh sets it to a
# PostgreSQL built from Debian's source package); the default is Debian's 15.
PGBIN=${PGBIN:-/usr/lib/postgresql/$PG_MAJOR/bin}
PG_CONFIG=$PGBIN/pg_config
HATRUNG_PORT=${HATRUNG_PORT:-54329}
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		echo "error: '$*' needs root; run as root or install sudo" >&2
		return 1
	fi
}

# Run a command as the cluster's OS user. PostgreSQL refuses to run as root,
# so root hands the server to the 'postgres' user the Debian package creates.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

ensure_packages() {
	local wanted="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-$PG_MAJOR-pgtap
		libtap-parser-sourcehandler-pgtap-perl make gcc clang valgrind
		python3-psycopg2 libpostgresql-jdbc-java default-jre-headless sqlsmith $*"
	local missing="" p
	for p in $wanted; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing="$missing $p"
	done
	if [ -n "$missing" ]; then
		echo "== installing Debian packages:$missing"
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $missing >/dev/null || return 1
	fi
}

# Builds and installs; the compiler's output is kept in $BUILD_LOG (the test
# command counts its warnings: there must be none on any version).
BUILD_LOG=""
build_and_install() {
	echo "== building and installing hatrung against $("$PG_CONFIG" --version)"
	BUILD_LOG=$(mktemp /tmp/hatrung-build.XXXXXX)
	(cd "$REPO_ROOT" && make -s PG_CONFIG="$PG_CONFIG" clean >/dev/null 2>&1 &&
		make -s PG_CONFIG="$PG_CONFIG" >"$BUILD_LOG" 2>&1 &&
		as_root make -s PG_CONFIG="$PG_CONFIG" install >>"$BUILD_LOG" 2>&1) ||
		{ tail -40 "$BUILD_LOG"; return 1; }
}

PGTMP=""

stop_cluster() {
	if [ -n "$PGTMP" ] && [ -d "$PGTMP" ]; then
		as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
		rm -rf "$PGTMP"
		PGTMP=""
	fi
}

# Starts the cluster and exports PGHOST/PGPORT/PGUSER for every client after.
start_cluster() {
	PGTMP=$(mktemp -d /tmp/hatrung-pg.XXXXXX)
	trap stop_cluster EXIT
	trap 'exit 130' INT TERM
	chmod 755 "$PGTMP"
	[ "$(id -u)" = 0 ] && chown postgres: "$PGTMP"
	as_pg "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 \
		--locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 ||
		{ cat "$PGTMP/initdb.log"; return 1; }
	as_pg "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
		-o "-p $HATRUNG_PORT -k $PGTMP -c listen_addresses= -c fsync=off" \
		start >/dev/null || { cat "$PGTMP/server.log"; return 1; }
	export PGHOST="$PGTMP" PGPORT="$HATRUNG_PORT" PGUSER=postgres
	export PATH="$PGBIN:$PATH"
}
