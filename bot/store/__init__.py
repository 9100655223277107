"""Storage: SQLAlchemy models, migrations, and the repositories the channels use."""
