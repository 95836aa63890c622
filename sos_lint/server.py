"""``sos-lint serve``: a local web page for practitioners and an HTTP JSON API for other systems.

Standard library only (``http.server``). The model and rules load once, at start-up.

Privacy is the design constraint: the server binds 127.0.0.1 unless told otherwise, keeps no
case text (nothing on disk, nothing in the access log, which holds only method, path, status
and duration), makes no call out, tells browsers not to store or share anything
(``Cache-Control: no-store``, ``Referrer-Policy: no-referrer``, a strict Content-Security-Policy
that lets the page talk to this server only) and refuses requests that name another host
(DNS rebinding) or that a page from another origin sends.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from email import policy
from email.parser import HeaderParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import parse_qs, urlsplit

from sos_lint import __version__
from sos_lint.api import get_linter, lint_raw, lint_text
from sos_lint.config import Config, parse_config
from sos_lint.engine.rules import builtin_rules, rule_by_code
from sos_lint.errors import ConfigError, InputError, SosLintError
from sos_lint.models import SECTION_TYPES
from sos_lint.readers import read_bytes
from sos_lint.reporters.json import json_payload
from sos_lint.reporters.rules import rule_detail, rules_summary

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
API = "/api/v1"
UPLOAD_SUFFIXES = (".docx", ".md", ".markdown", ".txt", ".text")
DISCARD_LIMIT = 16 * 1024 * 1024  # an oversized body up to this size is read and dropped
REQUEST_FIELDS = ("text", "section", "select", "ignore", "config")
# Config keys a request may not set: they would load another model, reach out to a grammar
# server or lift the operator's size limit. The operator sets them with --config.
SERVER_ONLY_KEYS = ("model", "languagetool-url", "grammar", "max-chars")
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT")
_RULE_PATH = re.compile(rf"^{API}/rules/([A-Za-z0-9-]{{1,64}})$")

# One lock for every lint in the process. A Linter is not safe to share between threads: it
# keeps per-document state in ``shared`` and caches, and every Linter for a model shares one
# spaCy pipeline, which spaCy does not promise is safe to call from several threads at once.
# Serialising the lint itself costs little: reading requests and writing answers still overlap.
_LINT_LOCK = threading.Lock()

JSON_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


class HTTPError(Exception):
    """An answer other than 200, with the one-line message the client is shown."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


# -- the page -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Page:
    html: bytes
    csp: str


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def load_page() -> Page:
    """The page shipped in ``sos_lint/web/``, with a CSP that allows only its own inline
    script and style (by hash, so nothing injected into the page could run)."""
    html = (resources.files("sos_lint") / "web" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    styles = re.findall(r"<style>(.*?)</style>", html, re.S)
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + (" ".join(_hash(s) for s in scripts) or "'none'"),
            "style-src " + (" ".join(_hash(s) for s in styles) or "'none'"),
            "img-src data:",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )
    return Page(html.encode("utf-8"), csp)


