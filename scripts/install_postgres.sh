#!/usr/bin/env bash
# Installs Debian's PostgreSQL server and the psycopg driver, for the server-database tests
# (tests/reliability/test_postgres.py starts its own throwaway cluster; nothing here configures one).
# Idempotent, and fast when everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    echo "postgresql: already installed ($(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1))"
else
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    # the server package creates the 'postgres' user the tests run initdb/pg_ctl as
    $SUDO apt-get install -y -q --no-install-recommends postgresql
    echo "postgresql: installed ($(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1))"
fi

PYTHON=.venv/bin/python
if [ -x "$PYTHON" ]; then
    if "$PYTHON" -c "import psycopg" 2>/dev/null; then
        echo "psycopg: already installed in .venv"
    else
        "$PYTHON" -m pip install -q "psycopg[binary]>=3.1"
        echo "psycopg: installed in .venv"
    fi
fi
