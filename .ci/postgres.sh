# Sourced by .ci/run: starts the machine's PostgreSQL (installed by .ci/run) on loopback and exports
# ISTHMUS_TEST_PG_URL/_USER/_PASSWORD for the store's PostgreSQL tests. The password is made up per
# run; the database is dropped and created again, so every run starts empty.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$pg_version main"; then
  pg_createcluster "$pg_version" main >/dev/null
fi
pg_ctlcluster "$pg_version" main start 2>/dev/null || true
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" { print $3 }')
for _ in $(seq 1 30); do
  su postgres -c "psql -p $pg_port -qAtc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 1
done
pg_password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
su postgres -c "psql -p $pg_port -q -v ON_ERROR_STOP=1" <<SQL
DROP DATABASE IF EXISTS isthmus_test;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'isthmus_test') THEN CREATE ROLE isthmus_test LOGIN; END IF;
END \$\$;
ALTER ROLE isthmus_test PASSWORD '$pg_password';
CREATE DATABASE isthmus_test OWNER isthmus_test;
SQL
export ISTHMUS_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/isthmus_test"
export ISTHMUS_TEST_PG_USER=isthmus_test
export ISTHMUS_TEST_PG_PASSWORD="$pg_password"
echo "PostgreSQL $pg_version on 127.0.0.1:$pg_port for the store tests"