# -- the work -----------------------------------------------------------------------------------
def _selectors(value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise HTTPError(400, f"`{key}` must be a list of rule codes, prefixes, names or categories")
    return tuple(v.strip() for v in value if v.strip())


def _section(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or value not in SECTION_TYPES:
        raise HTTPError(400, f"unknown section type {value!r} (one of: {', '.join(SECTION_TYPES)})")
    return value


class LintService:
    """The linting behind the endpoints: one base config, the model loaded once."""

    def __init__(self, config: Config, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.config = config
        self.max_bytes = max_bytes
        with _LINT_LOCK:
            self.linter = get_linter(config)  # load the model and compile the rules now
            lint_text("Ready.", config=config)  # and anything a first lint loads lazily
        meta = getattr(self.linter.nlp, "meta", {}) or {}
        self.model = f"{meta.get('lang', 'en')}_{meta.get('name', '?')}"
        self.model_version = str(meta.get("version", ""))

    # -- configuration per request ------------------------------------------------------------
    def request_config(self, select: Any = None, ignore: Any = None, table: Any = None) -> Config:
        """The server's config with a request's ``config`` table and ``select``/``ignore`` on
        top, as ``sos-lint check --config ... --select ... --ignore ...`` would combine them."""
        config = self.config
        if table is not None:
            if not isinstance(table, dict):
                raise HTTPError(400, "`config` must be an object of [tool.sos-lint] settings")
            for key in SERVER_ONLY_KEYS:
                if key in table:
                    raise HTTPError(
                        400,
                        f"`config.{key}` cannot be set per request (start the server with --config)",
                    )
            try:
                parsed = parse_config(table, "request `config`")
            except ConfigError as exc:
                raise HTTPError(400, str(exc)) from None
            names = {f.name for f in fields(Config)}
            changes = {
                key.replace("-", "_"): getattr(parsed, key.replace("-", "_"))
                for key in table
                if key.replace("-", "_") in names
            }
            config = config.with_overrides(**changes)
        chosen = _selectors(select, "select")
        skipped = _selectors(ignore, "ignore")
        if chosen:
            config = config.with_overrides(select=chosen)
        if skipped:
            config = config.with_overrides(ignore=tuple(config.ignore) + skipped)
        return config

    def _check_length(self, length: int, config: Config) -> None:
        if length > config.max_chars:
            raise HTTPError(
                413,
                f"the text is too long ({length:,} characters; the limit is {config.max_chars:,})",
            )

    def _run(self, work: Callable[[], Any], config: Config) -> dict[str, Any]:
        try:
            with _LINT_LOCK:
                get_linter(config)  # a bad selector is the request's fault: report it as such
                result = work()
        except (InputError, ConfigError) as exc:
            raise HTTPError(400, str(exc)) from None
        except SosLintError as exc:
            raise HTTPError(500, str(exc)) from None
        return json_payload([result])

    # -- endpoints ----------------------------------------------------------------------------
    def lint_json(self, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise HTTPError(400, "the request body must be a JSON object with a `text` field")
        unknown = sorted(set(body) - set(REQUEST_FIELDS))
        if unknown:
            raise HTTPError(
                400, f"unknown field `{unknown[0]}` (expected: {', '.join(REQUEST_FIELDS)})"
            )
        text = body.get("text")
        if not isinstance(text, str):
            raise HTTPError(400, "`text` must be a string")
        if not text.strip():
            raise HTTPError(400, "the text is empty (nothing to check)")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate escaped in the JSON
            raise HTTPError(
                400, "the text is not valid Unicode (it has a lone surrogate)"
            ) from None
        section = _section(body.get("section"))
        config = self.request_config(body.get("select"), body.get("ignore"), body.get("config"))
        self._check_length(len(text), config)
        return self._run(lambda: lint_text(text, section=section, config=config), config)

    def lint_upload(
        self, data: bytes, filename: str, section: Any, select: Any, ignore: Any
    ) -> dict[str, Any]:
        name = _base_name(filename)
        if not name:
            raise HTTPError(
                400, "give the file's name (e.g. ?filename=draft.docx) so its type is known"
            )
        suffix = Path(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise HTTPError(
                400,
                f"{name}: only Word (.docx), Markdown (.md) and text (.txt) files can be checked",
            )
        if not data:
            raise HTTPError(400, f"{name}: the file is empty (no text to check)")
        section_type = _section(section)
        config = self.request_config(select, ignore)
        try:
            raw = read_bytes(data, name)  # reads in memory: an upload never touches the disk
        except InputError as exc:
            raise HTTPError(400, str(exc)) from None
        self._check_length(len(raw.text), config)
        return self._run(lambda: lint_raw(raw, name, section=section_type, config=config), config)

    def rules(self) -> list[dict[str, Any]]:
        return rules_summary(builtin_rules())

    def rule(self, code: str) -> dict[str, Any]:
        rule = rule_by_code(code)
        if rule is None:
            raise HTTPError(404, f"no rule {code!r} (see {API}/rules)")
        return rule_detail(rule)

    def health(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "version": __version__,
            "model": self.model,
            "model_version": self.model_version,
            "model_loaded": True,
            "rules": len(self.linter.rules),
            "max_bytes": self.max_bytes,
            "max_chars": self.config.max_chars,
        }


def _base_name(filename: str) -> str:
    """The file's own name: no folders (from either kind of path), no control characters."""
    name = PureWindowsPath(PurePosixPath(filename.strip()).name).name
    return "".join(ch for ch in name if ch.isprintable())[:255]


# -- multipart ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Part:
    name: str
    filename: str | None
    data: bytes


def parse_multipart(body: bytes, content_type: str) -> dict[str, Part]:
    """The parts of a ``multipart/form-data`` body, by field name (the first of each name).

    Split on the boundary by hand, not with ``email``'s MIME parser, so that binary file
    bytes (a .docx is a zip) come back exactly as sent."""
    header = HeaderParser(policy=policy.HTTP).parsestr(f"Content-Type: {content_type}\r\n\r\n")
    boundary = header.get_param("boundary")
    if not isinstance(boundary, str) or not boundary or len(boundary) > 200:
        raise HTTPError(400, "the multipart body has no boundary")
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    chunks = (b"\r\n" + body).split(delimiter)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise HTTPError(400, "the multipart body is incomplete")
    parts: dict[str, Part] = {}
    for chunk in chunks[1:-1]:
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            raise HTTPError(400, "a part of the multipart body has no headers")
        # Browsers send a non-ASCII file name as raw UTF-8 in the header.
        head_text = head.lstrip(b"\r\n").decode("utf-8", "replace")
        headers = HeaderParser(policy=policy.HTTP).parsestr(head_text + "\r\n\r\n")
        name = headers.get_param("name", header="content-disposition")
        if not isinstance(name, str):
            raise HTTPError(400, "a part of the multipart body has no field name")
        filename = headers.get_filename()
        parts.setdefault(name, Part(name, filename, data))
    return parts


def _field_text(part: Part | None, name: str) -> str | None:
    if part is None:
        return None
    try:
        return part.data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise HTTPError(400, f"the `{name}` field is not UTF-8") from None


# -- HTTP ---------------------------------------------------------------------------------------
def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class SosLintServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(
        self,
        host: str,
        port: int,
        service: LintService,
        page: Page | None = None,
        log: TextIO | None = None,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.host = host.strip("[]")
        self.service = service
        self.page = page or load_page()
        self.log_stream = log
        self._log_lock = threading.Lock()
        super().__init__((self.host, port), RequestHandler)
        self.port = int(self.server_address[1])
        bound = self.host.lower()
        self.wildcard = bound in ("0.0.0.0", "::", "")
        self.allowed_hosts = {"localhost", "127.0.0.1", "::1", bound}

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the machine's fully qualified name, which can be a
        # DNS query: a network call we do not need. The name is only used in CGI variables.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.wildcard else self.host
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}/"

    def host_allowed(self, hostname: str | None, port: int | None) -> bool:
        """Whether a Host (or Origin) names this server. A name we were not started with is
        refused: that is what DNS rebinding sends. Bound to every interface, any IP literal
        of the machine is allowed, since an IP address cannot be rebound."""
        if not hostname or port != self.port:
            return False
        hostname = hostname.lower()
        return hostname in self.allowed_hosts or (self.wildcard and _is_ip(hostname))

    def access(self, method: str, path: str, status: int, seconds: float) -> None:
        self.note(f"{method} {path} {status} {seconds * 1000:.0f}ms")

    def note(self, line: str) -> None:
        if self.log_stream is None:
            return
        with self._log_lock:
            self.log_stream.write(line + "\n")
            self.log_stream.flush()


Route = Callable[["RequestHandler"], None]


class RequestHandler(BaseHTTPRequestHandler):
    server: SosLintServer
    protocol_version = "HTTP/1.1"
    server_version = f"sos-lint/{__version__}"
    sys_version = ""
    timeout = 60  # seconds a client may take to send its request

    # -- plumbing -----------------------------------------------------------------------------
    def handle_one_request(self) -> None:
        self._started = time.perf_counter()
        self._status: int | None = None
        self._logged_path = "-"
        self._body_read = False
        self._headers_done = False
        self._access_logged = False
        super().handle_one_request()
        self._log_access()

    def _log_access(self) -> None:
        """One access line per request, written before the body goes out, so that a client
        that has its answer can rely on the line being there (and a Ctrl-C straight after
        does not lose it)."""
        if self._status is None or self._access_logged:
            return
        self._access_logged = True
        method = self.command if self.command in METHODS else "-"
        self.server.access(
            method or "-", self._logged_path, self._status, time.perf_counter() - self._started
        )

    def version_string(self) -> str:
        return self.server_version

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The standard line holds the whole request line, query string and all. Ours is
        # written once the request is done, from what ``access`` allows.
        self._status = int(code) if str(code).isdigit() else None

    def log_message(self, format: str, *args: Any) -> None:
        """Never write what the standard library would (request lines, client text)."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # The standard library's own errors (a malformed request line, an unsupported
        # method, a timeout) answer in JSON like ours, without echoing the request.
        try:
            phrase = HTTPStatus(code).phrase.lower()
        except ValueError:
            phrase = "error"
        self.close_connection = True
        self._send_json(code, {"error": phrase})

    def _unread_body(self) -> bool:
        if self._body_read:
            return False
        headers = getattr(self, "headers", None)
        if headers is None:
            return False
        return bool(headers.get("Transfer-Encoding")) or headers.get("Content-Length", "0") != "0"

    def _security_headers(self, csp: str) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("Pragma", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        csp: str = JSON_CSP,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        if self._unread_body():
            self.close_connection = True  # the body is still in the socket: do not reuse it
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self._security_headers(csp)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self._headers_done = True
        self._log_access()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(
        self, status: int, payload: Any, headers: Mapping[str, str] | None = None
    ) -> None:
        try:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            body = json.dumps(payload).encode("ascii")
        self._send(status, body, "application/json; charset=utf-8", headers=headers)

    # -- checks on every request ----------------------------------------------------------------
    def _check_host(self) -> None:
        value = self.headers.get("Host", "")
        try:
            parts = urlsplit(f"//{value}")
            hostname, port = parts.hostname, parts.port or 80
        except ValueError:
            hostname, port = None, None
        if not self.server.host_allowed(hostname, port):
            raise HTTPError(400, "this server only answers requests for its own address (Host)")

    def _check_origin(self) -> None:
        origin = self.headers.get("Origin")
        if self.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
            raise HTTPError(403, "requests from other websites are refused")
        if origin is None:
            return  # not a browser, or a same-origin request from an old one
        try:
            parts = urlsplit(origin)
            ok = parts.scheme == "http" and self.server.host_allowed(
                parts.hostname, parts.port or 80
            )
        except ValueError:
            ok = False
        if not ok:
            raise HTTPError(403, "requests from other websites are refused (Origin)")

    def _read_body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise HTTPError(
                411, "send the request with a Content-Length (chunked bodies are not supported)"
            )
        raw = self.headers.get("Content-Length")
        if raw is None:
            raise HTTPError(411, "the request needs a Content-Length")
        try:
            length = int(raw)
        except ValueError:
            length = -1
        if length < 0:
            raise HTTPError(400, "the Content-Length is not a number")
        limit = self.server.service.max_bytes
        if length > limit:
            self._discard(length)
            raise HTTPError(
                413, f"the request is too large ({length:,} bytes; the limit is {limit:,})"
            )
        data = self.rfile.read(length)
        if len(data) < length:
            self.close_connection = True
            raise HTTPError(400, "the request body ended early")
        self._body_read = True
        return data

    def _discard(self, length: int) -> None:
        """Read and drop an oversized body, so the client (still sending) gets our 413 rather
        than a reset connection. Far too large, or too slow, and the connection is closed."""
        if length > DISCARD_LIMIT:
            return
        deadline = time.monotonic() + 5
        left = length
        try:
            while left > 0 and time.monotonic() < deadline:
                self.connection.settimeout(max(0.1, deadline - time.monotonic()))
                chunk = self.rfile.read(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass
        finally:
            self.connection.settimeout(self.timeout)
        self._body_read = left == 0

    # -- dispatch -----------------------------------------------------------------------------
    def _routes(self, path: str) -> tuple[str, dict[str, Route]] | None:
        """The path as it may be logged and the handlers for it, or None for no such page."""
        fixed: dict[str, dict[str, Route]] = {
            "/": {"GET": RequestHandler._page},
            "/index.html": {"GET": RequestHandler._page},
            "/favicon.ico": {"GET": RequestHandler._favicon},
            "/healthz": {"GET": RequestHandler._health},
            f"{API}/rules": {"GET": RequestHandler._rules},
            f"{API}/lint": {"POST": RequestHandler._lint},
            f"{API}/lint-file": {"POST": RequestHandler._lint_file},
        }
        if path in fixed:
            return path, fixed[path]
        match = _RULE_PATH.match(path)
        if match:
            known = rule_by_code(match.group(1)) is not None
            logged = path if known else f"{API}/rules/(unknown)"
            return logged, {"GET": RequestHandler._rule}
        return None

    def _dispatch(self) -> None:
        try:
            found = self._routes(urlsplit(self.path).path)
            if found is not None:
                self._logged_path = found[0]
            self._check_host()
            if found is None:
                raise HTTPError(404, "no such page")
            handlers = found[1]
            method = "GET" if self.command == "HEAD" else self.command
            handler = handlers.get(method)
            if handler is None:
                allowed = ", ".join(
                    sorted(set(handlers) | ({"HEAD"} if "GET" in handlers else set()))
                )
                raise HTTPError(
                    405, f"{self.command} is not allowed here (use {allowed})", {"Allow": allowed}
                )
            if method == "POST":
                self._check_origin()
            handler(self)
        except HTTPError as exc:
            if not self._headers_done:
                self._send_json(exc.status, {"error": exc.message}, exc.headers)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as exc:
            # Never a traceback to the client, and no exception text in the log either (it
            # could quote the case text): the type and where it happened are enough to start.
            tb = exc.__traceback__
            while tb is not None and tb.tb_next is not None:
                tb = tb.tb_next
            where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"
            self.server.note(f"internal error: {type(exc).__name__} at {where}")
            self.close_connection = True
            if not self._headers_done:
                self._send_json(500, {"error": "internal error (the server log says where)"})

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = _dispatch

    # -- endpoints ----------------------------------------------------------------------------
    def _page(self) -> None:
        page = self.server.page
        self._send(200, page.html, "text/html; charset=utf-8", csp=page.csp)

    def _favicon(self) -> None:
        self._send(204, b"", "image/x-icon")

    def _health(self) -> None:
        self._send_json(200, self.server.service.health())

    def _rules(self) -> None:
        self._send_json(200, self.server.service.rules())

    def _rule(self) -> None:
        match = _RULE_PATH.match(urlsplit(self.path).path)
        assert match is not None
        self._send_json(200, self.server.service.rule(match.group(1)))

    def _lint(self) -> None:
        data = self._read_body()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8") from None
        try:
            body = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HTTPError(
                400,
                f"the request body is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            ) from None
        self._send_json(200, self.server.service.lint_json(body))

    def _lint_file(self) -> None:
        content_type = self.headers.get("Content-Type", "")
        data = self._read_body()
        if content_type.lower().startswith("multipart/form-data"):
            parts = parse_multipart(data, content_type)
            upload = parts.get("file")
            if upload is None or upload.filename is None:
                raise HTTPError(400, "the form has no `file` field with a file in it")
            unknown = sorted(set(parts) - {"file", "section", "select", "ignore"})
            if unknown:
                raise HTTPError(400, f"unknown form field `{unknown[0]}`")
            self._send_json(
                200,
                self.server.service.lint_upload(
                    upload.data,
                    upload.filename,
                    _field_text(parts.get("section"), "section"),
                    _field_text(parts.get("select"), "select"),
                    _field_text(parts.get("ignore"), "ignore"),
                ),
            )
            return
        query = parse_qs(urlsplit(self.path).query)

        def one(key: str) -> str | None:
            values = query.get(key)
            return values[0] if values else None

        filename = one("filename") or self.headers.get("X-Filename") or ""
        self._send_json(
            200,
            self.server.service.lint_upload(
                data, filename, one("section"), one("select"), one("ignore")
            ),
        )


# -- start and stop -------------------------------------------------------------------------------
def make_server(
    config: Config | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    log: TextIO | None = None,
) -> SosLintServer:
    """A server, bound and ready (model loaded); call ``serve_forever`` to answer requests."""
    service = LintService(config or Config(), max_bytes)
    return SosLintServer(host, port, service, log=log)


def exposure_warning(host: str) -> str | None:
    """What to say when the server will answer other machines, not only this one."""
    if _is_loopback(host):
        return None
    return (
        f"warning: listening on {host}, not 127.0.0.1: other computers on the network can "
        "reach this server and send it text to check. Case text should stay on this machine; "
        "use the default --host 127.0.0.1 unless you are sure."
    )


def run(server: SosLintServer, stream: TextIO = sys.stdout) -> None:
    """Answer requests until Ctrl-C, then close the socket and return."""
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        stream.write("\nStopped.\n")
        stream.flush()
    finally:
        server.server_close()
