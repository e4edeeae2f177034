"""The text of the dataset files: JSONL, CSV and the label distribution table the READMEs show."""
import csv
import io
import json

CSV_COLUMNS = ["id", "text", "duration_seconds", "queue", "channel", "agent"]


def jsonl(items: list) -> str:
    """One JSON object per line, keys in the order they were built, non-ASCII kept readable."""
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)


def csv_text(items: list) -> str:
    """The items without labels, one row each; text with newlines is quoted, rows end with LF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        meta = item["metadata"]
        writer.writerow([item["id"], item["text"], meta["duration_seconds"], meta["queue"], meta["channel"], meta["agent"]])
    return buffer.getvalue()


def distribution_table(items: list, scores: dict) -> str:
    """A Markdown table: for each score, each class with its count and share of the items."""
    lines = ["| score | classes: count (share) |", "|---|---|"]
    for key, classes in scores.items():
        counts = [sum(item["labels"][key] == value for item in items) for value in classes]
        cells = " · ".join(f"{value} {n} ({n / len(items):.0%})" for value, n in zip(classes, counts))
        lines.append(f"| {key} | {cells} |")
    return "\n".join(lines) + "\n"
