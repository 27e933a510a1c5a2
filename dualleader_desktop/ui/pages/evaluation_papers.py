"""Filling the 民主评议 grid from elsewhere: the grades from the ballots or the committee's
proposal (only where none is given yet), and the ballot papers typed one by one."""

from __future__ import annotations

from dualleader_desktop.domain.evaluation import GRADES, Step
from dualleader_desktop.ui.dialogs.ballot_entry import BallotEntryDialog
from dualleader_desktop.ui.dialogs.record_editor import commit_open_editors
from dualleader_desktop.ui.models.evaluation_model import PROBATIONARY_MARK

GRADE_LETTERS = ("Y", "H", "J", "B")  # 优秀, 合格, 基本合格, 不合格: the pinyin's first letter


class GridFilling:
    """Mixed into the EvaluationPage (its draft, model, grid and ``_edited``)."""

    def fill_proposed(self) -> None:
        """支委会建议, where none is given yet, from the grade with the most ballots."""
        self._fill(lambda line: line.ballots.majority(), "proposed")

    def fill_final(self) -> None:
        """最终等次, where none is given yet, from the committee's proposal."""
        self._fill(lambda line: line.proposed, "final")

    def _fill(self, grade_of, field: str) -> None:
        filled = 0
        for line in self.draft.lines:
            if getattr(line, field) is None and grade_of(line) is not None:
                setattr(line, field, grade_of(line))
                filled += 1
        if filled:
            self.model.recount()
            self._edited()

    # ---- ballot papers one by one --------------------------------------------------------
    def enter_ballots(self) -> BallotEntryDialog:
        commit_open_editors(self.ui.gridView)
        dialog = BallotEntryDialog(
            [
                (line.member_id, line.name + (PROBATIONARY_MARK if line.probationary else ""))
                for line in self.draft.lines
            ],
            GRADES,
            GRADE_LETTERS,
            self.draft.papers,
            title=f"逐张录入{self.year}年民主测评票",
            cast=self.draft.ballots_cast or None,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._papers_entered(dialog.papers()))
        self.ballot_dialog = dialog
        dialog.open()
        return dialog

    def _papers_entered(self, papers: list[dict]) -> None:
        self.draft.papers = papers
        if self.draft.step(Step.POLL).meeting_id is None and not self.draft.ballots_cast:
            self.ui.ballotsCastSpin.setValue(len(papers))  # the papers handed in
        self.model.recount()
        self._edited()

    def clear_papers(self) -> None:
        if not self.confirm(
            "清除选票",
            f"将删除逐张录入的 {len(self.draft.papers)} 张选票，各人的票数保留为现在的统计结果，"
            "之后可以在表中直接修改。确定吗？",
        ):
            return
        self.draft.papers = []
        self.model.recount()
        self._edited()
