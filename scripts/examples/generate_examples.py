"""Writes the example datasets under examples/ (or, with --check, fails if the committed files differ from a fresh run).

    python3 scripts/examples/generate_examples.py          # (re)write the files, print label distributions
    python3 scripts/examples/generate_examples.py --check  # exit 1 if any committed file is stale

Standard library only and seeded, so every run produces byte-identical files.
"""
import argparse
import string
import sys
from pathlib import Path

import call_qa
import dataset_files
import orders
import support_chat

SEED = 2026
CALLS = 240
CHATS = 220
ORDERS = 2000
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def readme(name: str, count: int, table: str) -> str:
    """A dataset's README from its template in templates/, with the item count, seed and label table filled in."""
    template = string.Template((Path(__file__).parent / "templates" / f"{name}-README.md").read_text(encoding="utf-8"))
    return template.substitute(count=count, seed=SEED, table=table)


def build() -> tuple:
    """Every file's path and content, and the distribution tables to print."""
    calls = call_qa.make_calls(CALLS, SEED)
    chats = support_chat.make_chats(CHATS, SEED)
    call_table = dataset_files.distribution_table(calls, call_qa.SCORES)
    chat_table = dataset_files.distribution_table(chats, support_chat.SCORES)
    files = {
        EXAMPLES / "call-qa" / "transcripts.jsonl": dataset_files.jsonl(calls),
        EXAMPLES / "call-qa" / "transcripts.csv": dataset_files.csv_text(calls),
        EXAMPLES / "call-qa" / "README.md": readme("call-qa", CALLS, call_table),
        EXAMPLES / "support-chat" / "chats.jsonl": dataset_files.jsonl(chats),
        EXAMPLES / "support-chat" / "README.md": readme("support-chat", CHATS, chat_table),
        EXAMPLES / "monitoring" / "orders-reference.csv": orders.make_orders(ORDERS, SEED, shifted=False),
        EXAMPLES / "monitoring" / "orders-current.csv": orders.make_orders(ORDERS, SEED, shifted=True),
    }
    return files, {"call-qa": call_table, "support-chat": chat_table}


def main() -> int:
    parser = argparse.ArgumentParser(description="Generate the example datasets under examples/.")
    parser.add_argument("--check", action="store_true", help="exit 1 unless the committed files match a fresh run")
    args = parser.parse_args()
    files, tables = build()
    if args.check:
        stale = [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path.relative_to(EXAMPLES.parent)} differs from a fresh run", file=sys.stderr)
        if stale:
            print("Regenerate with `python3 scripts/examples/generate_examples.py` and review the diff.", file=sys.stderr)
            return 1
        print(f"all {len(files)} example files match a fresh run")
        return 0
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path.relative_to(EXAMPLES.parent)}")
    for name, table in tables.items():
        print(f"\n{name} label distribution\n{table}", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
