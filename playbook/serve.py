"""`playbook serve`: the app in a browser, for a crisis team in a room or across sites.

textual-serve runs one app process per browser, on the same library and journal, so an entry made
in one browser reaches every board. This module adds what textual-serve leaves to its user:

* Access by link. Every request (the page, its scripts, the websocket) needs a token, from the
  link's `?token=` the first time and from a same-site, HTTP-only cookie after that; anything else
  gets a one-line refusal and no app. Tokens are compared in constant time.
* Two links: the team's (full access) and the observers' (an executive watching the board), whose
  app runs with `--read-only` and cannot write to the journal.
* A drill's players only (`--drill ID --as player`): each browser runs `playbook drill join ID`,
  a player's process with no way to the facilitator's material, instead of the whole app.
* A websocket only from the page's own origin, so another site cannot drive the app.
* A page of our own, titled for the product, that loads nothing from the internet: the terminal
  script, its stylesheet and font are textual-serve's own files, served from this server.
"""

from __future__ import annotations

import hmac
import secrets
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from aiohttp import web

COOKIE = "playbook_access"
TEAM, OBSERVER = "team", "observer"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
PAGE = Path(__file__).parent / "web"
REFUSED = "playbook serve: this page needs its access link; ask whoever started `playbook serve` for it.\n"


class ServeError(Exception):
    """A server that cannot start as asked (an unreadable token file, a port in use)."""


@attrs.frozen
class Access:
    """The team's token and the observers' token."""

    team: str
    observer: str

    @classmethod
    def generate(cls) -> Access:
        return cls(team=secrets.token_urlsafe(24), observer=secrets.token_urlsafe(24))

    @classmethod
    def from_file(cls, path: Path) -> Access:
        """The first line is the team's token, the second (optional) the observers'."""
        try:
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as error:
            raise ServeError(
                f"cannot read the token file {path}: {getattr(error, 'strerror', None) or error}"
            ) from None
        if not lines or any(len(line) < 16 for line in lines[:2]):
            raise ServeError(f"{path}: a token is one line of at least 16 characters (the team's, then the observers')")
        return cls(team=lines[0], observer=lines[1] if len(lines) > 1 else secrets.token_urlsafe(24))

    def role(self, presented: str | None) -> str | None:
        """TEAM, OBSERVER, or None for a missing or wrong token."""
        if not presented:
            return None
        given = presented.encode("utf-8", "replace")
        if hmac.compare_digest(given, self.team.encode()):
            return TEAM
        if hmac.compare_digest(given, self.observer.encode()):
            return OBSERVER
        return None


def app_command(library: Path | None, journal: Path | str | None, *, read_only: bool, drill: str | None = None) -> str:
    """The shell command textual-serve runs for each browser: this Python, this library and
    journal; with `drill`, a player's process on that drill (`playbook drill join`), which has no
    way to the facilitator's material, instead of the whole app."""
    argv = [sys.executable, "-m", "playbook"]
    if library is not None:
        argv += ["--library", str(library)]
    if journal is not None:
        argv += ["--journal", str(journal)]
    if read_only:
        argv.append("--read-only")
    if drill is not None:
        argv += ["drill", "join", drill]
    return shlex.join(argv)


def links(host: str, port: int, access: Access) -> dict[str, str]:
    shown = f"[{host}]" if ":" in host else host
    base = f"http://{shown}:{port}/"
    return {TEAM: f"{base}?token={access.team}", OBSERVER: f"{base}?token={access.observer}"}


def server(commands: dict[str, str], access: Access, host: str, port: int, title: str = "Playbook") -> Any:
    """A textual-serve Server guarded by `access`, running `commands[role]` per browser, its page
    titled `title`."""
    import aiohttp_jinja2
    import textual_serve
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    class GuardedServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(_guard(access))
            return app

        @aiohttp_jinja2.template("app_index.html")
        async def handle_index(self, request: web.Request) -> dict[str, Any]:
            scheme = "wss" if request.secure else "ws"
            return {
                "font_size": 16,
                "app_websocket_url": f"{scheme}://{request.host}/ws",
                "config": {"static": {"url": "/static/"}},
                "application": {"name": title + (" (observer, read-only)" if request["role"] == OBSERVER else "")},
            }

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            # As textual-serve's own, but the app is chosen by the role of the link used.
            websocket = web.WebSocketResponse(heartbeat=15)
            width = _size(request.query.get("width"), 80)
            height = _size(request.query.get("height"), 24)
            await websocket.prepare(request)

            async def close() -> None:  # AppService awaits a close that returns nothing
                await websocket.close()

            service = AppService(
                commands[request["role"]],
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            try:
                await service.start(width, height)
                await self._process_messages(websocket, service)
            finally:
                await service.stop()
            return websocket

    statics = Path(textual_serve.__file__).parent / "static"
    return GuardedServer(
        commands[TEAM],
        host=host,
        port=port,
        title=title,
        statics_path=statics,
        templates_path=PAGE,
    )


def _size(value: str | None, default: int) -> int:
    try:
        return max(10, min(int(value or default), 1000))
    except ValueError:
        return default


def _guard(access: Access):
    from aiohttp import web

    @web.middleware
    async def guard(request: web.Request, handler):
        offered = request.query.get("token")
        role = access.role(offered or request.cookies.get(COOKIE))
        if role is None:
            return web.Response(status=403, text=REFUSED)
        origin = request.headers.get("Origin")
        if request.path == "/ws" and origin is not None and origin.split("://", 1)[-1] != request.host:
            return web.Response(status=403, text="playbook serve: the app only talks to its own page.\n")
        request["role"] = role
        response = await handler(request)
        if offered and request.path == "/":
            # The link's token becomes a cookie, so the page's scripts and websocket need no token
            # in their URLs (and it does not linger in the address bar's history for long).
            response.set_cookie(COOKIE, offered, httponly=True, samesite="Strict", path="/")
        return response

    return guard
