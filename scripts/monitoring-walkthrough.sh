#!/usr/bin/env bash
# Runs README's monitoring walkthrough end to end with the real binaries on a fresh SQLite server:
# upload two datasets, compare them with a monitor, schedule a series monitor, and watch its alert
# arrive on the API and at a local webhook receiver. CI runs it; so can you: scripts/monitoring-walkthrough.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${PLEXUS_BIN_DIR:-$repo/.build/debug}
work=$(mktemp -d /tmp/plexus-monitoring.XXXXXX)
port=${MONITORING_PORT:-18470}
hook_port=${MONITORING_HOOK_PORT:-18471}
cd "$work"
cleanup() { kill ${server_pid:-} ${hook_pid:-} 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "monitoring walkthrough: FAILED: $*" >&2; exit 1; }
expect() { grep -qE "$2" "$1" || { cat "$1" >&2; fail "expected /$2/ in the output of $(basename "$1" .out)"; }; }
step() { # step NAME COMMAND...: runs a walkthrough command, keeping its output in NAME.out
  local name=$1; shift
  echo "\$ ${*}" | sed "s|$bin/||g; s|$repo/||g"
  local rc=0
  "$@" > "$name.out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { cat "$name.out" >&2; fail "'$*' exited with $rc"; }
  sed 's/^/    /' "$name.out" | head -n 20
}

"$bin/plexus" serve --port "$port" > serve.log 2>&1 & server_pid=$!
for _ in $(seq 1 100); do grep -q "listening" serve.log 2>/dev/null && break; sleep 0.2; done
grep -q "listening" serve.log || { cat serve.log >&2; fail "the server did not start"; }
export PLEXUS_API_URL="http://127.0.0.1:$port"
key=$(python3 -c 'import json; print(json.load(open(".plexus/credentials"))["apiKey"])')
p=$bin/plexus
ex=$repo/examples/monitoring
api() { # api METHOD PATH [BODY FILE]: calls the API with the saved key, prints the answer
  curl -sS -f -X "$1" -H "Authorization: Bearer $key" -H "Content-Type: application/json" ${3:+--data-binary "@$3"} "$PLEXUS_API_URL$2"
  echo
}

# 1. Two datasets and their statistics.
step upload-reference "$p" data upload "$ex/orders-reference.csv" --name orders-reference
expect upload-reference.out "2000 rows × 6 columns"
step upload-current "$p" data upload "$ex/orders-current.csv" --name orders-current
current_id=$("$p" data list | awk '$2 == "orders-current" {print $1}')
step stats "$p" data stats "$current_id"
expect stats.out "amount +float"

# 2. Compare them: a monitor of the current month against the reference, run once.
step validate "$p" monitor validate "$ex/orders-drift.yaml"
expect validate.out "is valid"
if "$p" monitor validate "$ex/broken-monitor.yaml" > broken.out 2>&1; then fail "the broken monitor validated"; fi
[ "$(grep -c 'broken-monitor.yaml:[0-9]*:[0-9]*: ' broken.out)" -eq 6 ] || { cat broken.out; fail "expected the broken monitor's 6 problems"; }
step create-orders "$p" monitor create "$ex/orders-drift.yaml"
orders_id=$("$p" monitor list | awk 'NR > 1 && /orders drift/ {print $1}')
step run-orders "$p" monitor run "$orders_id"
expect run-orders.out "^drift: reference 2000 rows, current 2000 rows"
expect run-orders.out "^amount +wasserstein .* yes"
expect run-orders.out "alert.raised: column_drift:channel"

# 3. A webhook, a receiver, and a scheduled monitor over a series of points.
secret=whsec_monitoring-walkthrough-secret
python3 "$repo/scripts/monitoring/webhook_receiver.py" --port "$hook_port" --secret "$secret" --out deliveries.jsonl > receiver.log 2>&1 & hook_pid=$!
echo "{\"url\": \"http://127.0.0.1:$hook_port/hook\", \"secret\": \"$secret\", \"events\": [\"alert.raised\"]}" > webhook.json
step webhook api POST /api/v1/webhooks webhook.json
python3 "$ex/checkout_points.py" > points.json
step points api POST /api/v1/monitoring/series/checkout/points points.json
expect points.out '"stored":520'
step create-checkout "$p" monitor create "$ex/checkout-latency.yaml"
expect create-checkout.out "next run"
echo "Waiting for the scheduled run (every minute) to raise its alert…"
for _ in $(seq 1 60); do
  "$p" alerts list --state open > alerts.out
  grep -q "checkout latency" alerts.out && grep -q "checkout latency" deliveries.jsonl 2>/dev/null && break
  sleep 2
done
cat alerts.out | sed 's/^/    /'
expect alerts.out "checkout latency +column_drift:latency_ms"
grep -q "checkout latency" deliveries.jsonl || { cat receiver.log serve.log >&2; fail "the webhook receiver got no delivery for the scheduled monitor"; }
sed 's/^/    receiver: /' receiver.log
grep -q "BAD SIGNATURE" receiver.log && fail "a delivery's signature did not verify"
step status api GET /api/v1/scheduler/status
expect status.out '"lastStatus":"drift"'
checkout_id=$("$p" monitor list | awk 'NR > 1 && /checkout latency/ {print $1}')
step runs "$p" monitor runs "$checkout_id"
expect runs.out "schedule +drift"
echo "monitoring walkthrough: passed"
rm -rf "$work"
