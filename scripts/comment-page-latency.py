#!/usr/bin/env python3
"""Measures the first page of a comment thread with 10 and with 10,000
comments, in every order, on a release `emenda`.

Starts the server on a fresh database (SQLite in a temporary folder, or,
with --postgres ADMIN_URL, a new PostgreSQL database created and dropped
through psql), posts 10 root comments on one proposal and 10,000 on
another over HTTP (with votes and replies spread so the orders differ),
then times `GET /api/v1/proposals/{id}/comments?order=…` (median and max
of 30 calls after one warm-up) for both. A thread served from its index
answers its first page in about the same time at either size.

Usage:
  cargo build --release --bin emenda
  python3 scripts/comment-page-latency.py                      # SQLite
  python3 scripts/comment-page-latency.py --postgres postgres://postgres@127.0.0.1:5432/postgres
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
import uuid

TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(os.path.dirname(__file__), "..", "target"))
BINARY = os.path.join(TARGET, "release", "emenda")
PASSWORD = "una-password-lunga"
ORDERS = ["oldest", "newest", "best", "most_discussed"]


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
            payload, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        payload, status = error.read(), error.code
    return status, payload, (time.perf_counter() - started) * 1000


def user(base, nickname):
    email = f"{nickname}@example.it"
    call(base, "POST", "/api/v1/auth/register", body={"email": email, "password": PASSWORD, "nickname": nickname, "display_name": nickname, "privacy_version": 1})
    return json.loads(call(base, "POST", "/api/v1/auth/login", body={"email": email, "password": PASSWORD})[1])["access_token"]


def fill(base, proposal, author, voters, count):
    """Posts `count` roots; every 7th gets a reply, every 5th votes."""
    def one(i):
        status, body, _ = call(base, "POST", f"/api/v1/proposals/{proposal}/comments", author, {"body": f"Commento {i}"})
        assert status == 201, body[:200]
        cid = json.loads(body)["id"]
        if i % 7 == 0:
            call(base, "POST", f"/api/v1/proposals/{proposal}/comments", voters[0], {"body": "Risposta", "parent_id": cid})
        if i % 5 == 0:
            for n, voter in enumerate(voters[: 1 + i % 3]):
                call(base, "PUT", f"/api/v1/comments/{cid}/vote", voter, {"value": 1 if (i + n) % 4 else -1})
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(one, range(count)))


def measure(base, proposal):
    row = {}
    for order in ORDERS:
        path = f"/api/v1/proposals/{proposal}/comments?order={order}"
        status, payload, _ = call(base, "GET", path)
        assert status == 200, payload[:200]
        times = [call(base, "GET", path)[2] for _ in range(30)]
        row[order] = (statistics.median(times), max(times))
    return row


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server (a database is created and dropped)")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="emenda-comments-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, EMENDA_DATA_DIR=data, EMENDA_BIND=f"127.0.0.1:{port}", EMENDA_JWT_SECRET="x" * 40,
               EMENDA_RATE_LIMIT_WRITES="1000000", EMENDA_RATE_LIMIT_AUTH="100000",
               EMENDA_RATE_LIMIT_EXPENSIVE_READS="100000", RUST_LOG="warn")
    database = None
    if args.postgres:
        database = "emenda_latency_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {database}"], check=True)
        env["EMENDA_DATABASE_URL"] = args.postgres.rsplit("/", 1)[0] + "/" + database
    subprocess.run([BINARY, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([BINARY, "admin", "create", "--email", "admin@example.it", "--password", PASSWORD],
                   env=env, check=True, capture_output=True)
    server = subprocess.Popen([BINARY, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if call(base, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        admin = json.loads(call(base, "POST", "/api/v1/auth/login", body={"email": "admin@example.it", "password": PASSWORD})[1])["access_token"]
        call(base, "POST", "/api/v1/spaces", admin, {"slug": "prova", "title": "Spazio di prova", "description": "Prova", "settings": {}})
        author = user(base, "autrice")
        voters = [user(base, f"votante{i}") for i in range(3)]
        proposals = {}
        for size in (10, 10_000):
            status, body, _ = call(base, "POST", "/api/v1/spaces/prova/proposals", author,
                                   {"title": f"Proposta con {size} commenti", "body": "Un testo abbastanza lungo per essere valido."})
            assert status == 201, body[:200]
            proposals[size] = json.loads(body)["id"]
            started = time.perf_counter()
            fill(base, proposals[size], author, voters, size)
            print(f"filled {size} comments in {time.perf_counter() - started:.0f} s")
        if database:
            subprocess.run(["psql", env["EMENDA_DATABASE_URL"], "-qc", "ANALYZE"], check=True)
        backend = "PostgreSQL" if database else "SQLite"
        print(f"\n{backend}: first page (20 roots), median / max of 30 calls, ms\n")
        print("| order | 10 comments | 10,000 comments |\n|---|---|---|")
        rows = {size: measure(base, proposal) for size, proposal in proposals.items()}
        for order in ORDERS:
            small, large = rows[10][order], rows[10_000][order]
            print(f"| {order} | {small[0]:.2f} / {small[1]:.2f} | {large[0]:.2f} / {large[1]:.2f} |")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(data, ignore_errors=True)
        if database:
            subprocess.run(["psql", args.postgres, "-qc", f"DROP DATABASE {database}"], check=False)


if __name__ == "__main__":
    main()
