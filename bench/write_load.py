"""A citizen writing in their dialogue as fast as the site answers, for the fault runs
(bench/faults.sh): every message carries a run id and a number, and the client logs each
answer. A message is acknowledged when the site answered the POST with its redirect to the
thread; `--check` then compares the log with the database, which must hold every
acknowledged message, exactly once.

    .venv/bin/python bench/write_load.py --url http://127.0.0.1:56420 --seconds 40 --log var/w.jsonl
    .venv/bin/python bench/write_load.py --check var/w.jsonl --database postgres://…
"""

import argparse
import json
import re
import sys
import time
import uuid
from pathlib import Path

import psycopg
import requests

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
THREAD = re.compile(r'href="(/threads/[0-9a-f-]{36}/)"')


def _login(url: str, username: str) -> tuple[requests.Session, str]:
    session = requests.Session()
    page = session.get(f"{url}/login/", timeout=10)
    token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
    data = {"username": username, "password": "velferd-demo-2026", "csrfmiddlewaretoken": token}
    session.post(f"{url}/login/", data=data, timeout=10)
    dialogue = session.get(f"{url}/me/dialogue/", timeout=10)
    return session, THREAD.findall(dialogue.text)[0]


def write(url: str, seconds: float, log: Path) -> None:
    session, thread = _login(url, "innbygger")
    run = uuid.uuid4().hex[:8]
    page = session.get(f"{url}{thread}", timeout=10)
    token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
    end = time.monotonic() + seconds
    number = 0
    with log.open("w") as out:
        while time.monotonic() < end:
            number += 1
            text = f"drill {run} {number}"
            entry: dict[str, object] = {"text": text, "at": time.time()}
            try:
                answer = session.post(
                    f"{url}{thread}",
                    data={"text": text, "csrfmiddlewaretoken": token},
                    allow_redirects=False,
                    timeout=10,
                )
                entry["status"] = answer.status_code
                entry["acknowledged"] = answer.status_code == 302
            except requests.RequestException as error:
                entry["status"], entry["acknowledged"] = type(error).__name__, False
            out.write(json.dumps(entry) + "\n")
            out.flush()
            if not entry["acknowledged"]:
                time.sleep(0.2)


def check(log: Path, database: str) -> int:
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    run = entries[0]["text"].split()[1]
    with psycopg.connect(database) as connection:
        rows = connection.execute(
            "SELECT text, count(*) FROM followup_message WHERE text LIKE %s GROUP BY text",
            [f"drill {run} %"],
        ).fetchall()
    stored: dict[str, int] = dict(rows)
    acknowledged = [e["text"] for e in entries if e["acknowledged"]]
    failed = [e for e in entries if not e["acknowledged"]]
    lost = [text for text in acknowledged if text not in stored]
    doubled = [text for text, n in stored.items() if n > 1]
    window = (min(e["at"] for e in failed), max(e["at"] for e in failed)) if failed else None
    print(
        json.dumps(
            {
                "sent": len(entries),
                "acknowledged": len(acknowledged),
                "failed": len(failed),
                "failed_window_seconds": round(window[1] - window[0], 1) if window else 0,
                "failed_from": window[0] if window else None,
                "failed_until": window[1] if window else None,
                "stored": sum(stored.values()),
                "stored_not_acknowledged": len(set(stored) - set(acknowledged)),
                "acknowledged_lost": len(lost),
                "stored_twice": len(doubled),
            }
        )
    )
    return 1 if lost or doubled else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--check", type=Path)
    parser.add_argument("--database")
    args = parser.parse_args()
    if args.check:
        sys.exit(check(args.check, args.database))
    write(args.url, args.seconds, args.log)


if __name__ == "__main__":
    main()
