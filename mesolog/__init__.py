"""Mesolog: a desktop logbook for scalp mesotherapy."""

__version__ = "0.1.0"
APP_NAME = "Mesolog"
