"""A cable to pull: a TCP hop between a desk and the test server. ``cut`` drops every
connection through it and refuses new ones, as a server stopping or a network going
down does; ``mend`` takes connections again on the same port, as the server coming
back does. The test server itself, shared by the other tests, is left alone."""

from __future__ import annotations

import contextlib
import socket
import threading

from sqlalchemy.engine import make_url


class ServerProxy:
    def __init__(self, address: str):
        url = make_url(address)
        self._upstream = (url.host or "127.0.0.1", url.port or 5432)
        self._url = url
        self._links: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.mend()

    @property
    def address(self) -> str:
        """The server's address, through this hop."""
        return self._url.set(host="127.0.0.1", port=self.port).render_as_string(False)

    def mend(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        listener.settimeout(0.1)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        with self._lock:
            links, self._links = self._links, set()
        for link in links:
            with contextlib.suppress(OSError):
                link.shutdown(socket.SHUT_RDWR)
            link.close()

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                desk, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            server = socket.create_connection(self._upstream)
            with self._lock:
                self._links.update((desk, server))
            for source, target in ((desk, server), (server, desk)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        for end in (source, target):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
