"""`sos-lint serve`: the HTTP API and the local page, on a real server with the real model."""

from __future__ import annotations

import http.client
import io
import json
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_FLAGS, needs_chromium
from click.testing import CliRunner

from sos_lint.cli import main
from sos_lint.config import Config
from sos_lint.models import SECTION_TYPES
from sos_lint.server import (
    SosLintServer,
    _hash,
    exposure_warning,
    load_page,
    make_server,
    parse_multipart,
)

STATEMENT = "Mum is LAC and presenting as chaotic when Tyler is crying."
# Curly quotes and "ë" are one UTF-16 unit each; the emoji (and the skin-tone modifier) are two:
# findings after them sit at different offsets in Python and in JavaScript.
NON_ASCII = "Zoë’s mum 😀 is LAC and chaotic 🧒🏽, and “Dad was presenting as cross”."


@dataclass
class Running:
    server: SosLintServer
    log: io.StringIO
    thread: threading.Thread

    @property
    def port(self) -> int:
        return self.server.port

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start(config: Config | None = None, max_bytes: int = 2 * 1024 * 1024) -> Running:
    log = io.StringIO()
    server = make_server(config, "127.0.0.1", 0, max_bytes, log=log)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.daemon = True
    thread.start()
    return Running(server, log, thread)


def stop(running: Running) -> None:
    running.server.shutdown()
    running.server.server_close()
    running.thread.join(timeout=10)


@pytest.fixture(scope="module")
def srv() -> Iterator[Running]:
    running = start()
    yield running
    stop(running)


@pytest.fixture(scope="module")
def small() -> Iterator[Running]:
    """A server with tight limits: 4,000 bytes a request, 300 characters of text."""
    running = start(Config(max_chars=300), max_bytes=4000)
    yield running
    stop(running)


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    @property
    def error(self) -> str:
        data = self.json()
        assert set(data) == {"error"}, data
        message = data["error"]
        assert isinstance(message, str) and message and "\n" not in message
        assert "Traceback" not in message
        return message


def call(
    running: Running,
    method: str,
    path: str,
    body: bytes | str | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=120)
    try:
        data = body.encode("utf-8") if isinstance(body, str) else body
        conn.request(method, path, body=data, headers=headers or {})
        response = conn.getresponse()
        return Reply(response.status, response.msg, response.read())
    finally:
        conn.close()


def post_json(running: Running, payload: Any, path: str = "/api/v1/lint", **kw: Any) -> Reply:
    return call(
        running,
        "POST",
        path,
        json.dumps(payload, ensure_ascii=False),
        {"Content-Type": "application/json", **kw.get("headers", {})},
    )


