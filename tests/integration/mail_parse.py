#!/usr/bin/python3
"""Reads one delivered mail (a maildir file) with Python's email package, a decoder that is not
ours, and prints what tests/integration/test_mail checks, one `key=value` per line (values with
backslash, CR and LF escaped as \\\\, \\r, \\n). Run with Debian's /usr/bin/python3."""
import email
import email.utils
import sys
from email import policy


def out(key, value):
    v = str(value).replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
    print(f"{key}={v}")


def structure(part):
    if part.is_multipart():
        return part.get_content_type() + "(" + ",".join(structure(p) for p in part.iter_parts()) + ")"
    return part.get_content_type()


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    msg = email.message_from_bytes(data, policy=policy.default)
    raw = email.message_from_bytes(data)  # compat32: header values as they were sent

    # Every line of the message, header or body (RFC 5322 2.1.1: 78 should, 998 must). Not
    # curl's own multipart Content-Type: its 40-character boundary makes that line 80.
    lines = data.replace(b"\r\n", b"\n").split(b"\n")
    out("max_line", max(len(line) for line in lines))
    out("max_line_ours", max(len(line) for line in lines
                             if not line.startswith(b"Content-Type: multipart/")))
    head = data.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    out("header_8bit", int(any(b > 0x7E for b in head)))
    frm = msg["From"].addresses[0]
    out("from_name", frm.display_name)
    out("from_addr", frm.addr_spec)
    to = msg["To"].addresses[0]
    out("to_name", to.display_name)
    out("to_addr", to.addr_spec)
    out("subject", msg["Subject"])
    out("subject_raw", raw["Subject"])
    out("date", msg["Date"])
    out("date_epoch", int(email.utils.parsedate_to_datetime(msg["Date"]).timestamp()))
    out("message_id", msg["Message-ID"].strip())
    out("mime_version", msg["MIME-Version"])
    out("auto_submitted", msg["Auto-Submitted"])
    out("content_type_count", len(raw.get_all("Content-Type") or []))
    out("structure", structure(msg))
    text = msg.get_body(preferencelist=("plain",))
    html = msg.get_body(preferencelist=("html",))
    # As a reader sees it: the wire's CRLF line ends are LF once decoded.
    out("text", text.get_content().replace("\r\n", "\n") if text else "")
    out("text_cte", text["Content-Transfer-Encoding"] if text else "")
    out("html", html.get_content().replace("\r\n", "\n") if html else "")
    for part in msg.iter_attachments():
        content = part.get_content()
        if isinstance(content, str):
            content = content.encode()
        out("attachment", f"{part.get_filename()}|{part.get_content_type()}|"
            f"{part['Content-Transfer-Encoding']}|{content.hex()}")
    defects = [str(d) for p in msg.walk() for d in p.defects]
    out("defects", ";".join(defects))


if __name__ == "__main__":
    main(sys.argv[1])
