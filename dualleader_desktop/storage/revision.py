"""The schema revision this program writes: the newest migration's (storage/migrations). A
constant of its own module so the start-up can compare a file's revision with it before
SQLAlchemy or Alembic is imported (storage/first_screen.py, storage/migrate.py); a test checks
it against the migration scripts."""

HEAD_REVISION = "0012"
