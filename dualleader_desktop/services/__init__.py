"""Use cases. Each call opens one short session and returns plain, detached objects. No Qt.

The branch a service works on is given when the service is built, with the database
(services/scope.py), and all the services of one branch are built together in one place,
``BranchServices(db, branch_id)`` (services/composition.py), which hands the archive and the
roster the services they read through: no service builds another. Every query of the service filters by it, every row it writes carries it,
and a record of another branch is as absent as a deleted one. Built once per branch rather than
taking the branch in every call, so no call can forget it or mix two branches, and a window
showing one branch simply holds that branch's services (switching branch builds new ones).

A secretary's database holds one branch and never sees the difference: the window and the
commands (``--branch``) pass the database's one branch, or None while it has none yet; a service
given None finds the one branch on first use, and the first record written to a database
without a branch makes it (unnamed, named on the branch page as before). A database of several
branches must name the branch: None there raises ``SeveralBranchesError``.
"""
