"""The injection-map editor: the scalp views drawn from domain/scalp.py, the points as
a document with undo, the side panels.
"""
