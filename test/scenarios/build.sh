#!/usr/bin/env bash
# The supported range, PostgreSQL 14 to 18, is enforced at build time and
# stated in META.json: a server older than 14 stops the build with a message
# naming the range, in the Makefile and in the C headers.
. "$(dirname "$0")/lib/tap.sh"
tap_plan 5
set -u
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d /tmp/hatrung-build.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
PG_CONFIG=${PG_CONFIG:-$(command -v pg_config)}

# PGXS's MAJORVERSION given on the command line, as an older server's would be.
make -n PG_CONFIG="$PG_CONFIG" MAJORVERSION=13 >"$TMP/make.log" 2>&1
tap_is "$? $(grep -c 'hatrung supports PostgreSQL 14 to 18; .* is PostgreSQL 13' "$TMP/make.log")" "2 1" \
	"make stops below PostgreSQL 14 and names the supported range"

# compat.h against a postgres.h that says 13.
printf '#define PG_VERSION_NUM 130000\n' >"$TMP/postgres.h"
printf '#include "postgres.h"\n#include "common/compat.h"\n' >"$TMP/probe.c"
cc -I"$TMP" -Isrc -fsyntax-only "$TMP/probe.c" >"$TMP/cc.log" 2>&1
tap_is "$? $(grep -c 'error: #error "hatrung supports PostgreSQL 14 to 18' "$TMP/cc.log")" "1 1" \
	"the C build stops below PostgreSQL 14 (#error naming the range)"

# META.json: the PGXN metadata agrees with the control file and the range.
control_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" hatrung.control)
meta=$(python3 -c 'import json; m = json.load(open("META.json"))
print(m["version"], m["provides"]["hatrung"]["version"], m["prereqs"]["runtime"]["requires"]["PostgreSQL"], m["license"])')
tap_is "$meta" "$control_version.0 $control_version.0 14.0.0 postgresql" \
	"META.json: version of the control file, PostgreSQL >= 14, PostgreSQL License"
tap_is "$(grep -c 'Permission to use, copy, modify, and distribute this software' LICENSE)" 1 \
	"LICENSE holds the PostgreSQL License"
tap_is "$(grep -c 'hatrung supports PostgreSQL 14 to 18' Makefile src/common/compat.h | grep -c ':1$')" 2 \
	"Makefile and compat.h state the same range"
