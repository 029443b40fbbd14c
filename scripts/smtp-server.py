#!/usr/bin/python3
"""The stacks' SMTP server: aiosmtpd on loopback, delivering every message to a maildir the way
aiosmtpd.handlers.Mailbox does (X-Peer, X-MailFrom, X-RcptTo prepended), but storing the bytes
exactly as they were sent instead of re-serialising them.

  /usr/bin/python3 scripts/smtp-server.py [--test-behaviours] PORT MAILDIR

--test-behaviours (the "test" stack only) lets tests provoke a server's answers by recipient:
  tempfail...@any   451 on the first RCPT for that address, 250 after (per address)
  reject...@any     550 every time
Run with Debian's /usr/bin/python3: python3-aiosmtpd belongs to it (DESIGN: Pitfalls)."""
import argparse
import mailbox
import os
import signal
import sys

from aiosmtpd.controller import Controller


class MaildirHandler:
    def __init__(self, path, behaviours):
        self.maildir = mailbox.Maildir(path, create=True)
        self.behaviours = behaviours
        self.tempfailed = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if self.behaviours:
            if local.startswith("tempfail") and address.lower() not in self.tempfailed:
                self.tempfailed.add(address.lower())
                return "451 4.3.0 Mailbox busy, try again later (test behaviour)"
            if local.startswith("reject"):
                return "550 5.1.1 No such mailbox here (test behaviour)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        head = "X-Peer: {}\r\nX-MailFrom: {}\r\nX-RcptTo: {}\r\n".format(
            session.peer[0] if session.peer else "", envelope.mail_from,
            ", ".join(envelope.rcpt_tos))
        key = self.maildir.add(head.encode() + content)
        return "250 2.0.0 OK queued as " + key


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--test-behaviours", action="store_true")
    ap.add_argument("port", type=int)
    ap.add_argument("maildir")
    args = ap.parse_args()

    handler = MaildirHandler(args.maildir, args.test_behaviours)
    controller = Controller(handler, hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"smtp-server: 127.0.0.1:{args.port} -> {args.maildir}"
          f"{' (test behaviours)' if args.test_behaviours else ''}", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    # A message reaches new/ (written to tmp/, then renamed) before its 250 goes out, so ending
    # at once loses nothing the server acknowledged; a half-received one is the client's to retry.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    sys.exit(main())
