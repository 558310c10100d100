"""A bounded store of built values shared by the sessions of one server: the least recently
used is dropped past its limit."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class Kept:
    """``get(key, make)``: the value kept for ``key``, else ``make()`` kept. ``make`` runs
    outside the lock (two sessions may both build one value, once each); what is kept must be
    read-only."""

    def __init__(self, limit: int):
        self.limit = limit
        self.lock = threading.Lock()
        self.held: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self.lock:
            if key in self.held:
                self.held.move_to_end(key)
                return self.held[key]
        value = make()
        with self.lock:
            self.held[key] = value
            while len(self.held) > self.limit:
                self.held.popitem(last=False)
        return value
