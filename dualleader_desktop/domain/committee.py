"""The branch committee (支部委员会): how long a term runs (DOMAIN.md, "The branch").

"A committee term is 3 years (from the election day to the day before its third anniversary:
elected 2024-06-15, the term ends 2027-06-14)". One function says it, for the 支委 dialog's
proposed end, the demo data and anything else that needs a term's last day.
"""

from __future__ import annotations

from datetime import date, timedelta

COMMITTEE_TERM_YEARS = 3


def term_end(start: date, years: int = COMMITTEE_TERM_YEARS) -> date:
    """The last day of a term that starts on ``start``: the day before its ``years``-th
    anniversary. The anniversary of 29 February in a year without one is 1 March, so such a
    term ends on 28 February."""
    try:
        anniversary = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        anniversary = date(start.year + years, 3, 1)
    return anniversary - timedelta(days=1)
