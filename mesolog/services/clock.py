"""Time as the services see it (the clock itself lives in domain/, for the store too)."""

from mesolog.domain.clock import Clock, local_now

__all__ = ["Clock", "local_now"]
