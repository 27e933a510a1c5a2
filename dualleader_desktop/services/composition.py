"""The one place the services are built: every service of one branch, handed to each other.

Services never build one another: the archive reads the records through the branch's
meeting, talk, member, branch, evaluation and survey services, the roster through its member
and branch services,
and each gets them here. The window, the command line and the demo ask ``BranchServices`` for
what they use. Each service is built (and its module imported) on first use, so the window's
start pays only for the roster's.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from dualleader_desktop.storage.database import Database

if TYPE_CHECKING:
    from dualleader_desktop.services.archive import ArchiveService
    from dualleader_desktop.services.assessment import AssessmentService
    from dualleader_desktop.services.branch import BranchService
    from dualleader_desktop.services.compliance import ComplianceService
    from dualleader_desktop.services.evaluations import EvaluationService
    from dualleader_desktop.services.history_service import HistoryService
    from dualleader_desktop.services.layouts import LayoutService
    from dualleader_desktop.services.meetings import MeetingService
    from dualleader_desktop.services.members import MemberService
    from dualleader_desktop.services.roster import RosterService
    from dualleader_desktop.services.search import SearchService
    from dualleader_desktop.services.statistics import StatisticsService
    from dualleader_desktop.services.summary import SummaryService
    from dualleader_desktop.services.surveys import SurveyService
    from dualleader_desktop.services.talks import TalkService


class BranchServices:
    """The services of the branch ``branch_id`` (None: the database's one branch, as
    services/scope.py says)."""

    def __init__(self, db: Database, branch_id: int | None = None) -> None:
        self.db, self.branch_id = db, branch_id

    @cached_property
    def members(self) -> MemberService:
        from dualleader_desktop.services.members import MemberService

        return MemberService(self.db, self.branch_id)

    @cached_property
    def branch(self) -> BranchService:
        from dualleader_desktop.services.branch import BranchService

        return BranchService(self.db, self.branch_id)

    @cached_property
    def meetings(self) -> MeetingService:
        from dualleader_desktop.services.meetings import MeetingService

        return MeetingService(self.db, self.branch_id)

    @cached_property
    def talks(self) -> TalkService:
        from dualleader_desktop.services.talks import TalkService

        return TalkService(self.db, self.branch_id)

    @cached_property
    def evaluations(self) -> EvaluationService:
        from dualleader_desktop.services.evaluations import EvaluationService

        return EvaluationService(self.db, self.branch_id)

    @cached_property
    def surveys(self) -> SurveyService:
        from dualleader_desktop.services.surveys import SurveyService

        return SurveyService(self.db, self.branch_id)

    @cached_property
    def search(self) -> SearchService:
        from dualleader_desktop.services.search import SearchService

        return SearchService(self.db, self.branch_id)

    @cached_property
    def history(self) -> HistoryService:
        from dualleader_desktop.services.history_service import HistoryService

        return HistoryService(self.db, self.branch_id)

    @cached_property
    def archive(self) -> ArchiveService:
        from dualleader_desktop.services.archive import ArchiveService

        return ArchiveService(
            self.db,
            self.branch_id,
            branch=self.branch,
            members=self.members,
            meetings=self.meetings,
            talks=self.talks,
            evaluations=self.evaluations,
            surveys=self.surveys,
            layout=self.layout,
            assessment=self.assessment,
        )

    @cached_property
    def compliance(self) -> ComplianceService:
        from dualleader_desktop.services.compliance import ComplianceService

        return ComplianceService(
            self.db, self.branch_id, talks=self.talks, evaluations=self.evaluations
        )

    @cached_property
    def assessment(self) -> AssessmentService:
        from dualleader_desktop.services.assessment import AssessmentService

        return AssessmentService(
            self.db,
            self.branch_id,
            compliance=self.compliance,
            statistics=self.statistics,
            talks=self.talks,
            evaluations=self.evaluations,
            surveys=self.surveys,
        )

    @cached_property
    def summary(self) -> SummaryService:
        from dualleader_desktop.services.summary import SummaryService

        return SummaryService(
            assessment=self.assessment,
            meetings=self.meetings,
            talks=self.talks,
            evaluations=self.evaluations,
            branch=self.branch,
        )

    @cached_property
    def statistics(self) -> StatisticsService:
        from dualleader_desktop.services.statistics import StatisticsService

        return StatisticsService(self.db, self.branch_id)

    @cached_property
    def layout(self) -> LayoutService:
        from dualleader_desktop.services.layouts import LayoutService

        return LayoutService(self.db, self.branch_id)

    @cached_property
    def roster(self) -> RosterService:
        from dualleader_desktop.services.roster import RosterService

        return RosterService(self.db, self.branch_id, members=self.members, branch=self.branch)
