"""Alembic environment: runs on the connection the program hands over (no alembic.ini)."""

from alembic import context

from dualleader_desktop.storage import records_models  # noqa: F401  (registers its tables)
from dualleader_desktop.storage.models import Base

connection = context.config.attributes["connection"]


def include_object(obj, name, type_, reflected, compare_to):
    """The FTS5 search index and its shadow tables are made by hand in 0002 and have no model."""
    return not (type_ == "table" and name.startswith("search_index"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy-and-move
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
