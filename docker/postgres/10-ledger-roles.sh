#!/usr/bin/env bash
# Creates the ledger's databases and roles (PostgreSQL runs it once, on an empty data directory):
#   - a migration owner that owns both ledger databases and runs the Flyway migrations;
#   - one runtime role per service, which may connect only to its own service's database (the query service's role
#     cannot reach the event store); the tables' rights are granted by the services after each migration
#     (db/grants/*-runtime.sql: the command role may only SELECT and INSERT events);
#   - Keycloak's own database and role.
# Names have defaults; passwords must be given. psql connects as POSTGRES_USER (the server's superuser).
set -euo pipefail

: "${LEDGER_OWNER_PASSWORD:?}" "${LEDGER_COMMAND_DB_PASSWORD:?}" "${LEDGER_QUERY_DB_PASSWORD:?}" "${KEYCLOAK_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner="${LEDGER_OWNER_ROLE:-ledger_owner}" -v owner_password="$LEDGER_OWNER_PASSWORD" \
  -v command_db="${LEDGER_COMMAND_DB:-ledger_command}" -v command_role="${LEDGER_COMMAND_ROLE:-ledger_command_app}" \
  -v command_password="$LEDGER_COMMAND_DB_PASSWORD" \
  -v query_db="${LEDGER_QUERY_DB:-ledger_query}" -v query_role="${LEDGER_QUERY_ROLE:-ledger_query_app}" \
  -v query_password="$LEDGER_QUERY_DB_PASSWORD" \
  -v keycloak_db="${KEYCLOAK_DB:-keycloak}" -v keycloak_role="${KEYCLOAK_ROLE:-keycloak}" \
  -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE :"owner" LOGIN PASSWORD :'owner_password';
CREATE ROLE :"command_role" LOGIN PASSWORD :'command_password';
CREATE ROLE :"query_role" LOGIN PASSWORD :'query_password';
CREATE ROLE :"keycloak_role" LOGIN PASSWORD :'keycloak_password';

CREATE DATABASE :"command_db" OWNER :"owner";
CREATE DATABASE :"query_db" OWNER :"owner";
CREATE DATABASE :"keycloak_db" OWNER :"keycloak_role";

REVOKE ALL ON DATABASE :"command_db" FROM PUBLIC;
REVOKE ALL ON DATABASE :"query_db" FROM PUBLIC;
REVOKE ALL ON DATABASE :"keycloak_db" FROM PUBLIC;

GRANT CONNECT ON DATABASE :"command_db" TO :"command_role";
-- CREATE: a consistency check rebuilds the read models into a schema of its own next to the live ones
GRANT CONNECT, CREATE ON DATABASE :"query_db" TO :"query_role";
SQL
