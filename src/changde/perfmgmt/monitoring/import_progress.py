"""How far a running import has got, for the upload page to show.

An import is one request and one transaction (all or nothing), so its progress
cannot be written to the database while it runs. The import reports it here,
in this Zope process's memory, under a token the upload page chose; the page
polls ``@@monitoring-import-progress?token=…``. With several Zope instances a
poll may reach another instance, which answers "unknown" and the page keeps
its spinner: progress is a courtesy, the import's result is what counts.
"""

import threading
import time

#: Entries are forgotten this long after their last report (seconds).
KEEP_SECONDS = 3600
#: Report every this many rows (and at the end of each phase).
STEP = 50

_lock = threading.Lock()
_entries = {}


def report(token, phase, done, total):
    """Record that ``done`` of ``total`` rows went through ``phase``
    (``checking``, ``writing`` or ``done``)."""
    if not token:
        return
    now = time.monotonic()
    with _lock:
        for stale in [k for k, v in _entries.items() if now - v["at"] > KEEP_SECONDS]:
            del _entries[stale]
        _entries[token] = {"phase": phase, "done": done, "total": total, "at": now}


def progress_of(token):
    """``{"phase", "done", "total"}`` of ``token``, or None when unknown here."""
    with _lock:
        entry = _entries.get(token)
        if entry is None:
            return None
        return {key: entry[key] for key in ("phase", "done", "total")}


def reporter(token):
    """A callback ``(phase, done, total)`` for the importer that reports every
    :data:`STEP` rows and the last one; a no-op without a token."""

    def callback(phase, done, total):
        if done == total or done % STEP == 0:
            report(token, phase, done, total)

    return callback if token else None