def multipart(fields: dict[str, tuple[str | None, bytes]]) -> tuple[bytes, str]:
    boundary = "----sosLintTest" + uuid.uuid4().hex
    out = io.BytesIO()
    for name, (filename, data) in fields.items():
        out.write(f"--{boundary}\r\n".encode())
        disposition = f'form-data; name="{name}"'
        if filename is not None:
            disposition += f'; filename="{filename}"'
        out.write(f"Content-Disposition: {disposition}\r\n".encode())
        if filename is not None:
            out.write(b"Content-Type: application/octet-stream\r\n")
        out.write(b"\r\n" + data + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def cli_json(*args: str, input: bytes | None = None) -> dict[str, Any]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def same_except_path(api: dict[str, Any], cli: dict[str, Any]) -> None:
    assert [f["path"] for f in api["files"]] != [] and len(api["files"]) == 1
    api = json.loads(json.dumps(api))
    api["files"][0]["path"] = cli["files"][0]["path"]
    assert api == cli


# -- the API ----------------------------------------------------------------------------------
def test_lint_answers_with_the_cli_json(srv: Running) -> None:
    text = (
        "# Harm\n\nKai is LAC. It appears that Kai was hit.\n\n# Safety goal\n\nMum will engage.\n"
    )
    reply = post_json(srv, {"text": text})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json; charset=utf-8"
    api = reply.json()
    cli = cli_json("check", "-", "--format", "json", input=text.encode("utf-8"))
    same_except_path(api, cli)
    entry = api["files"][0]
    assert entry["path"] == "<text>"
    assert {"LAC", "It appears", "was hit"} <= {f["text"] for f in entry["findings"]}
    for finding in entry["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["text"]


def test_offsets_are_code_points_into_the_submitted_text(srv: Running) -> None:
    entry = post_json(srv, {"text": NON_ASCII, "section": "harm"}).json()["files"][0]
    found = {f["text"]: (f["start"], f["end"]) for f in entry["findings"]}
    assert found["LAC"] == (NON_ASCII.index("LAC"), NON_ASCII.index("LAC") + 3)
    # In UTF-16 (JavaScript) "LAC" starts one unit later: the emoji before it is a pair.
    assert (
        NON_ASCII.encode("utf-16-le").index("LAC".encode("utf-16-le")) // 2 == found["LAC"][0] + 1
    )
    cli = cli_json(
        "check", "-", "--format", "json", "--section", "harm", input=NON_ASCII.encode("utf-8")
    )
    same_except_path(post_json(srv, {"text": NON_ASCII, "section": "harm"}).json(), cli)


def test_section_types_the_text(srv: Running) -> None:
    text = "Mum might hit Kai when she drinks."
    as_goal = post_json(srv, {"text": text, "section": "safety_goal"}).json()["files"][0]
    as_danger = post_json(srv, {"text": text, "section": "danger_statement"}).json()["files"][0]
    plain = post_json(srv, {"text": text}).json()["files"][0]
    assert as_goal["sections"][0]["type"] == "safety_goal"
    assert as_danger["sections"][0]["type"] == "danger_statement"
    assert plain["sections"][0]["type"] == "general"
    assert {f["section"] for f in as_goal["findings"]} <= {"safety_goal"}
    codes = {
        name: {f["code"] for f in entry["findings"]}
        for name, entry in (("goal", as_goal), ("danger", as_danger), ("plain", plain))
    }
    assert codes["goal"] != codes["danger"]
    assert any(c.startswith("SOS7") for c in codes["danger"])
    assert not any(c.startswith("SOS7") for c in codes["plain"])


def test_select_ignore_and_config(srv: Running) -> None:
    text = "Kai is LAC. It appears that Kai was hit."
    only = post_json(srv, {"text": text, "select": ["jargon"]}).json()["files"][0]
    assert {f["category"] for f in only["findings"]} == {"jargon"}
    skipped = post_json(srv, {"text": text, "ignore": "SOS101,hedging"}).json()["files"][0]
    codes = {f["code"] for f in skipped["findings"]}
    assert "SOS101" not in codes and not any(c.startswith("SOS4") for c in codes)
    accepted = post_json(srv, {"text": text, "config": {"accept": ["LAC"]}}).json()["files"][0]
    assert "LAC" not in {f["text"] for f in accepted["findings"]}
    levels = post_json(srv, {"text": text, "config": {"severity": {"jargon": "error"}}}).json()
    assert {f["severity"] for f in levels["files"][0]["findings"] if f["category"] == "jargon"} == {
        "error"
    }
    # The server's own config is untouched by a request's.
    again = post_json(srv, {"text": text}).json()["files"][0]
    assert "LAC" in {f["text"] for f in again["findings"]}


BAD_REQUESTS: list[tuple[str, bytes, str]] = [
    ("not JSON", b"{text: 'Kai'}", "not valid JSON"),
    ("not UTF-8", '{"text": "Zoë"}'.encode("latin-1"), "not UTF-8"),
    ("not an object", b'["Kai is LAC."]', "JSON object"),
    ("no text", b'{"section": "harm"}', "`text` must be a string"),
    ("text not a string", b'{"text": 42}', "`text` must be a string"),
    ("empty text", b'{"text": ""}', "empty"),
    ("blank text", b'{"text": "  \\n\\t "}', "empty"),
    ("lone surrogate", b'{"text": "Kai \\ud83d is LAC."}', "not valid Unicode"),
    ("unknown section", b'{"text": "Kai is LAC.", "section": "danger"}', "unknown section type"),
    ("section not a string", b'{"text": "Kai is LAC.", "section": 3}', "unknown section type"),
    ("unknown field", b'{"text": "Kai is LAC.", "sections": "harm"}', "unknown field `sections`"),
    ("bad select", b'{"text": "Kai is LAC.", "select": 5}', "`select` must be"),
    ("unknown selector", b'{"text": "Kai is LAC.", "select": ["SOS999x"]}', "SOS999x"),
    ("unknown config key", b'{"text": "Kai is LAC.", "config": {"colour": 1}}', "colour"),
    ("config not a table", b'{"text": "Kai is LAC.", "config": []}', "`config` must be"),
    (
        "server-only config",
        b'{"text": "Kai is LAC.", "config": {"languagetool-url": "http://example.org"}}',
        "cannot be set per request",
    ),
]


@pytest.mark.parametrize(
    ("case", "body", "expected"), BAD_REQUESTS, ids=[c[0] for c in BAD_REQUESTS]
)
def test_bad_requests_are_400_with_one_line(
    srv: Running, case: str, body: bytes, expected: str
) -> None:
    reply = call(srv, "POST", "/api/v1/lint", body, {"Content-Type": "application/json"})
    assert reply.status == 400, reply.body
    assert expected in reply.error, reply.error


def test_not_found_and_wrong_method(srv: Running) -> None:
    reply = call(srv, "GET", "/api/v1/nothing")
    assert reply.status == 404 and reply.error == "no such page"
    reply = call(srv, "GET", "/api/v1/lint")
    assert reply.status == 405 and reply.headers["Allow"] == "POST"
    assert "GET is not allowed" in reply.error
    reply = call(srv, "DELETE", "/")
    assert reply.status == 405 and reply.headers["Allow"] == "GET, HEAD"
    reply = call(srv, "PUT", "/api/v1/lint", b"{}")
    assert reply.status == 405
    reply = call(srv, "HEAD", "/healthz")
    assert reply.status == 200 and reply.body == b""
    reply = call(srv, "POST", "/healthz", b"")
    assert reply.status == 405 and reply.error


def test_connections_are_reused_only_when_safe(srv: Running) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
    try:
        conn.request("POST", "/api/v1/lint", b"{not json", {"Content-Type": "application/json"})
        first = conn.getresponse()
        assert first.status == 400 and first.getheader("Connection") is None
        first.read()
        conn.request("POST", "/api/v1/lint", json.dumps({"text": "Kai is LAC."}))
        second = conn.getresponse()
        assert second.status == 200 and json.loads(second.read())["files"][0]["findings"]
        conn.request("PUT", "/api/v1/lint", b'{"text": "Kai is LAC."}')
        third = conn.getresponse()  # refused before its body was read: the socket is closed
        assert third.status == 405 and third.getheader("Connection") == "close"
        third.read()
    finally:
        conn.close()


def test_missing_length_is_411(srv: Running) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=30)
    conn.putrequest("POST", "/api/v1/lint")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    conn.send(b"5\r\nhello\r\n0\r\n\r\n")
    response = conn.getresponse()
    assert response.status == 411
    assert "Content-Length" in json.loads(response.read())["error"]
    conn.close()


def test_size_limits(small: Running) -> None:
    body = json.dumps({"text": "Kai is LAC. " * 400})  # ~4,800 bytes, over the 4,000 limit
    reply = call(small, "POST", "/api/v1/lint", body, {"Content-Type": "application/json"})
    assert reply.status == 413
    assert "too large" in reply.error and "4,000" in reply.error
    # A client that claims a huge body gets its answer at once, without sending it.
    conn = http.client.HTTPConnection("127.0.0.1", small.port, timeout=30)
    conn.putrequest("POST", "/api/v1/lint")
    conn.putheader("Content-Length", str(10**12))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413 and response.getheader("Connection") == "close"
    conn.close()
    # Under the byte limit but over the config's max-chars: also too large.
    reply = post_json(small, {"text": "Kai is LAC. " * 30})
    assert reply.status == 413 and "300" in reply.error
    data, ctype = multipart({"file": ("long.txt", b"Kai is LAC. " * 30)})
    reply = call(small, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype})
    assert reply.status == 413 and "characters" in reply.error
    reply = post_json(small, {"text": "Kai is LAC."})
    assert reply.status == 200


