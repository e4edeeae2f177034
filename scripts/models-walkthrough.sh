#!/usr/bin/env bash
# Runs README's models walkthrough end to end with the real binaries on a fresh SQLite server:
# train and export a scikit-learn model, upload it, predict a CSV, explain it with TreeSHAP from
# the CLI and with curl. CI runs it; so can you (PYTHON names a Python with scikit-learn and
# skl2onnx, such as the reference venv's): PYTHON=.venv/bin/python scripts/models-walkthrough.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${PLEXUS_BIN_DIR:-$repo/.build/debug}
python=${PYTHON:-python3}
# A relative path (.venv/bin/python) is made absolute before the script changes directory.
case $python in */*) python=$(cd "$(dirname "$python")" && pwd)/$(basename "$python") ;; esac
work=$(mktemp -d /tmp/plexus-models.XXXXXX)
port=${MODELS_PORT:-18480}
cd "$work"
cleanup() { kill ${server_pid:-} 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "models walkthrough: FAILED: $*" >&2; exit 1; }
expect() { grep -qE "$2" "$1" || { cat "$1" >&2; fail "expected /$2/ in the output of $(basename "$1" .out)"; }; }
step() { # step NAME COMMAND...: runs a walkthrough command, keeping its output in NAME.out
  local name=$1; shift
  echo "\$ ${*}" | sed "s|$bin/||g; s|$repo/||g; s|$work/||g"
  local rc=0
  "$@" > "$name.out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { cat "$name.out" >&2; fail "'$*' exited with $rc"; }
  sed 's/^/    /' "$name.out" | head -n 24
}

"$bin/plexus" serve --port "$port" > serve.log 2>&1 & server_pid=$!
for _ in $(seq 1 100); do grep -q "listening" serve.log 2>/dev/null && break; sleep 0.2; done
grep -q "listening" serve.log || { cat serve.log >&2; fail "the server did not start"; }
export PLEXUS_API_URL="http://127.0.0.1:$port"
key=$("$python" -c 'import json; print(json.load(open(".plexus/credentials"))["apiKey"])')
p=$bin/plexus

# 1. Train and export: a gradient-boosted churn model, customers to score, a background sample.
step train "$python" "$repo/examples/models/train_churn.py" --out .
expect train.out "churn.onnx: gradient boosting, 50 trees"

# 2. Upload it with its feature names, and predict the customers.
step upload "$p" model upload churn.onnx --name churn --features tenure_months,monthly_spend,support_calls,age,logins_per_week
expect upload.out "Stored churn version 1"
expect upload.out "TreeEnsembleClassifier"
step predict "$p" model predict churn --input customers.csv --output predictions.csv
[ "$(wc -l < predictions.csv)" -eq 401 ] || fail "expected 400 predictions and a header in predictions.csv"
head -n 3 predictions.csv | sed 's/^/    /'

# 3. Explain them: exact TreeSHAP from the ONNX trees, against the background sample.
step explain "$p" model explain churn --input customers.csv --background background.csv --output shap.csv
expect explain.out "Explained 400 rows with churn \(tree_shap, interventional, 100 background rows\)"
expect explain.out "Mean \|SHAP\| for 1 \(log_odds\) over 400 rows"
[ "$(wc -l < shap.csv)" -eq 401 ] || fail "expected 400 explained rows and a header in shap.csv"
head -n 3 shap.csv | sed 's/^/    /'
# The most important feature is one the synthetic churn depends on.
top=$(awk '/Mean \|SHAP\|/ {getline; print $1; exit}' explain.out)
case "$top" in support_calls|tenure_months|monthly_spend|logins_per_week) ;; *) fail "the top feature is $top";; esac

# KernelSHAP explains any model from its predictions alone; 5 features, so every coalition is enumerated.
step kernel "$p" model explain churn --method kernel_shap --input customers.csv --background background.csv --background-rows 20 --output kernel.jsonl
expect kernel.out "Explained 400 rows with churn \(kernel_shap, seed 0, 20 background rows\)"
expect kernel.out "Mean \|SHAP\| for 1 \(probability\) over 400 rows"
[ "$(wc -l < kernel.jsonl)" -eq 400 ] || fail "expected 400 lines in kernel.jsonl"

# LIME fits a local surrogate per customer; its JSON Lines name each feature's bin and the fit's R².
head -n 51 customers.csv > fifty.csv
step lime "$p" model explain churn --method lime --input fifty.csv --background background.csv --output lime.jsonl
expect lime.out "Explained 50 rows with churn \(lime, seed 0, 100 background rows\)"
expect lime.out "Mean \|weight\| for 1 \(probability\) over 50 rows"
grep -q '"conditions":\["tenure_months' lime.jsonl || { head -c 600 lime.jsonl; fail "expected each feature's bin in lime.jsonl"; }

# --store keeps an explanation on the server and prints the dashboard page that charts it
# (mean |SHAP| bars, beeswarm, a waterfall per customer, dependence plots).
step store "$p" model explain churn --input fifty.csv --background background.csv --output stored.csv --store
expect store.out "Stored as explanation [0-9a-f-]+: $PLEXUS_API_URL/explanations/"
stored=$(sed -n 's/^Stored as explanation \([0-9a-f-]*\):.*/\1/p' store.out)
curl -sS -f -H "Authorization: Bearer $key" "$PLEXUS_API_URL/api/v1/models/churn/explanations" > explanations.out \
  || fail "listing the stored explanations failed"
grep -q "\"id\":\"$stored\"" explanations.out || { cat explanations.out; fail "the stored explanation is not listed"; }
echo "    GET /api/v1/models/churn/explanations lists $stored (50 rows, tree_shap)"

# Permutation importance: how much accuracy drops when each feature's column is shuffled.
step importance "$p" model importance churn --input labelled.csv --target churned --repeats 5 --seed 1
expect importance.out "Permutation importance of churn v1: accuracy 0\.[0-9]+ on 400 rows, each column shuffled 5 times \(seed 1\)"
top=$(awk '/Mean drop/ {getline; print $1; exit}' importance.out)
case "$top" in support_calls|tenure_months|monthly_spend|logins_per_week) ;; *) fail "the most important feature is $top";; esac

# 4. The same over HTTP with curl: one customer, path-dependent, against the background.
"$python" - <<'PY' > explain.json
import csv, json
def rows(path):
    with open(path) as handle:
        return [{k: float(v) for k, v in row.items()} for row in csv.DictReader(handle)]
print(json.dumps({"method": "tree_shap", "featurePerturbation": "tree_path_dependent",
                  "rows": rows("customers.csv")[:1], "background": {"rows": rows("background.csv")}}))
PY
echo "\$ curl -X POST \$PLEXUS_API_URL/api/v1/models/churn/explain -d @explain.json"
curl -sS -f -X POST -H "Authorization: Bearer $key" -H "Content-Type: application/json" --data-binary @explain.json \
  "$PLEXUS_API_URL/api/v1/models/churn/explain" > curl-explain.out || { cat curl-explain.out >&2; fail "curl explain failed"; }
"$python" - <<'PY' | sed 's/^/    /'
import json
answer = json.load(open("curl-explain.out"))
row = answer["rows"][0]
print(f"base value {answer['baseValues'][0]:.4f} + Σ SHAP {sum(row['values'][0]):.4f} = output {row['outputs'][0]:.4f} (additivity error {row['additivityError']:.1e})")
for name, value in sorted(zip(answer["features"], row["values"][0]), key=lambda pair: -abs(pair[1])):
    print(f"  {name:16} {value:+.4f}")
assert answer["largestAdditivityError"] < 1e-9
PY
echo "models walkthrough: passed"
