#!/usr/bin/python3
"""The stacks' SMTP server: aiosmtpd on loopback, delivering every message to a maildir the way
aiosmtpd.handlers.Mailbox does (X-Peer, X-MailFrom, X-RcptTo prepended), but storing the bytes
exactly as they were sent instead of re-serialising them.

  /usr/bin/python3 scripts/smtp-server.py [--test-behaviours] PORT MAILDIR

--test-behaviours (the "test" stack only) lets tests provoke a server's answers by recipient:
  tempfail...@any   451 on the first RCPT for that address, 250 after (per address)
  reject...@any     550 every time
Optional, for tests/integration/test_smtp_tls (none of them changes the default behaviour):
  --tls-cert PEM --tls-key PEM   offer STARTTLS with this certificate and require it: every
                                 command but EHLO/HELO/NOOP/QUIT before STARTTLS gets 530
  --auth USER:PASSWORD           require AUTH (PLAIN or LOGIN) with exactly this user and
                                 password before MAIL; with --tls-cert only after STARTTLS
                                 (without it AUTH is offered in the clear: a stand-in for a
                                 server, or an attacker, a client must not trust with a password)
  --log-commands                 print each STARTTLS, AUTH (mechanism only), MAIL, RCPT and DATA
                                 command and whether it came over TLS, and each AUTH's result
Run with Debian's /usr/bin/python3: python3-aiosmtpd belongs to it (DESIGN: Pitfalls)."""
import argparse
import functools
import hmac
import mailbox
import os
import signal
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


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


class LoggingSMTP(SMTP):
    """SMTP that prints the commands a test wants to see (never their arguments but AUTH's
    mechanism, so no password or address reaches the log)."""


def _logged(verb, orig):
    @functools.wraps(orig)	# keeps aiosmtpd's syntax attributes (HELP)
    async def smtp_verb(self, arg):
        mech = " " + arg.split()[0].upper() if verb == "AUTH" and arg and arg.split() else ""
        tls = "yes" if self._tls_protocol else "no"
        print(f"smtp-server: command {verb}{mech} (tls: {tls})", flush=True)
        return await orig(self, arg)
    return smtp_verb


for _verb in ("STARTTLS", "AUTH", "MAIL", "RCPT", "DATA"):
    setattr(LoggingSMTP, "smtp_" + _verb, _logged(_verb, getattr(SMTP, "smtp_" + _verb)))


class OneUserAuthenticator:
    """Accepts exactly one user and password (compared in constant time)."""

    def __init__(self, user, password, log):
        self.user = user.encode()
        self.password = password.encode()
        self.log = log

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and hmac.compare_digest(auth_data.login, self.user)
              and hmac.compare_digest(auth_data.password, self.password))
        if self.log:
            print(f"smtp-server: AUTH {mechanism} {'accepted' if ok else 'refused'}", flush=True)
        # handled=False: aiosmtpd then answers 535 itself (its default, True, answers nothing).
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


class SMTPController(Controller):
    def __init__(self, *a, log_commands=False, **kw):
        self.log_commands = log_commands
        super().__init__(*a, **kw)

    def factory(self):
        cls = LoggingSMTP if self.log_commands else SMTP
        return cls(self.handler, **self.SMTP_kwargs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--test-behaviours", action="store_true")
    ap.add_argument("--tls-cert", metavar="PEM")
    ap.add_argument("--tls-key", metavar="PEM")
    ap.add_argument("--auth", metavar="USER:PASSWORD")
    ap.add_argument("--log-commands", action="store_true")
    ap.add_argument("port", type=int)
    ap.add_argument("maildir")
    args = ap.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key):
        ap.error("--tls-cert and --tls-key go together")
    if args.auth is not None and ":" not in args.auth:
        ap.error("--auth wants USER:PASSWORD")

    kw = {}
    extra = []
    if args.tls_cert:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        kw.update(tls_context=ctx, require_starttls=True)
        extra.append("STARTTLS required")
    if args.auth is not None:
        user, password = args.auth.split(":", 1)
        kw.update(auth_required=True, auth_require_tls=bool(args.tls_cert),
                  authenticator=OneUserAuthenticator(user, password, args.log_commands))
        extra.append("AUTH required" + ("" if args.tls_cert else " (offered in the clear)"))
    if args.test_behaviours:
        extra.append("test behaviours")

    handler = MaildirHandler(args.maildir, args.test_behaviours)
    controller = SMTPController(handler, hostname="127.0.0.1", port=args.port,
                                log_commands=args.log_commands, **kw)
    controller.start()
    print(f"smtp-server: 127.0.0.1:{args.port} -> {args.maildir}"
          f"{' (' + ', '.join(extra) + ')' if extra else ''}", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    # A message reaches new/ (written to tmp/, then renamed) before its 250 goes out, so ending
    # at once loses nothing the server acknowledged; a half-received one is the client's to retry.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    sys.exit(main())
