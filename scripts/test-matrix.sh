#!/usr/bin/env bash
# scripts/test-matrix.sh — hatrung's server-side tests on PostgreSQL major
# versions Debian bookworm does not package (default: 18).  Run as root on a
# Debian machine, after (or without) scripts/test.sh; .ci/run calls it.
#
# For each version it
#   1. builds PostgreSQL from Debian's own source package (sid), fetched with
#      a private apt state (sources list, package lists, cache and dpkg
#      status under $HATRUNG_MATRIX_CACHE/apt), so the system's apt state is
#      untouched; the build is cached in $HATRUNG_MATRIX_CACHE/postgresql-N
#      and reused while the source version is unchanged;
#   2. adds pgTAP from Debian's binary package for that version;
#   3. copies this working tree, builds hatrung against that server (no
#      compiler warning allowed) and runs scripts/test.sh --server-only:
#      pg_regress, pgTAP and the shell scenarios on a throwaway cluster.
# The pure C core's tests (unit, sanitizers, valgrind, fuzzing) do not
# depend on the server and run once, in scripts/test.sh.
#
#   MATRIX_VERSIONS="18"                  major versions to test
#   HATRUNG_MATRIX_CACHE=/var/cache/hatrung-matrix
# The last line is "N passed, M failed"; the exit status is non-zero when
# anything failed.
set -u
REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
MATRIX_VERSIONS=${MATRIX_VERSIONS:-18}
CACHE=${HATRUNG_MATRIX_CACHE:-/var/cache/hatrung-matrix}
APTDIR=$CACHE/apt
PASSED=0
FAILED=0

if [ "$(id -u)" != 0 ]; then
	echo "test-matrix.sh builds and installs PostgreSQL under $CACHE: run it as root"
	echo "0 passed, 1 failed"
	exit 1
fi

# apt-get / apt-cache with the private state: Debian sid, sources and
# binaries, nothing read from or written to the system's lists.
private_apt() {
	local tool=$1
	shift
	"$tool" -o Dir::Etc::SourceList="$APTDIR/sources.list" \
		-o Dir::Etc::SourceParts="$APTDIR/sources.list.d" \
		-o Dir::State::Lists="$APTDIR/lists" -o Dir::Cache="$APTDIR/cache" \
		-o Dir::State::status="$APTDIR/status" -o APT::Sandbox::User=root "$@"
}

prepare_private_apt() {
	mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/sources.list.d"
	touch "$APTDIR/status"
	cat >"$APTDIR/sources.list" <<-'EOF'
		deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
		deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
	EOF
	private_apt apt-get update -qq >"$APTDIR/update.log" 2>&1
}

# Build tools for PostgreSQL itself, from the system's own (bookworm) apt.
ensure_build_tools() {
	local p missing=""
	for p in dpkg-dev bison flex libreadline-dev zlib1g-dev pkg-config make gcc; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "== installing Debian packages:$missing"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 ||
		{ DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null; }
}

# build_server <major>: prints nothing on success; the server is in
# $CACHE/postgresql-<major>.
build_server() {
	local major=$1 prefix=$CACHE/postgresql-$1 srcver work
	srcver=$(private_apt apt-cache showsrc "postgresql-$major" 2>/dev/null |
		sed -n 's/^Version: //p' | sort -V | tail -1)
	if [ -x "$prefix/bin/pg_config" ] &&
		{ [ -z "$srcver" ] || [ "$(cat "$prefix/.debian-source-version" 2>/dev/null)" = "$srcver" ]; }; then
		echo "== PostgreSQL $major: cached build of $(cat "$prefix/.debian-source-version") in $prefix"
		return 0
	fi
	[ -n "$srcver" ] || { echo "no Debian source package postgresql-$major found (see $APTDIR/update.log)"; return 1; }
	echo "== PostgreSQL $major: building Debian's source package $srcver (about 10 minutes on 2 cores)"
	work=$CACHE/build-$major
	rm -rf "$work" "$prefix"
	mkdir -p "$work"
	(cd "$work" && private_apt apt-get source -qq --download-only "postgresql-$major=$srcver" >fetch.log 2>&1 &&
		dpkg-source -x ./*.dsc src >extract.log 2>&1) ||
		{ tail -5 "$work/fetch.log" "$work/extract.log" 2>/dev/null; return 1; }
	# The prefix names "postgresql", so Debian's per-version-directory patch
	# keeps every path under it.
	(cd "$work/src" && ./configure --prefix="$prefix" --without-icu >"$work/configure.log" 2>&1 &&
		make -j"$(nproc)" -s >"$work/make.log" 2>&1 && make -s install >"$work/install.log" 2>&1) ||
		{ tail -20 "$work/configure.log" "$work/make.log" 2>/dev/null; return 1; }
	echo "$srcver" >"$prefix/.debian-source-version"
	rm -rf "$work"
}

# ensure_pgtap <major>: pgTAP's extension files from Debian's binary package.
ensure_pgtap() {
	local major=$1 prefix=$CACHE/postgresql-$1 work
	[ -f "$prefix/share/extension/pgtap.control" ] && return 0
	work=$(mktemp -d /tmp/hatrung-pgtap.XXXXXX)
	(cd "$work" && private_apt apt-get download -qq "postgresql-$major-pgtap" >download.log 2>&1 &&
		dpkg-deb -x ./*.deb root) || { cat "$work/download.log"; rm -rf "$work"; return 1; }
	cp "$work"/root/usr/share/postgresql/"$major"/extension/pgtap* "$prefix/share/extension/"
	rm -rf "$work"
}

echo "== version matrix: PostgreSQL $MATRIX_VERSIONS"
ensure_build_tools || { echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$CACHE"
prepare_private_apt || echo "   (could not update the private apt lists; using cached builds only)"

for major in $MATRIX_VERSIONS; do
	prefix=$CACHE/postgresql-$major
	if ! build_server "$major" || ! ensure_pgtap "$major"; then
		echo "   PostgreSQL $major: could not build the server or install pgTAP: 0 passed, 1 failed"
		FAILED=$((FAILED + 1))
		continue
	fi
	# A copy of the working tree, so the build for this server does not
	# touch the objects built for another one.
	copy=$(mktemp -d /tmp/hatrung-matrix.XXXXXX)
	tar -C "$REPO_ROOT" --exclude=./.git -cf - . | tar -C "$copy" -xf -
	chmod 755 "$copy"
	log=$copy.log
	PGBIN=$prefix/bin bash "$copy/scripts/test.sh" --server-only 2>&1 | tee "$log"
	line=$(tail -1 "$log")
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, [0-9]* failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^[0-9]* passed, \([0-9]*\) failed$/\1/p')
	[ -n "$p" ] || { p=0; f=1; }
	echo "   PostgreSQL $("$prefix/bin/pg_config" --version | sed 's/^PostgreSQL //'): $p passed, $f failed"
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
	rm -rf "$copy" "$log"
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
