#!/usr/bin/env bash
# Hostile input: schemathesis generates requests for every operation of the OpenAPI document
# (valid, invalid and stateful sequences) against a real `plexus serve` on SQLite with an admin
# key, and checks that no answer is a 5xx, every status, content type, header and body matches the
# document, undeclared methods get 405 with Allow, and invalid input is refused. CI runs it; so can
# you: scripts/reliability/schemathesis.sh [examples per operation, default 25]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
bin=${PLEXUS_BIN_DIR:-$repo/.build/debug}
st=${SCHEMATHESIS:-$repo/.venv/bin/st}
examples=${1:-25}
port=${SCHEMATHESIS_PORT:-18490}
key=plx_schemathesis-admin-key-$(date +%s)
work=$(mktemp -d /tmp/plexus-schemathesis.XXXXXX)
cd "$work"
# Generated webhook URLs name hosts anywhere; deliveries stay on this machine.
PLEXUS_ADMIN_KEY=$key PLEXUS_WEBHOOK_HOSTS=127.0.0.1 "$bin/plexus" serve --port "$port" > serve.log 2>&1 & server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do grep -q "listening\|at http" serve.log 2>/dev/null && break; sleep 0.2; done
"$bin/plexus" openapi > openapi.json
# Revoking or rotating away the only key would lock the run out; the key suites test those routes.
# positive_data_acceptance is left out: opaque cursors and cross-field rules (scorecardId or
# scorecardKey) are refused with 400 although no JSON Schema can tell them from valid values.
set +e
"$st" run openapi.json --url "http://127.0.0.1:$port" -H "Authorization: Bearer $key" \
  --max-examples "$examples" --seed 20261204 --checks all --exclude-checks positive_data_acceptance \
  --exclude-path '/api/v1/keys/{id}' --exclude-path '/api/v1/keys/{id}/rotate' \
  --max-failures 100 --no-color > schemathesis.log 2>&1
status=$?
set -e
sed -n '/SUMMARY/,$p' schemathesis.log
generated=$(grep -oE '[0-9]+ generated' schemathesis.log | grep -oE '[0-9]+' | tail -n 1)
if grep -q " 500 \|Internal Server Error\|internal_error" schemathesis.log; then status=1; fi
if [ "${generated:-0}" -lt 1000 ]; then echo "schemathesis: only ${generated:-0} cases were generated (at least 1000 are required)"; status=1; fi
if [ "$status" -ne 0 ]; then cat schemathesis.log | head -n 400; echo "schemathesis: FAILED"; exit 1; fi
grep -q "internal_error\|Unhandled error" serve.log && { grep -m5 "Unhandled error" serve.log; echo "schemathesis: the server logged an unhandled error"; exit 1; }
echo "schemathesis: passed ($generated cases)"
rm -rf "$work"
