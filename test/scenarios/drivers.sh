#!/usr/bin/env bash
# Real client drivers call the report with bound parameters: psycopg2
# (Debian's python3-psycopg2) and pgjdbc (libpostgresql-jdbc-java), whose
# setString binds varchar.  pgjdbc speaks TCP only, so this scenario starts
# its own throwaway server on 127.0.0.1 (port HATRUNG_DRIVER_PORT, default
# 56440), always stopped.
. "$(dirname "$0")/lib/tap.sh"
set -u
PORT=${HATRUNG_DRIVER_PORT:-56440}
PY=/usr/bin/python3
JAR=/usr/share/java/postgresql.jar
if ! "$PY" -c 'import psycopg2' 2>/dev/null || [ ! -f "$JAR" ] || ! command -v java >/dev/null; then
	echo "1..0 # SKIP psycopg2, pgjdbc or java missing (scripts/lib.sh installs them)"
	exit 0
fi
tap_plan 7
BIN=$(pg_config --bindir)
DIR=$(mktemp -d /tmp/hatrung-drivers.XXXXXX)
chmod 755 "$DIR"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
cleanup() { as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1; rm -rf "$DIR"; }
trap cleanup EXIT
as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 &&
	as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
		-o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
tap_ok $? "a server on 127.0.0.1:$PORT"
psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
	-c "CREATE EXTENSION hatrung" -c "SELECT hatrung.load_demo()" >/dev/null
tap_ok $? "extension and demo data"
want=$(psql -X -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "SELECT md5(hatrung.quarter_report('392', '2023-Q1'::hatrung.quarter))")

# psycopg2 sends its parameters as quoted literals: the text overload takes them
got=$("$PY" - "$PORT" <<'PY'
import hashlib, sys, psycopg2
conn = psycopg2.connect(host="127.0.0.1", port=int(sys.argv[1]), user="postgres", dbname="postgres")
cur = conn.cursor()
cur.execute("SELECT hatrung.quarter_report(%s, %s)", ("392", "quý I-2023"))
print(hashlib.md5(cur.fetchone()[0].encode()).hexdigest())
cur.execute("SELECT hatrung.quarter_report(%s, %s, %s)", ("392", "Q1-2023", "2023-04-07"))
print(cur.fetchone()[0].splitlines()[0])
PY
)
tap_is "$(echo "$got" | head -1)" "$want" "psycopg2: quarter_report(%s, %s) with the period in Vietnamese gives the typed call's report"
tap_is "$(echo "$got" | sed -n 2p)" "# Báo cáo tình hình kinh tế - xã hội quý I-2023" "psycopg2: the three-argument form (as_of) too"

# pgjdbc binds setString as varchar (the reported 42883 case), and setObject
# with Types.OTHER as an untyped value
cat >"$DIR/Report.java" <<'JAVA'
import java.security.MessageDigest;
import java.sql.*;

public class Report {
	public static void main(String[] args) throws Exception {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + args[0] + "/postgres", "postgres", "")) {
			PreparedStatement p = c.prepareStatement("SELECT hatrung.quarter_report(?, ?)");
			p.setString(1, "392");
			p.setString(2, "quý I-2023");
			ResultSet r = p.executeQuery();
			r.next();
			byte[] d = MessageDigest.getInstance("MD5").digest(r.getString(1).getBytes("UTF-8"));
			StringBuilder hex = new StringBuilder();
			for (byte b : d) hex.append(String.format("%02x", b));
			System.out.println(hex);
			p = c.prepareStatement("SELECT hatrung.quarter_report(?, ?)");
			p.setString(1, "392");
			p.setString(2, "quý V-2023");
			try {
				p.executeQuery();
				System.out.println("no error");
			} catch (SQLException e) {
				System.out.println(e.getSQLState());
			}
		}
	}
}
JAVA
got=$(cd "$DIR" && java -cp "$JAR" Report.java "$PORT" 2>"$DIR/java.err")
tap_is "$(echo "$got" | head -1)" "$want" "pgjdbc: setString (varchar) parameters call the report"
tap_is "$(echo "$got" | sed -n 2p)" "22007" "pgjdbc: a bad quarter bound as varchar is 22007, as in SQL"
[ -s "$DIR/java.err" ] && sed 's/^/# /' "$DIR/java.err" | head -10
tap_is "$(psql -X -A -t -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -c "SELECT hatrung.quarter_report('392'::varchar, 'quý I-2023'::varchar) IS NOT NULL")" "t" \
	"psql: quarter_report(varchar, varchar) resolves"
[ "$TAP_FAILED" = 0 ]
