#!/usr/bin/env python3
"""What one write of a proposal's search terms costs in SQLite, by page-cache size.

Every version Emenda writes also writes its search terms, and FTS5 merges its
newest index segments now and then inside such a write. This copies a filled
database (e.g. one `bench/run` or `emenda-bench fill` made, after one server
start indexed it), then times 400 single-row transactions through the same
trigger the server uses, once per cache size, and prints the latency
distribution of each.

    python3 scripts/search-index-writes.py /path/to/emenda.db [--keep-statistics] [cache_kib ...]

Without sizes it compares SQLite's default (2 MiB) with 4, 16 and 64 MiB.
Like the server, it first removes the planner's statistics of the index's
own tables from the copy (they made every merge scan the whole index,
docs/performance.md); --keep-statistics measures with them, as a database
analysed while its index was small had them before that fix. The copy is
made next to the database and removed afterwards.
"""

import os
import sqlite3
import statistics
import sys
import time
import uuid

WRITES = 400


def forget_index_statistics(path):
    """What the server does on opening a database (connection.rs)."""
    db = sqlite3.connect(path, isolation_level=None)
    for table in ("sqlite_stat1", "sqlite_stat4"):
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone():
            db.execute(f"DELETE FROM {table} WHERE tbl LIKE 'proposal_search_fts%'")
    db.close()


def measure(source, cache_kib, keep_statistics):
    copy = source + ".measure"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(copy + suffix):
            os.remove(copy + suffix)
    # The backup API copies a consistent snapshot, whatever the database's
    # write-ahead log still holds.
    with sqlite3.connect(source) as live, sqlite3.connect(copy) as target:
        live.backup(target)
    try:
        if not keep_statistics:
            # A connection reads the statistics when it opens: this one
            # is opened after they are gone.
            forget_index_statistics(copy)
        db = sqlite3.connect(copy, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = OFF")  # rows not tied to a proposal
        if cache_kib:
            db.execute(f"PRAGMA cache_size = -{cache_kib}")
        title, body = db.execute("SELECT title, body FROM proposal_search ORDER BY id DESC LIMIT 1").fetchone()
        times = []
        for i in range(WRITES):
            start = time.perf_counter()
            db.execute("BEGIN")
            db.execute(
                "INSERT INTO proposal_search (proposal_id, title, body) VALUES (?, ?, ?)",
                (str(uuid.uuid4()), f"{title} {i}", body),
            )
            db.execute("COMMIT")
            times.append((time.perf_counter() - start) * 1000)
        db.close()
    finally:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(copy + suffix):
                os.remove(copy + suffix)
    times.sort()
    label = f"{cache_kib // 1024} MiB" if cache_kib else "default (2 MiB)"
    print(
        f"cache {label:16} p50 {times[WRITES // 2]:6.2f} ms  p99 {times[WRITES * 99 // 100]:6.2f} ms  "
        f"max {times[-1]:6.1f} ms  mean {statistics.mean(times):5.2f} ms",
        flush=True,
    )


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    keep = "--keep-statistics" in sys.argv[2:]
    sizes = [int(s) for s in sys.argv[2:] if s != "--keep-statistics"] or [0, 4096, 16384, 65536]
    for size in sizes:
        measure(sys.argv[1], size, keep)


if __name__ == "__main__":
    main()
