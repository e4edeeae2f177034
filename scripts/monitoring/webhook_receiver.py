"""A local webhook receiver for trying Plexus alerts without Slack: prints each delivery's text
line, checks its X-Plexus-Signature against the secret, and appends the JSON to a file.

    python3 scripts/monitoring/webhook_receiver.py --port 9000 --secret whsec_… [--out deliveries.jsonl]
"""
import argparse
import hashlib
import hmac
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--secret", required=True, help="the secret the webhook was created with")
    parser.add_argument("--out", default="deliveries.jsonl", help="where each delivery's JSON is appended")
    args = parser.parse_args()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            expected = "sha256=" + hmac.new(args.secret.encode(), body, hashlib.sha256).hexdigest()
            valid = hmac.compare_digest(expected, self.headers.get("X-Plexus-Signature", ""))
            delivery = json.loads(body)
            print(f"{'signature ok' if valid else 'BAD SIGNATURE'} · {self.headers.get('X-Plexus-Event')} · {delivery['text']}", flush=True)
            with open(args.out, "a", encoding="utf-8") as handle:
                handle.write(json.dumps({"signatureValid": valid, **delivery}) + "\n")
            self.send_response(204 if valid else 401)
            self.end_headers()

        def log_message(self, *_):
            pass

    print(f"listening on 127.0.0.1:{args.port}", flush=True)
    HTTPServer(("127.0.0.1", args.port), Receiver).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
