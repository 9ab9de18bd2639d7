"""Online filling of the translation memory with deep-translator (``townfacts translate``; never the build).

Segments without an entry are sent one by one, in batches; the memory file is saved (atomically)
after every batch, so an interrupted run keeps what it got. Transient failures (5xx, timeouts,
connection errors) are retried with exponential back-off; a quota or authorization error stops the
run cleanly. API keys come only from the environment: ``LIBRETRANSLATE_API_KEY``, ``DEEPL_API_KEY``.
"""
from __future__ import annotations

import datetime
import logging
import os
import re
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional, Sequence, TextIO

import requests
from deep_translator import DeeplTranslator, GoogleTranslator, LibreTranslator, MyMemoryTranslator
from deep_translator.exceptions import (
    ApiKeyException,
    AuthorizationException,
    NotValidLength,
    NotValidPayload,
    RequestError,
    ServerException,
    TooManyRequests,
    TranslationNotFound,
)

from generator.errors import TownfactsError
from generator.english.memory import (MEMORY_PATH, Entry, Memory, entry_problem, load_memory, needs_translation,
                                      normalize_segment, remove_stale_temporaries, save_memory)

log = logging.getLogger("townfacts")

PROVIDERS = ("google", "mymemory", "libre", "deepl")
KEY_ENV = {"libre": "LIBRETRANSLATE_API_KEY", "deepl": "DEEPL_API_KEY"}
# Longest text each service accepts in one request (None: no documented limit).
MAX_CHARS = {"google": 4999, "mymemory": 499, "libre": None, "deepl": None}
_SOURCE_CODE = {"google": "zh-CN", "mymemory": "zh-CN", "libre": "zh", "deepl": "zh"}
_TARGET_CODE = {"google": "en", "mymemory": "en-GB", "libre": "en", "deepl": "en"}

# deep-translator raises ServerException(status) with only a message; map the message back.
_STATUS_OF_MESSAGE = {message: status for status, message in ServerException.errors.items()}
_STOP_STATUSES = {401, 402, 403, 404, 429, 501}  # key, quota or language problems: every request would fail
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])")
GIVE_UP_AFTER = 5  # segments failing in a row: the service is down, do not retry every remaining one

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class FillResult:
    """What a run did: segments translated, segments that failed, and why it stopped early (or None)."""

    translated: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    stopped_reason: Optional[str] = None


class _Stop(Exception):
    """The service refuses further work (quota, key): stop the run, keep what was saved."""


class _Failed(Exception):
    """This segment could not be translated (after retries); go on with the next one."""


# ---------------------------------------------------------------- progress


