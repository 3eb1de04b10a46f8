#!/usr/bin/env bash
# The web app's whole check, in order: install exactly the locked packages,
# the API types match the server, type check, unit tests, build, size
# budget, then the browser tests in Debian's Chromium against a real server.
#
# Needs: Node and npm; an emenda binary (EMENDA_BIN, else target/release/emenda,
# else target/debug/emenda); /usr/bin/chromium (apt-get install -y chromium)
# or CHROMIUM pointing at one.
set -euo pipefail
cd "$(dirname "$0")/.."

echo '== npm ci'
npm ci --no-audit --no-fund
echo '== API types are current'
npm run --silent check:api
echo '== type check'
npm run --silent typecheck
echo '== unit tests'
npm test --silent
echo '== build'
npm run --silent build
echo '== size'
npm run --silent size
echo '== browser tests'
npm run --silent test:browser
