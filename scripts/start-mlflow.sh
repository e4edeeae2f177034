#!/usr/bin/env bash
# Starts an MLflow tracking server on 127.0.0.1 for the test suite, waits until it answers, and
# prints its URI. The server runs in its own process group, whose ID is saved in DATA_DIR/mlflow.pid:
# stop it with `kill -- -"$(cat DATA_DIR/mlflow.pid)"`.
# Artifacts are served through the server (the mlflow-artifacts proxy) from DATA_DIR/artifacts.
# Usage: scripts/start-mlflow.sh [DATA_DIR] [PORT]   (MLFLOW=path/to/mlflow to use another install)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/plexus-mlflow}
port=${2:-5055}
mlflow=${MLFLOW:-.venv/bin/mlflow}
mkdir -p "$dir/artifacts"
dir=$(cd "$dir" && pwd)
uri="http://127.0.0.1:$port"
answers() {
  python3 -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)" "$uri/health" >/dev/null 2>&1
}
if answers; then
  echo "Port $port already answers; stop that server or pick another port." >&2
  exit 1
fi
# Job execution needs extra services and is not used by the tests.
MLFLOW_SERVER_ENABLE_JOB_EXECUTION=false setsid "$mlflow" server \
  --backend-store-uri "sqlite:///$dir/mlflow.db" \
  --serve-artifacts --artifacts-destination "$dir/artifacts" \
  --host 127.0.0.1 --port "$port" --workers 1 \
  >"$dir/server.log" 2>&1 </dev/null &
echo $! >"$dir/mlflow.pid"
for _ in $(seq 1 120); do
  if answers; then
    echo "$uri"
    exit 0
  fi
  if ! kill -0 "$(cat "$dir/mlflow.pid")" 2>/dev/null; then
    echo "MLflow exited while starting; see $dir/server.log:" >&2
    tail -n 20 "$dir/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "MLflow did not answer on $uri within 60 s; see $dir/server.log." >&2
kill -- -"$(cat "$dir/mlflow.pid")" 2>/dev/null || true
exit 1