class ProgressBar:
    """A one-line text progress bar, e.g. ``[#####-----] 12/40 segments``, on stderr."""

    def __init__(self, stream: Optional[TextIO] = None, width: int = 20):
        self.stream = stream or sys.stderr
        self.width = width
        self._open = False

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        line = f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} segments"
        if self.stream.isatty():
            self.stream.write("\r" + line)
            self._open = True
        elif done in (0, total) or done % max(1, total // 10) == 0:  # a log file gets about ten lines
            self.stream.write(line + "\n")
        if done >= total:
            self.finish()
        self.stream.flush()

    def finish(self) -> None:
        """End the bar's line (a run that stops early leaves it unfinished otherwise)."""
        if self._open:
            self.stream.write("\n")
            self.stream.flush()
            self._open = False


# ---------------------------------------------------------------- translators


def make_translator(provider: str, base_url: Optional[str] = None, env: Mapping[str, str] = os.environ):
    """Return the deep-translator object for ``provider``; keys are read from ``env`` only."""
    if provider not in PROVIDERS:
        raise TownfactsError(f"unknown translation provider {provider!r} (choose from {', '.join(PROVIDERS)})")
    source, target = _SOURCE_CODE[provider], _TARGET_CODE[provider]
    key = env.get(KEY_ENV.get(provider, ""), "") or None
    if provider == "google":
        return GoogleTranslator(source=source, target=target)
    if provider == "mymemory":
        return MyMemoryTranslator(source=source, target=target)
    if provider == "deepl":
        if not key:
            raise TownfactsError("DeepL needs an API key: set the environment variable DEEPL_API_KEY")
        return DeeplTranslator(source=source, target=target, api_key=key, use_free_api=key.endswith(":fx"))
    return _libre(base_url, key)


def _libre(base_url: Optional[str], key: Optional[str]) -> LibreTranslator:
    """Return a LibreTranslator for ``base_url`` (a self-hosted server needs no key)."""
    url = base_url.rstrip("/") + "/" if base_url else None  # deep-translator appends "translate"
    if not key and not url:
        raise TownfactsError("LibreTranslate needs --base-url of a server, or LIBRETRANSLATE_API_KEY "
                             "for libretranslate.com")
    # deep-translator refuses to start without a key even for servers that need none; give it a
    # placeholder, then empty it so no api_key parameter is sent.
    translator = LibreTranslator(source="zh", target="en", api_key=key or "none",
                                 use_free_api=key is None, custom_url=url)
    translator.api_key = key or ""
    return translator


MAX_REPLY_BYTES = 1 << 20  # a reply to one segment (a few KB of text) is never near 1 MiB
_CHUNK = 1 << 16


@contextmanager
def request_limits(seconds: float, max_bytes: Optional[int] = None) -> Iterator[None]:
    """Make every HTTP request inside the block send its POST fields as a body, finish within ``seconds``
    in all (connecting, headers and body: a server trickling a byte at a time cannot stretch it), and
    refuse a reply over ``max_bytes``.

    deep-translator calls ``requests`` without a timeout and puts LibreTranslate's text in the URL; all
    its providers go through ``requests.Session.request``.
    """
    original = requests.Session.request
    max_bytes = max_bytes or MAX_REPLY_BYTES

    def request(self, method, url, *args, **kwargs):
        if method.upper() == "POST" and kwargs.get("params") and not kwargs.get("data") and not kwargs.get("json"):
            kwargs["data"] = kwargs.pop("params")  # the text in the body, not in a URL of tens of KB
        kwargs.update(timeout=kwargs.get("timeout") or seconds, stream=True)
        return _within(seconds, lambda: _read_capped(original(self, method, url, *args, **kwargs), max_bytes))

    requests.Session.request = request
    try:
        yield
    finally:
        requests.Session.request = original


def _within(seconds: float, call: Callable[[], requests.Response]) -> requests.Response:
    """Return call()'s result if it comes within ``seconds``; else raise requests.Timeout (the call is left
    to end on its own in a daemon thread: a socket read cannot be interrupted from outside)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["response"] = call()
        except BaseException as exc:  # handed to the caller's thread
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="townfacts-request", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise requests.Timeout(f"no complete answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["response"]


def _read_capped(response: requests.Response, max_bytes: int) -> requests.Response:
    """Return the response with its body read, or raise ValueError when it is over max_bytes."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        response.close()
        raise ValueError(f"reply of {int(declared)} bytes refused (over {max_bytes})")
    body = bytearray()
    for chunk in response.iter_content(_CHUNK):
        body += chunk
        if len(body) > max_bytes:
            response.close()
            raise ValueError(f"reply over {max_bytes} bytes refused")
    response._content = bytes(body)  # as requests stores a body it read itself
    return response


# ---------------------------------------------------------------- one segment


def _kind_of(exc: Exception) -> str:
    """Return "stop", "retry" or "fail": what a translator's exception means for the run."""
    if isinstance(exc, (TooManyRequests, AuthorizationException, ApiKeyException)):
        return "stop"
    if isinstance(exc, ServerException):
        status = _STATUS_OF_MESSAGE.get(str(exc.args[0]) if exc.args else "")
        if status in _STOP_STATUSES:
            return "stop"
        return "retry" if status is None or status >= 500 else "fail"
    if isinstance(exc, (requests.Timeout, requests.ConnectionError, RequestError)):
        return "retry"
    if isinstance(exc, (TranslationNotFound, NotValidLength, NotValidPayload, ValueError, KeyError)):
        return "fail"  # includes a 200 answer whose body is not the expected JSON
    return "stop"  # something unforeseen: better to stop than to hammer the service


def _describe(exc: Exception) -> str:
    """Return a one-line description of a translator's exception."""
    text = " ".join(str(exc).split()) or "no message"
    return f"{type(exc).__name__}: {text}"


def _chunks(text: str, limit: Optional[int]) -> list[str]:
    """Return ``text`` cut at sentence ends into pieces of at most ``limit`` characters where possible."""
    if not limit or len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for sentence in filter(None, _SENTENCE_END.split(text)):
        if pieces and len(pieces[-1]) + len(sentence) <= limit:
            pieces[-1] += sentence
        else:
            pieces.extend(sentence[i:i + limit] for i in range(0, len(sentence), limit))
    return pieces


def _call(translator, text: str, max_retries: int, backoff: float, sleep: Callable[[float], None]) -> str:
    """Return the translation of one piece, retrying transient errors; raise _Stop or _Failed."""
    for attempt in range(max_retries + 1):
        try:
            english = translator.translate(text)
        except Exception as exc:  # deep-translator and requests raise many unrelated types
            kind = _kind_of(exc)
            if kind == "stop":
                raise _Stop(_describe(exc)) from exc
            if kind == "fail" or attempt == max_retries:
                raise _Failed(_describe(exc)) from exc
            sleep(backoff * 2 ** attempt)
            continue
        if not isinstance(english, str) or not english.strip():
            raise _Failed("empty translation")
        return english.strip()
    raise AssertionError("unreachable")


def _translate_segment(translator, text: str, limit: Optional[int], max_retries: int = 4,
                      backoff: float = 1.0, sleep: Callable[[float], None] = time.sleep) -> str:
    """Return the English of one segment (long ones sent sentence by sentence); raise _Stop or _Failed."""
    return " ".join(_call(translator, piece, max_retries, backoff, sleep) for piece in _chunks(text, limit))


# ---------------------------------------------------------------- filling the memory


def today_iso(env: Mapping[str, str] = os.environ) -> str:
    """Return today's date as YYYY-MM-DD, or the date of SOURCE_DATE_EPOCH when set."""
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


def load_or_empty(path: Path) -> Memory:
    """Return the memory at ``path``, or an empty one when the file does not exist yet."""
    return load_memory(path) if path.exists() else Memory()


def _todo(segments: Sequence[str], memory: Memory) -> list[str]:
    """Return the segments with Chinese and no entry yet, first of each key only."""
    seen, out = set(), []
    for text in segments:
        if text.strip() and needs_translation(text) and memory.entry(text) is None:
            key = normalize_segment(text)
            if key not in seen:
                seen.add(key)
                out.append(text)
    return out


@dataclass
class _Run:
    """One filling run: the translator, its settings, and the tally so far."""

    translator: object
    origin: str
    date: str
    limit: Optional[int]
    max_retries: int
    backoff: float
    sleep: Callable[[float], None]
    translated: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    failures_in_a_row: int = 0

    def translate_into(self, texts: Sequence[str], entries: list[Entry], progress: Progress, total: int) -> None:
        """Append an Entry to ``entries`` for each text translated; raise _Stop when the service refuses."""
        for text in texts:
            try:
                entry = self._entry_for(text)
            except _Failed as why:
                self._fail(text, why)
            else:
                entries.append(entry)
                self.translated.append(text)
                self.failures_in_a_row = 0
            progress(len(self.translated) + len(self.failed), total)

    def _entry_for(self, text: str) -> Entry:
        """Return the machine entry for one segment; raise _Failed for no translation or one unfit to keep."""
        english = _translate_segment(self.translator, text, self.limit, self.max_retries, self.backoff, self.sleep)
        entry = Entry(text, english, self.origin, self.date)
        problem = entry_problem(entry)  # checked before it is saved: a bad reply never bricks the file
        if problem:
            raise _Failed(f"reply refused: {problem}")
        return entry

    def _fail(self, text: str, why: _Failed) -> None:
        """Count a failed segment; raise _Stop when too many failed in a row."""
        self.failed.append(text)
        self.failures_in_a_row += 1
        log.warning("could not translate %r: %s", text[:40], why)
        if self.failures_in_a_row >= GIVE_UP_AFTER:
            raise _Stop(f"gave up after {self.failures_in_a_row} segments failed in a row (last: {why})")


def fill_memory(segments: Sequence[str], memory_path: str | Path = MEMORY_PATH, provider: str = "libre",
                base_url: Optional[str] = None, batch_size: int = 20, max_retries: int = 4,
                backoff: float = 1.0, timeout: float = 10, progress: Optional[Progress] = None,
                today: Optional[str] = None, sleep: Callable[[float], None] = time.sleep) -> FillResult:
    """Return what was done after translating the segments the memory lacks, saving after every batch."""
    path = Path(memory_path)
    for stale in remove_stale_temporaries(path):
        log.info("removed %s, left by a save that was stopped", stale)
    memory = load_or_empty(path)
    todo = _todo(segments, memory)
    if not todo:
        return FillResult()
    run = _Run(make_translator(provider, base_url), f"machine:{provider}", today or today_iso(),
               MAX_CHARS[provider], max_retries, backoff, sleep)
    progress = progress if progress is not None else ProgressBar()
    size, stopped = max(1, batch_size), None
    progress(0, len(todo))
    try:
        with request_limits(timeout):
            for start in range(0, len(todo), size):
                entries: list[Entry] = []
                try:
                    run.translate_into(todo[start:start + size], entries, progress, len(todo))
                except _Stop as why:
                    stopped = f"{provider}: {why}"
                finally:  # also on Ctrl-C or an unexpected error: what was translated is kept
                    if entries:
                        memory = memory.with_entries(entries)
                        save_memory(memory, path, new=entries)
                if stopped:
                    break
    finally:
        finish = getattr(progress, "finish", None)
        if callable(finish):
            finish()
    return FillResult(tuple(run.translated), tuple(run.failed), stopped)
