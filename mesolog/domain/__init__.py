"""Pure rules of the practice: no Qt, no SQLAlchemy."""
