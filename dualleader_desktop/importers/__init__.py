"""Reading files other programs wrote (Excel rosters) and writing them back. No Qt, no database.

The importers turn cells into drafts and Chinese messages; the services decide what to store.
"""
