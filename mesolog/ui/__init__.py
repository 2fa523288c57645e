"""The desktop window: PySide6 widgets, item models and dialogs."""
