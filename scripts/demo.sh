#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds and installs
# hatrung, starts a throwaway PostgreSQL 15 cluster, loads the demo and prints
# the report, then stops the cluster.
set -u
. "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

ensure_packages || exit 1
build_and_install || exit 1
start_cluster || exit 1
createdb hatrung_demo || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d hatrung_demo -c "CREATE EXTENSION hatrung" || exit 1
echo
psql -X -q -v ON_ERROR_STOP=1 -d hatrung_demo -f scripts/demo.sql
rc=$?
stop_cluster
exit $rc
