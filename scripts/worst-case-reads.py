#!/usr/bin/env python3
"""Measures the worst case of the reads whose cost grows with the texts.

Starts a release `emenda` on a fresh SQLite database, publishes a proposal
whose two versions are unrelated 20,000-character texts built from a small
shared vocabulary (the hardest input for a diff: many equal tokens, no long
common runs), and an amendment of version 1 that conflicts with version 2.
Then times each expensive read (first call, and the median of the next 20)
and reports the response sizes.

Usage: cargo build --release --bin emenda && python3 scripts/worst-case-reads.py
"""

import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request

BINARY = os.path.join(os.path.dirname(__file__), "..", "target", "release", "emenda")
WORDS = "il la di che per una con del comune proposta piazza verde scuola strada quartiere parco bici".split()


def text(seed: int, length: int = 19_900) -> str:
    rng = random.Random(seed)
    out, size = [], 0
    while size < length:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
        if rng.random() < 0.02:
            out.append("\n\n")
    return " ".join(out)[:length]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(base, method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request) as response:
            payload = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        payload, status = error.read(), error.code
    return status, payload, (time.perf_counter() - started) * 1000


def main():
    data = tempfile.mkdtemp(prefix="emenda-worst-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, EMENDA_DATA_DIR=data, EMENDA_BIND=f"127.0.0.1:{port}",
               EMENDA_JWT_SECRET="x" * 40, EMENDA_RATE_LIMIT_EXPENSIVE_READS="100000",
               EMENDA_RATE_LIMIT_WRITES="100000", RUST_LOG="warn")
    subprocess.run([BINARY, "admin", "create", "--email", "admin@example.it", "--password", "una-password-lunga"],
                   env=env, check=True, capture_output=True)
    server = subprocess.Popen([BINARY, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if call(base, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        _, body, _ = call(base, "POST", "/api/v1/auth/login", body={"email": "admin@example.it", "password": "una-password-lunga"})
        admin = json.loads(body)["access_token"]
        call(base, "POST", "/api/v1/spaces", admin, {"slug": "prova", "title": "Spazio di prova", "description": "Prova", "settings": {}})
        call(base, "POST", "/api/v1/auth/register", body={"email": "a@example.it", "password": "una-password-lunga", "nickname": "autrice", "display_name": "Autrice", "privacy_version": 1})
        call(base, "POST", "/api/v1/auth/register", body={"email": "b@example.it", "password": "una-password-lunga", "nickname": "emendatore", "display_name": "Emendatore", "privacy_version": 1})
        author = json.loads(call(base, "POST", "/api/v1/auth/login", body={"email": "a@example.it", "password": "una-password-lunga"})[1])["access_token"]
        amender = json.loads(call(base, "POST", "/api/v1/auth/login", body={"email": "b@example.it", "password": "una-password-lunga"})[1])["access_token"]
        status, body, _ = call(base, "POST", "/api/v1/spaces/prova/proposals", author, {"title": "Una proposta molto lunga", "body": text(1)})
        proposal = json.loads(body)["id"]
        status, body, _ = call(base, "POST", f"/api/v1/proposals/{proposal}/amendments", amender,
                               {"title": "Una proposta molto lunga", "body": text(3), "rationale": "Cambia tutto il testo.", "base_version": 1})
        amendment = json.loads(body)["id"]
        status, _, _ = call(base, "POST", f"/api/v1/proposals/{proposal}/versions", author, {"title": "Una proposta molto lunga", "body": text(2), "base_version": 1})
        assert status == 201, status
        reads = {
            "GET amendment (conflict, 20 KB texts)": f"/api/v1/amendments/{amendment}",
            "GET diff 1..2, words": f"/api/v1/proposals/{proposal}/diff?from=1&to=2&granularity=word",
            "GET diff 1..2, lines": f"/api/v1/proposals/{proposal}/diff?from=1&to=2&granularity=line",
            "GET history/verify": f"/api/v1/proposals/{proposal}/history/verify",
            "GET proposal": f"/api/v1/proposals/{proposal}",
        }
        print(f"| read | first (ms) | median of 20 (ms) | max of 20 (ms) | size (KB) |\n|---|---|---|---|---|")
        for name, path in reads.items():
            status, payload, first = call(base, "GET", path)
            assert status == 200, (path, status, payload[:200])
            times = [call(base, "GET", path)[2] for _ in range(20)]
            print(f"| {name} | {first:.1f} | {statistics.median(times):.1f} | {max(times):.1f} | {len(payload) / 1024:.0f} |")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
