"""A loopback fake of Infobip's "Send SMS message" API (POST /sms/2/text/advanced).

It records every request, can be slow, can fail the first N calls, can hold requests in flight until
released, and — like a gateway that honours client message ids — accepts a repeated messageId without
delivering it again, while counting the repeat. A message counts as delivered when its request arrives.
"""

from __future__ import annotations

import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PATH = "/sms/2/text/advanced"


class FakeGateway:
    """Start with `with FakeGateway(...) as gateway:`; point CIVICDESK_SMS_URL at `gateway.url`."""

    def __init__(
        self,
        *,
        api_key: str = "test-key",
        delay: float | tuple[float, float] = 0.0,
        fail_first: int = 0,
        fail_status: int = 503,
        reject: frozenset[str] = frozenset(),
    ) -> None:
        self.api_key = api_key
        self.delay = delay
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.reject = reject  # destinations answered with status group REJECTED
        self.lock = threading.Lock()
        self.calls = 0
        self.headers: list[dict[str, str]] = []
        self.requests: list[dict[str, Any]] = []  # every accepted request body, in order
        self.delivered: dict[str, dict[str, str]] = {}  # messageId -> what reached the phone, once
        self.repeats: list[str] = []  # messageIds sent again and not delivered again
        self.in_flight: set[str] = set()
        self.held: set[str] = set()  # messageIds waiting for release()
        self._hold_after: int | None = None
        self._released = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.gateway = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeGateway:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()

    def hold(self, *, after: int = 0) -> None:
        """Requests after the first `after` accepted ones wait (already delivered) until `release()`."""
        self._released.clear()
        self._hold_after = after

    def release(self) -> None:
        self._hold_after = None
        self._released.set()

    def _pause(self) -> float:
        return random.uniform(*self.delay) if isinstance(self.delay, tuple) else self.delay

    def accept(self, headers: dict[str, str], payload: dict[str, Any]) -> tuple[int, dict[str, Any], bool]:
        """Record one request; returns the status, the answer and whether to hold it."""
        with self.lock:
            self.calls += 1
            self.headers.append(headers)
            if headers.get("Authorization") != f"App {self.api_key}":
                return 401, {"requestError": {"serviceException": {"messageId": "UNAUTHORIZED"}}}, False
            if self.calls <= self.fail_first:
                return self.fail_status, {"requestError": {"serviceException": {"text": "try later"}}}, False
            self.requests.append(payload)
            answers = []
            for message in payload["messages"]:
                for destination in message["destinations"]:
                    answers.append(self._deliver(message, destination))
            held = self._hold_after is not None and len(self.requests) > self._hold_after
            return 200, {"bulkId": f"bulk-{len(self.requests)}", "messages": answers}, held

    def _deliver(self, message: dict[str, Any], destination: dict[str, str]) -> dict[str, Any]:
        message_id, to = destination["messageId"], destination["to"]
        if to in self.reject:
            return {"messageId": message_id, "to": to, "status": {"groupId": 5, "groupName": "REJECTED"}}
        if message_id in self.delivered:
            self.repeats.append(message_id)
        else:
            self.delivered[message_id] = {"to": to, "text": message["text"], "from": message["from"]}
        self.in_flight.add(message_id)
        status = {"groupId": 1, "groupName": "PENDING", "id": 26, "name": "PENDING_ACCEPTED"}
        return {"messageId": message_id, "to": to, "status": status}

    def held_now(self) -> set[str]:
        """A copy of the messageIds waiting for release()."""
        with self.lock:
            return set(self.held)

    def wait_for_release(self, answer: dict[str, Any]) -> None:
        ids = {item["messageId"] for item in answer.get("messages", [])}
        with self.lock:
            self.held |= ids
        self._released.wait(timeout=60)
        with self.lock:
            self.held -= ids

    def done(self, answer: dict[str, Any]) -> None:
        with self.lock:
            for item in answer.get("messages", []):
                self.in_flight.discard(item["messageId"])


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        gateway: FakeGateway = self.server.gateway  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != PATH:
            self._reply(404, {})
            return
        status, answer, held = gateway.accept(dict(self.headers.items()), json.loads(body))
        if held:
            gateway.wait_for_release(answer)
        time.sleep(gateway._pause())
        try:
            self._reply(status, answer)
        finally:
            gateway.done(answer)

    def _reply(self, status: int, answer: dict[str, Any]) -> None:
        data = json.dumps(answer).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client went away (a killed worker)
            pass

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""
