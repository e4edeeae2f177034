#!/usr/bin/env bash
# Runs README's scoring-engine walkthrough end to end with the real binaries, a fresh server on
# SQLite, the local fake LLM server and (when MLFLOW_TRACKING_URI is set) a real MLflow server,
# and checks what each step printed. CI runs it; so can you: scripts/walkthrough.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${PLEXUS_BIN_DIR:-$repo/.build/debug}
work=$(mktemp -d /tmp/plexus-walkthrough.XXXXXX)
port=${WALKTHROUGH_PORT:-18480}
llm_port=${WALKTHROUGH_LLM_PORT:-18489}
cd "$work"
cleanup() { kill "$server_pid" "$llm_pid" 2>/dev/null || true; }
# Only the MLflow steps at the end log to MLflow, so the plain walkthrough is what runs before them.
mlflow_uri=${MLFLOW_TRACKING_URI:-}
unset MLFLOW_TRACKING_URI
trap cleanup EXIT

http_get() { # http_get URL: prints the body, fails on an error status (no curl needed)
  python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode())' "$1" 2>/dev/null
}
fail() { echo "walkthrough: FAILED: $*" >&2; exit 1; }
expect() { # expect FILE PATTERN: the step's output must match
  grep -qE "$2" "$1" || { cat "$1" >&2; fail "expected /$2/ in the output of $(basename "$1" .out)"; }
}
step() { # step NAME COMMAND...: runs a walkthrough command, keeping its output in NAME.out
  local name=$1; shift
  echo "\$ plexus ${*:2}" | sed "s|$repo/||g"
  local rc=0
  "$@" > "$name.out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { cat "$name.out" >&2; fail "'$*' exited with $rc"; }
  grep -vE "items/s ·" "$name.out" | sed 's/^/    /' | head -n 30
}

export PLEXUS_LLM_BASE_URL="http://127.0.0.1:$llm_port/v1" PLEXUS_LLM_MODEL=gpt-4o-mini   # the server's jobs use it too
"$bin/plexus" serve --port "$port" > serve.log 2>&1 & server_pid=$!
"$bin/plexus-fake-llm" --port "$llm_port" > fake-llm.log 2>&1 & llm_pid=$!
for _ in $(seq 1 100); do
  http_get "http://127.0.0.1:$port/health" >/dev/null && grep -q "listening" fake-llm.log && break
  sleep 0.2
done
if ! http_get "http://127.0.0.1:$port/health" >/dev/null || ! grep -q "listening" fake-llm.log; then
  cat serve.log fake-llm.log >&2
  fail "the server or the fake LLM did not start"
fi
export PLEXUS_API_URL="http://127.0.0.1:$port"
ex=$repo/examples
p=$bin/plexus

step validate "$p" scorecard validate "$ex/call-qa/scorecard.yaml"
expect validate.out "is valid: 6 scores"
if "$p" scorecard validate "$ex/broken-scorecard.yaml" > broken.out 2>&1; then fail "the broken scorecard validated"; fi
[ "$(grep -c 'broken-scorecard.yaml:[0-9]*:[0-9]*: ' broken.out)" -ge 6 ] || { cat broken.out; fail "expected every problem of the broken scorecard"; }
step push "$p" scorecard push "$ex/call-qa/scorecard.yaml"
expect push.out "version 1"
step explain "$p" scorecard explain call-qa --score recording_disclosure --samples 500 \
  --text "Agent: hello, this call may be recorded for quality and training purposes. How can I help you today?"
expect explain.out "Classified as Yes"
expect explain.out "^  (recorded|quality|training|purposes) +█+ +\+0\.[0-9]+"
expect explain.out "500 texts classified, cost \\\$0.0000"
step import "$p" items import "$ex/call-qa/transcripts.jsonl" --scorecard call-qa
expect import.out "Imported 240 items and 1440 labels"
step train "$p" train --scorecard call-qa --score resolved
expect train.out "Stored as model version 1"
step evaluate "$p" evaluate --scorecard call-qa
expect evaluate.out "^greeting +rules +240 "
expect evaluate.out "^identity_verified +llm +240 "
expect evaluate.out "^resolved +ml +240 "
baseline=$(awk '$1 == "resolved" { print $NF }' evaluate.out)
step push2 "$p" scorecard push "$ex/call-qa/scorecard-v2.yaml"
expect push2.out "version 2"
step evaluate2 "$p" evaluate --scorecard call-qa --score resolved
expect evaluate2.out "^resolved +llm +240 "
candidate=$(awk '$1 == "resolved" { print $NF }' evaluate2.out)
step compare "$p" compare "$baseline" "$candidate"
expect compare.out "paired-bootstrap interval"
expect compare.out "McNemar"
step score "$p" score --scorecard call-qa --input "$ex/call-qa/transcripts.csv"
expect score.out "Scored 240 items \(0 already scored"
step rescore "$p" score --scorecard call-qa --input "$ex/call-qa/transcripts.csv"
expect rescore.out "Scored 0 items \(240 already scored"
step project "$p" project create support-bot --name "Support bot" --incumbent gpt-4o-mini --candidate claude-3-5-haiku
expect project.out '"incumbentModel" ?: "gpt-4o-mini"'
step logs "$p" logs import "$ex/agents/portkey-export.jsonl" --project support-bot
expect logs.out "Read 7 lines: 5 new, 0 already stored, 0 new versions, 2 rejected"
expect logs.out "line 6: line is not JSON"
step logs-again "$p" logs import "$ex/agents/portkey-export.jsonl" --project support-bot
expect logs-again.out "0 new, 5 already stored"
step logs-list "$p" logs list --project support-bot
expect logs-list.out "guardrail +pk-1003"
expect logs-list.out "hard +pk-1002"
step logs-stats "$p" logs stats --project support-bot
expect logs-stats.out "^5 logs \(4 replayable\)"
expect logs-stats.out "^gpt-4o-mini-2024-07-18 +2 +0.0% +50.0% +726 +"
"$p" scorecard pull call-qa --version 1 > pulled.yaml
cmp -s pulled.yaml "$ex/call-qa/scorecard.yaml" || fail "pull did not return version 1 unchanged"
echo "\$ plexus scorecard pull call-qa --version 1   (identical to examples/call-qa/scorecard.yaml)"

