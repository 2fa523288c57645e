"""Persistence: SQLAlchemy models, the database file, migrations. No Qt."""
