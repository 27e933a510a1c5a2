"""Alembic environment: runs on the connection the program hands over (no alembic.ini)."""

from alembic import context

from dualleader_desktop.storage import records_models  # noqa: F401  (registers its tables)
from dualleader_desktop.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copy-and-move
)
with context.begin_transaction():
    context.run_migrations()