# -- guards -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "127.0.0.1:1",
        "localhost.evil.example:{port}",
        "",
        "[::1",
    ],
)
def test_other_host_headers_are_refused(srv: Running, host: str) -> None:
    host = host.format(port=srv.port)
    for method, path, body in (("GET", "/", None), ("GET", "/healthz", None)):
        reply = call(srv, method, path, body, {"Host": host})
        assert reply.status == 400, host
        assert "Host" in reply.error
    reply = post_json(srv, {"text": "Kai is LAC."}, headers={"Host": host})
    assert reply.status == 400


def test_own_host_names_are_accepted(srv: Running) -> None:
    for host in (f"127.0.0.1:{srv.port}", f"localhost:{srv.port}", f"LOCALHOST:{srv.port}"):
        assert call(srv, "GET", "/healthz", headers={"Host": host}).status == 200


def test_cross_origin_posts_are_refused(srv: Running) -> None:
    for origin in (
        "http://evil.example",
        f"http://localhost:{srv.port + 1}",
        "null",
        "https://127.0.0.1",
    ):
        reply = post_json(srv, {"text": "Kai is LAC."}, headers={"Origin": origin})
        assert reply.status == 403, origin
        assert "other websites" in reply.error
    reply = post_json(srv, {"text": "Kai is LAC."}, headers={"Sec-Fetch-Site": "cross-site"})
    assert reply.status == 403
    data, ctype = multipart({"file": ("a.txt", b"Kai is LAC.")})
    reply = call(
        srv,
        "POST",
        "/api/v1/lint-file",
        data,
        {"Content-Type": ctype, "Origin": "http://evil.example"},
    )
    assert reply.status == 403
    for origin in (srv.origin, f"http://localhost:{srv.port}"):
        assert post_json(srv, {"text": "Kai is LAC."}, headers={"Origin": origin}).status == 200


