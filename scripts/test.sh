#!/usr/bin/env bash
# Runs every test of Emenda: formatting and lints, domain unit and property
# tests, store tests and end-to-end HTTP tests, each of the latter on both
# SQLite and PostgreSQL (every test gets its own fresh database), the e-mail
# tests delivering to a real SMTP server they start; then the
# web app's check (web/scripts/test.sh: API types current, type check, unit
# tests, build, size budget, and the browser tests in Debian's Chromium
# against a real `emenda` on SQLite with the demo data).
#
# PostgreSQL: EMENDA_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test)
# must point at a server where the tests may create and drop databases. A
# local Debian cluster is started if it is installed and down.
set -euo pipefail
cd "$(dirname "$0")/.."

export EMENDA_TEST_POSTGRES_URL="${EMENDA_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test}"

postgres_up() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -d "$EMENDA_TEST_POSTGRES_URL"
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

if ! postgres_up && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "starting the local PostgreSQL cluster"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
fi
if ! postgres_up; then
  echo "PostgreSQL is not reachable at $EMENDA_TEST_POSTGRES_URL; the tests need it" >&2
  exit 1
fi

# The SMTP server the e-mail tests deliver to (tests/smtp/server.py, on
# Python's aiosmtpd), from PyPI at the pinned versions.
if ! python3 -c "import aiosmtpd" >/dev/null 2>&1; then
  echo "installing the test SMTP server (aiosmtpd)"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r tests/smtp/requirements.txt
fi

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast
fi

# The web app, against the binary built from this tree.
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: the web app's tests need Node 20 and npm" >&2
  exit 1
fi
if [ -z "${CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is missing: apt-get install -y chromium (the browser tests drive it)" >&2
  exit 1
fi
cargo build --locked --bin emenda
EMENDA_BIN="$PWD/target/debug/emenda" bash web/scripts/test.sh