step chat-push "$p" scorecard push "$ex/support-chat/scorecard.yaml"
step chat-import "$p" items import "$ex/support-chat/chats.jsonl" --scorecard support-chat
step chat-train "$p" train --scorecard support-chat --score category
step chat-evaluate "$p" evaluate --scorecard support-chat
expect chat-evaluate.out "Not evaluated \(no labels\): refund_confirmed"
expect chat-evaluate.out "^category +ml +220 "

# The same engine inside the server: a scoring job over every stored item this version has not
# scored (items belong to the account, so that includes the calls), then again: nothing is left.
step job-score "$p" job run scoring --scorecard support-chat --items all
expect job-score.out "completed: 240 items scored, 220 already scored"
step job-rescore "$p" job run scoring --scorecard support-chat --items all
expect job-rescore.out "completed: 0 items scored, 460 already scored"
step job-evaluate "$p" job run evaluation --scorecard call-qa --score greeting --sample 50 --seed 7
expect job-evaluate.out "completed: 50 items scored"
expect job-evaluate.out "^Evaluations: "
expect job-evaluate.out "^greeting +50 +[0-9.]+ "

# README "Backups": a copy taken while the server runs is a whole database.
step backup "$p" backup --to backups/plexus.sqlite
expect backup.out "integrity ok"
python3 - <<'PY' || fail "the backup does not hold the server's data"
import sqlite3
live = sqlite3.connect(".plexus/plexus.sqlite").execute("SELECT COUNT(*) FROM score_results").fetchone()[0]
copy = sqlite3.connect("backups/plexus.sqlite")
assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
copied = copy.execute("SELECT COUNT(*) FROM score_results").fetchone()[0]
assert copied == live > 0, (copied, live)
print(f"    the copy holds all {copied} score results")
PY

if [ -n "$mlflow_uri" ]; then
  step mlflow-train "$p" train --scorecard call-qa --score resolved --version 1 --mlflow "$mlflow_uri"
  expect mlflow-train.out "registered model 'call-qa.resolved' version [0-9]+"
  step mlflow-evaluate "$p" evaluate --scorecard call-qa --score greeting --score sentiment --mlflow "$mlflow_uri"
  [ "$(grep -c '^MLflow: logged' mlflow-evaluate.out)" -eq 2 ] || fail "expected two MLflow runs"
  run_id=$(grep -m1 '^MLflow: logged' mlflow-evaluate.out | sed -E 's/.* as run ([0-9a-f]+):.*/\1/')
  http_get "$mlflow_uri/api/2.0/mlflow/runs/get?run_id=$run_id" > run.json || fail "MLflow has no run $run_id"
  grep -q '"key": *"accuracy"' run.json || grep -q '"key":"accuracy"' run.json || fail "the MLflow run has no accuracy metric"
  echo "    MLflow run $run_id has the evaluation's metrics"
fi

# README's walkthrough on a `serve --demo` server, which already has the example scorecards as version 1
# and their labelled items: pushing makes version 2, importing finds every item already there.
demo_port=$((port + 1))
mkdir demo
(cd demo && exec "$p" serve --demo --examples "$ex" --port "$demo_port" > serve.log 2>&1) & demo_pid=$!  # the server itself, so cleanup stops it
cleanup() { kill "$server_pid" "$llm_pid" "$demo_pid" 2>/dev/null || true; }
for _ in $(seq 1 300); do grep -q "pipeline performance records" demo/serve.log 2>/dev/null && break; sleep 0.2; done
grep -q "pipeline performance records" demo/serve.log || { cat demo/serve.log >&2; fail "the demo did not load"; }
export PLEXUS_API_URL="http://127.0.0.1:$demo_port" PLEXUS_API_KEY=$(python3 -c 'import json; print(json.load(open("demo/.plexus/credentials"))["apiKey"])')
step demo-push "$p" scorecard push "$ex/call-qa/scorecard.yaml"
expect demo-push.out "version 2"
step demo-import "$p" items import "$ex/call-qa/transcripts.jsonl" --scorecard call-qa
expect demo-import.out "Imported 240 items and 1440 labels"
step demo-evaluate "$p" evaluate --scorecard call-qa --score greeting
expect demo-evaluate.out "^greeting +rules +240 "
cleanup; cd / && rm -rf "$work"
echo "walkthrough: passed"
