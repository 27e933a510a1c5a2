"""The demo branch: a plausible college teacher branch and a year of its records, for trying
the program out (``dualleader --demo``, ``dualleader demo``).

branch.py writes the branch, its groups, committee and members; records.py the year's
meetings (planned from domain/meeting_rules) and talks; evaluation.py the year's 民主评议党员
and satisfaction survey, on the meetings that held them; people.py and texts.py hold the names
and sentences they draw from. Written through the ordinary services, in one transaction.
"""

from dualleader_desktop.demo.branch import DemoSummary, populate_demo

__all__ = ["DemoSummary", "populate_demo"]
