"""Alembic environment: runs on the connection the program hands over (no alembic.ini)."""

from alembic import context

from dualleader_desktop.storage import records_models  # noqa: F401  (registers its tables)
from dualleader_desktop.storage.models import Base

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):
    """The search index's tables (search_entries, and FTS5 with its shadow tables on SQLite)
    are storage/search_backend.py's, made by hand in 0002 and 0007, and have no model."""
    if type_ == "index":
        return not obj.table.name.startswith("search_")
    return not (type_ == "table" and name.startswith("search_"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by copy-and-move; other databases have ALTER TABLE
    render_as_batch=connection.dialect.name == "sqlite",
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
