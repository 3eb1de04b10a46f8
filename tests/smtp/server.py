"""A real SMTP server for the tests: aiosmtpd, keeping every message it
accepts as a JSON file (headers and decoded bodies) beside the raw message,
so a test reads back exactly what a mail client would show.

Usage: server.py --port PORT --dir DIR [--delay SECONDS]

Prints `ready` once it listens. Recipients whose local part starts with
`refuse` get a permanent refusal (550), `later` a transient one (451),
so tests can make a delivery fail on purpose. `--delay` holds every
accepted message that long before answering, so a test can stop the
sender in the middle of a batch.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import time

from aiosmtpd.controller import Controller


class Keeper:
    def __init__(self, directory, delay):
        self.directory = directory
        self.delay = delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0]
        if local.startswith("refuse"):
            return "550 5.1.1 no such mailbox"
        if local.startswith("later"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        name = f"{time.time_ns()}-{self.count}"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        record = {
            "message_id": message["Message-ID"],
            "from": message["From"],
            "to": message["To"],
            "subject": message["Subject"],
            "date": message["Date"],
            "rcpt_tos": envelope.rcpt_tos,
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "headers": {key: str(value) for key, value in message.items()},
        }
        raw = os.path.join(self.directory, name + ".eml")
        with open(raw, "wb") as f:
            f.write(envelope.content)
        # Written whole, then renamed: a reader never sees half a message.
        partial = os.path.join(self.directory, name + ".part")
        with open(partial, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(partial, os.path.join(self.directory, name + ".json"))
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    controller = Controller(Keeper(args.dir, args.delay), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
