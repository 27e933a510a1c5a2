"""Use cases. Each call opens one short session and returns plain, detached objects. No Qt.

The branch a service works on is given when the service is built: ``XService(db, branch_id)``
(services/scope.py). Every query of the service filters by it, every row it writes carries it,
and a record of another branch is as absent as a deleted one. Built once per branch rather than
taking the branch in every call, so no call can forget it or mix two branches, and a window
showing one branch simply holds that branch's services (switching branch builds new ones).

A secretary's database holds one branch and never sees the difference: the composition roots
(app.py, commands/) pass the database's one branch, or None while it has none yet; a service
given None finds the one branch on first use, and the first record written to a database
without a branch makes it (unnamed, named on the branch page as before). A database of several
branches must name the branch: None there raises ``SeveralBranchesError``.
"""