def test_security_headers(srv: Running) -> None:
    page = call(srv, "GET", "/")
    assert page.status == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    api = post_json(srv, {"text": "Kai is LAC."})
    error = call(srv, "GET", "/nothing")
    for reply in (page, api, error):
        assert reply.headers["Cache-Control"] == "no-store"
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
        assert reply.headers["Referrer-Policy"] == "no-referrer"
        assert "default-src 'none'" in reply.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]
        assert "Access-Control-Allow-Origin" not in reply.headers
    csp = page.headers["Content-Security-Policy"]
    html = page.body.decode("utf-8")
    (script,) = re.findall(r"<script>(.*?)</script>", html, re.S)
    (style,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert f"script-src {_hash(script)};" in csp and f"style-src {_hash(style)};" in csp
    assert "connect-src 'self'" in csp and "unsafe-inline" not in csp
    assert "form-action 'none'" in csp


def test_page_is_self_contained(srv: Running) -> None:
    html = call(srv, "GET", "/").body.decode("utf-8")
    assert html == load_page().html.decode("utf-8")
    assert not re.search(r"""(src|href|action)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html and "<script src" not in html
    assert "localStorage" not in html and "sessionStorage" not in html
    assert "indexedDB" not in html and "document.cookie" not in html
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", html)
    options = re.findall(r'<option value="([a-z_]+)">', html)
    assert tuple(options) == SECTION_TYPES
    for label in ('<label for="text">', '<label for="file">', '<label for="section">'):
        assert label in html
    assert 'lang="en-GB"' in html


# -- the access log ---------------------------------------------------------------------------
def test_access_log_holds_no_case_text(small: Running) -> None:
    secret = "Quorblet" + uuid.uuid4().hex[:8]
    start_len = len(small.log.getvalue())
    post_json(small, {"text": f"{secret} is LAC and presenting as chaotic."})
    post_json(small, {"text": f"{secret} again", "section": "no-such-" + secret})
    call(
        small, "POST", "/api/v1/lint", f'{{"text": "{secret}"', {"Content-Type": "application/json"}
    )
    data, ctype = multipart({"file": (f"{secret}-family.md", f"{secret} is LAC.".encode())})
    call(small, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype})
    call(
        small,
        "POST",
        f"/api/v1/lint-file?filename={secret}.txt&section=harm",
        f"{secret} is LAC.",
    )
    call(small, "GET", f"/?text={secret}")
    call(small, "GET", f"/{secret}/is/LAC")
    call(small, "GET", f"/api/v1/rules/{secret}")
    call(small, "POST", "/api/v1/lint", "x" * 5000)  # too large
    call(small, "GET", "/healthz", headers={"Host": f"{secret}.example"})
    post_json(small, {"text": secret}, headers={"Origin": f"http://{secret}.example"})
    # A malformed request line, with text in it, answered by the standard library's parser.
    with socketlike(small) as sock:
        sock.sendall(f"GET /{secret} HTTP/1.1 extra\r\n\r\n".encode())
        sock.recv(4096)
    time.sleep(0.2)
    log = small.log.getvalue()[start_len:]
    assert secret.lower() not in log.lower()
    assert "LAC" not in log and "chaotic" not in log and "?" not in log
    lines = log.splitlines()
    assert len(lines) >= 12
    pattern = re.compile(r"^(GET|POST|-) (/[\w/.-]*|/api/v1/rules/\(unknown\)|-) \d{3} \d+ms$")
    for line in lines:
        assert pattern.match(line), line
    assert "POST /api/v1/lint 200" in log and "POST /api/v1/lint-file 200" in log
    assert "GET - 404" in log and "GET /api/v1/rules/(unknown) 404" in log


class socketlike:
    def __init__(self, running: Running) -> None:
        import socket

        self.sock = socket.create_connection(("127.0.0.1", running.port), timeout=10)

    def __enter__(self) -> Any:
        return self.sock

    def __exit__(self, *exc: object) -> None:
        self.sock.close()


def test_internal_errors_hide_the_traceback(srv: Running, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "Zyxwvut" + uuid.uuid4().hex[:6]

    def broken(body: Any) -> Any:
        raise KeyError(body["text"])

    monkeypatch.setattr(srv.server.service, "lint_json", broken)
    start_len = len(srv.log.getvalue())
    reply = post_json(srv, {"text": secret})
    assert reply.status == 500
    assert "internal error" in reply.error and secret not in reply.error
    log = srv.log.getvalue()[start_len:]
    assert "internal error: KeyError at" in log and secret not in log
    monkeypatch.undo()
    assert post_json(srv, {"text": "Kai is LAC."}).status == 200


# -- rules and health -------------------------------------------------------------------------
def test_rules_endpoints(srv: Running) -> None:
    reply = call(srv, "GET", "/api/v1/rules")
    assert reply.status == 200
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert reply.json() == json.loads(result.stdout)
    rule = call(srv, "GET", "/api/v1/rules/SOS101").json()
    assert rule["code"] == "SOS101" and rule["category"] == "jargon"
    assert rule["explanation"] and rule["message"]
    assert rule["examples"]["flag"] and rule["examples"]["pass"]
    assert any("LAC" in t["variants"] for t in rule["terms"])
    assert call(srv, "GET", "/api/v1/rules/sos101").json()["code"] == "SOS101"
    by_name = call(srv, "GET", f"/api/v1/rules/{rule['name']}").json()
    assert by_name["code"] == "SOS101"
    missing = call(srv, "GET", "/api/v1/rules/SOS999")
    assert missing.status == 404 and "SOS999" in missing.error


def test_healthz(srv: Running) -> None:
    health = call(srv, "GET", "/healthz").json()
    from sos_lint import __version__

    assert health["status"] == "ok" and health["model_loaded"] is True
    assert health["version"] == __version__
    assert health["model"].startswith("en_core_web_sm")
    assert health["rules"] > 40 and health["max_bytes"] == 2 * 1024 * 1024


# -- files --------------------------------------------------------------------------------------
def test_docx_upload_matches_the_cli(srv: Running, examples: Path) -> None:
    path = examples / "brown-family-map.docx"
    cli = cli_json("check", "--format", "json", str(path))
    data, ctype = multipart({"file": ("brown-family-map.docx", path.read_bytes())})
    reply = call(srv, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype})
    assert reply.status == 200, reply.body[:300]
    api = reply.json()
    assert api["files"][0]["path"] == "brown-family-map.docx"
    same_except_path(api, cli)
    raw = call(
        srv,
        "POST",
        "/api/v1/lint-file?filename=brown-family-map.docx",
        path.read_bytes(),
        {"Content-Type": "application/octet-stream"},
    )
    same_except_path(raw.json(), cli)
    header = call(
        srv, "POST", "/api/v1/lint-file", path.read_bytes(), {"X-Filename": "C:\\maps\\brown.docx"}
    )
    assert header.json()["files"][0]["path"] == "brown.docx"


def test_text_uploads_and_sections(srv: Running, examples: Path) -> None:
    path = examples / "okafor-family-map.md"
    cli = cli_json("check", "--format", "json", str(path))
    data, ctype = multipart({"file": ("okafor-family-map.md", path.read_bytes())})
    same_except_path(
        call(srv, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype}).json(), cli
    )
    data, ctype = multipart(
        {
            "file": ("note.txt", "Mum might hit Zoë.".encode()),
            "section": (None, b"danger_statement"),
        }
    )
    entry = call(srv, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype}).json()["files"][0]
    assert entry["sections"][0]["type"] == "danger_statement"
    windows = call(
        srv, "POST", "/api/v1/lint-file?filename=old.txt", "Zoë is LAC.".encode("cp1252")
    ).json()["files"][0]
    assert "Windows-1252" in windows["notices"][0]


@pytest.mark.parametrize(
    ("fields", "query", "expected"),
    [
        ({"file": ("scan.pdf", b"%PDF-1.4")}, "", "only Word"),
        ({"file": ("broken.docx", b"PK\x03\x04 not really a zip")}, "", "not a valid Word"),
        ({"file": ("empty.txt", b"")}, "", "empty"),
        ({"file": ("blank.md", b"  \n ")}, "", "empty"),
        ({"file": ("bin.txt", b"\x00\x01\x02" * 10)}, "", "binary"),
        ({"text": (None, b"Kai is LAC.")}, "", "no `file` field"),
        ({"file": ("a.txt", b"Kai is LAC."), "section": (None, b"nope")}, "", "unknown section"),
        ({"file": ("a.txt", b"Kai is LAC."), "colour": (None, b"red")}, "", "unknown form field"),
        (None, "", "give the file's name"),
        (None, "?filename=notes.rtf", "only Word"),
        (None, "?filename=a.txt&section=nope", "unknown section"),
    ],
)
def test_bad_uploads_are_400(
    srv: Running, fields: dict[str, tuple[str | None, bytes]] | None, query: str, expected: str
) -> None:
    if fields is None:
        reply = call(srv, "POST", "/api/v1/lint-file" + query, b"Kai is LAC.")
    else:
        data, ctype = multipart(fields)
        reply = call(srv, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype})
    assert reply.status == 400, reply.body[:200]
    assert expected in reply.error


def test_multipart_keeps_binary_bytes_exactly() -> None:
    payload = bytes(range(256)) * 4 + b"\r\n--not-the-boundary\r\n" + b"\r\n\r\n"
    data, ctype = multipart({"file": ("x.bin", payload), "section": (None, b"harm")})
    parts = parse_multipart(data, ctype)
    assert parts["file"].data == payload and parts["file"].filename == "x.bin"
    assert parts["section"].data == b"harm" and parts["section"].filename is None


# -- concurrency ------------------------------------------------------------------------------
def test_concurrent_requests_give_identical_results(srv: Running, examples: Path) -> None:
    texts = [
        ("Kai is LAC and presenting as chaotic.", "harm"),
        ("Mum might hit Kai when she drinks, and Kai could be hurt.", "danger_statement"),
        ("It appears that Zoë 😀 was hit by someone.", None),
        ((examples / "okafor-family-map.md").read_text(encoding="utf-8"), None),
    ]
    expected = [post_json(srv, {"text": t, "section": s}).json() for t, s in texts]
    jobs = [texts[i % len(texts)] for i in range(24)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda job: post_json(srv, {"text": job[0], "section": job[1]}), jobs))
    for i, reply in enumerate(got):
        assert reply.status == 200
        assert reply.json() == expected[i % len(texts)]


# -- the command --------------------------------------------------------------------------------
NO_NETWORK_SERVE = textwrap.dedent(
    """
    import socket, sys

    def refuse(*args, **kwargs):
        raise RuntimeError("network access attempted: %r" % (args[:2],))

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    socket.gethostbyaddr = refuse
    socket.getfqdn = refuse
    from sos_lint.cli import main
    sys.argv = ["sos-lint"] + sys.argv[1:]
    main()
    """
)


def _serve(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], str]:
    script = tmp_path / "guarded.py"
    script.write_text(NO_NETWORK_SERVE, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), "serve", "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    match = re.search(r"http://[^ ]+/", line)
    if not match:
        proc.kill()
        raise AssertionError(
            f"no URL printed: {line!r} {proc.stderr.read() if proc.stderr else ''}"
        )
    return proc, match.group(0)


def test_serve_command_prints_the_url_makes_no_outbound_call_and_stops_on_ctrl_c(
    tmp_path: Path,
) -> None:
    proc, url = _serve(tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:")
        port = int(url.rsplit(":", 1)[1].strip("/"))
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", "/api/v1/lint", json.dumps({"text": "Kai is LAC."}))
        response = conn.getresponse()
        assert response.status == 200
        assert json.loads(response.read())["files"][0]["findings"]
        conn.close()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Stopped." in out
    assert "Traceback" not in err and "network access attempted" not in err
    assert "warning" not in err
    assert "POST /api/v1/lint 200" in err and "LAC" not in err


def test_serve_warns_when_other_computers_can_connect(tmp_path: Path) -> None:
    proc, url = _serve(tmp_path, "--host", "0.0.0.0", "--quiet")
    try:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "warning: listening on 0.0.0.0" in err and "other computers" in err
    assert url.startswith("http://127.0.0.1:")  # the address to open on this computer
    assert exposure_warning("127.0.0.1") is None and exposure_warning("localhost") is None
    assert exposure_warning("::1") is None and exposure_warning("192.168.1.20") is not None


def test_serve_reports_a_port_in_use() -> None:
    running = start()
    try:
        result = CliRunner().invoke(main, ["serve", "--port", str(running.port)])
    finally:
        stop(running)
    assert result.exit_code == 2
    assert "cannot listen" in result.stderr and "--port" in result.stderr


# -- the page in a real browser ---------------------------------------------------------------

MARKED_TEXTS = """
() => {
  const out = {};
  document.querySelectorAll("#marked mark").forEach((m) => {
    for (const n of m.dataset.findings.split(" ")) { out[n] = (out[n] || "") + m.textContent; }
  });
  return out;
}
"""


@pytest.fixture()
def browser_page(srv: Running) -> Iterator[tuple[Any, list[str], list[str]]]:
    playwright = pytest.importorskip("playwright.sync_api")
    problems: list[str] = []
    elsewhere: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
            page.on(
                "request",
                lambda r: None if r.url.startswith(srv.origin + "/") else elsewhere.append(r.url),
            )
            page.goto(srv.origin + "/")
            page.wait_for_load_state("load")
            yield page, problems, elsewhere
            storage = page.evaluate(
                "() => [localStorage.length, sessionStorage.length, document.cookie]"
            )
            assert storage == [0, 0, ""]
        finally:
            browser.close()


def _check(page: Any) -> None:
    page.click("#check")
    page.wait_for_selector("#results:not([hidden])")


@needs_chromium
def test_page_checks_typed_text_and_shows_findings(
    srv: Running, browser_page: tuple[Any, list[str], list[str]]
) -> None:
    page, problems, elsewhere = browser_page
    expected = post_json(srv, {"text": STATEMENT, "section": "harm"}).json()["files"][0]
    lac = next(f for f in expected["findings"] if f["text"] == "LAC")
    page.fill("#text", STATEMENT)
    page.select_option("#section", "harm")
    _check(page)
    cards = page.locator("li.finding")
    assert cards.count() == len(expected["findings"])
    index = expected["findings"].index(lac) + 1
    card = page.locator(f"#finding-{index}")
    assert card.get_attribute("data-code") == "SOS101"
    body = card.inner_text()
    assert lac["message"] in body
    assert "Why it matters" in body and lac["explanation"] in body
    assert "What to write instead" in body and lac["suggestions"][0]["replacement"] in body
    marked = page.evaluate(MARKED_TEXTS)
    for n, finding in enumerate(expected["findings"], start=1):
        assert marked[str(n)] == finding["text"], finding["code"]
    # The text shown is the text typed, character for character (numbers aside).
    shown = page.evaluate(
        "() => Array.from(document.getElementById('marked').childNodes)"
        ".filter((n) => !(n.classList && n.classList.contains('ref')))"
        ".map((n) => n.textContent).join('')"
    )
    assert shown == STATEMENT
    # The number after "LAC" links to its card; the card's button goes back to the words.
    page.click(f"#marked a.ref[href='#finding-{index}']")
    assert page.evaluate("() => document.activeElement.id") == f"finding-{index}"
    card.locator("button.show").click()
    assert page.evaluate("() => document.activeElement.textContent") == "LAC"
    assert (
        page.locator("#scores dd")
        .first.inner_text()
        .startswith(str(round(expected["readability"]["document"]["reading_age"])))
    )
    assert page.locator("#status").inner_text() == "Checked."
    assert f"{len(expected['findings'])} things to look at" in page.locator("#summary").inner_text()
    page.click("#clear")
    assert page.input_value("#text") == "" and page.locator("#results").is_hidden()
    assert problems == [] and elsewhere == []


@needs_chromium
def test_page_highlights_the_right_words_in_non_ascii_text(
    srv: Running, browser_page: tuple[Any, list[str], list[str]]
) -> None:
    page, problems, elsewhere = browser_page
    expected = post_json(srv, {"text": NON_ASCII, "section": "harm"}).json()["files"][0]
    words = {f["text"] for f in expected["findings"]}
    assert {"LAC", "presenting as", "chaotic"} <= words
    page.fill("#text", NON_ASCII)
    page.select_option("#section", "harm")
    page.press("#text", "Control+Enter")  # the keyboard way to check
    page.wait_for_selector("#results:not([hidden])")
    marked = page.evaluate(MARKED_TEXTS)
    for n, finding in enumerate(expected["findings"], start=1):
        assert marked[str(n)] == finding["text"], (finding["code"], marked[str(n)])
    assert problems == [] and elsewhere == []


@needs_chromium
def test_page_shows_markup_as_text(
    srv: Running, browser_page: tuple[Any, list[str], list[str]]
) -> None:
    page, problems, elsewhere = browser_page
    text = 'Mum said <script>alert("x")</script> and <img src=x onerror=alert(1)> that Kai is LAC.'
    page.fill("#text", text)
    _check(page)
    assert page.locator("#marked script, #marked img, #findings script, #findings img").count() == 0
    assert '<script>alert("x")</script>' in page.locator("#marked").inner_text()
    marked = page.evaluate(MARKED_TEXTS)
    assert "LAC" in marked.values()
    assert problems == [] and elsewhere == []


@needs_chromium
def test_page_checks_an_uploaded_word_file(
    srv: Running, browser_page: tuple[Any, list[str], list[str]], examples: Path
) -> None:
    page, problems, elsewhere = browser_page
    path = examples / "brown-family-map.docx"
    data, ctype = multipart({"file": (path.name, path.read_bytes())})
    expected = call(srv, "POST", "/api/v1/lint-file", data, {"Content-Type": ctype}).json()
    findings = expected["files"][0]["findings"]
    page.set_input_files("#file", str(path))
    assert path.name in page.locator("#file-chosen").inner_text()
    _check(page)
    assert page.locator("li.finding").count() == len(findings)
    marked = page.evaluate(MARKED_TEXTS)
    for n, finding in enumerate(findings, start=1):
        if finding["statement_index"] is not None:
            assert marked[str(n)] == finding["text"], finding["code"]
    assert "Background" in page.locator("#marked").inner_text()
    assert problems == [] and elsewhere == []


@needs_chromium
def test_page_explains_errors(srv: Running, browser_page: tuple[Any, list[str], list[str]]) -> None:
    page, problems, elsewhere = browser_page
    page.click("#check")
    assert "nothing to check" in page.locator("#error").inner_text()
    assert page.evaluate("() => document.activeElement.id") == "text"
    assert problems == [] and elsewhere == []
