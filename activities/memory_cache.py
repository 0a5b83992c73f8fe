"""Django's in-process cache with a limit on memory as well as on entries.

LocMemCache counts entries only, and the catalogue's values range from a 1 KB result card to a
search's ranked matches of several hundred KB, so a count alone does not bound what a process
holds. This one also evicts the least recently used entries while the pickled values it holds
exceed OPTIONS["MAX_BYTES"].
"""

from django.core.cache.backends.locmem import LocMemCache

DEFAULT_MAX_BYTES = 16 * 1024 * 1024

# Location -> bytes held, shared like LocMemCache's own storage by every thread's instance.
_held = {}


class SizeBoundedLocMemCache(LocMemCache):
    def __init__(self, name, params):
        super().__init__(name, params)
        self._name = name
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", DEFAULT_MAX_BYTES))
        _held.setdefault(name, 0)

    @property
    def held_bytes(self):
        return _held[self._name]

    def _forget(self, key):
        _held[self._name] -= len(self._cache[key])

    def _set(self, key, value, timeout=None):
        if len(value) > self._max_bytes:
            if key in self._cache:
                self._delete(key)
            return
        if key in self._cache:
            self._forget(key)
        super()._set(key, value, timeout)
        _held[self._name] += len(value)
        while _held[self._name] > self._max_bytes:
            oldest = next(reversed(self._cache))
            self._delete(oldest)

    def _delete(self, key):
        if key in self._cache:
            self._forget(key)
        return super()._delete(key)

    def _cull(self):
        count = len(self._cache) // self._cull_frequency if self._cull_frequency else len(self._cache)
        for _ in range(count):
            self._delete(next(reversed(self._cache)))

    def incr(self, key, delta=1, version=None):
        raise NotImplementedError("counters belong in the shared cache")

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            _held[self._name] = 0
