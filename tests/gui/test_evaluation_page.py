"""The 民主评议 page: steps and their meetings, the member grid typed by keyboard, ballot papers
typed one by one, the rules' problems and warnings, saving and reading back; the satisfaction
survey tab; and the page's models under qtmodeltester."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox

from dualleader_desktop.domain.enums import CommitteeRole, MemberCategory
from dualleader_desktop.domain.evaluation import Ballots, Grade, Step
from dualleader_desktop.domain.meetings import AttendanceStatus, MeetingKind
from dualleader_desktop.domain.satisfaction import Answer
from dualleader_desktop.services.composition import BranchServices
from dualleader_desktop.ui.models.ballot_model import PaperModel
from dualleader_desktop.ui.models.evaluation_model import (
    COL_BASIC,
    COL_EXCELLENT,
    COL_FINAL,
    COL_GOOD_SHARE,
    COL_MAJORITY,
    COL_NAME,
    COL_PROPOSED,
    COL_QUALIFIED,
    COL_TOTAL,
    EvaluationModel,
)
from dualleader_desktop.ui.models.survey_model import SurveyItemsModel
from dualleader_desktop.ui.pages import evaluation_exports
from dualleader_desktop.ui.pages.evaluation_checks import ROLE
from dualleader_desktop.ui.pages.evaluation_page import EvaluationPage
from tests.conftest import TODAY, make_draft
from tests.gui.chinese_input import type_text

YEAR = 2026
NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静"]
# five papers, one a row, a grade key per member in the page's order (1 优秀 … 4 不合格,
# a space left blank); what they add up to, per member: 优秀, 合格, 基本合格, 不合格
PAPERS = ["12122", "11221", "1223 ", "21122", "12121"]
COUNTS = [(4, 1, 0, 0), (2, 3, 0, 0), (3, 2, 0, 0), (0, 4, 1, 0), (2, 2, 0, 0)]


@pytest.fixture
def services(db):
    return make_services(db)


@pytest.fixture
def page(qtbot, services, monkeypatch):
    return make_page(qtbot, services, monkeypatch)


def make_services(db) -> BranchServices:
    """Five members (陈静 a 预备党员), a secretary, and the 组织生活会 of 10 November that
    held the 民主测评 with everyone there."""
    services = BranchServices(db)
    ids = {}
    for i, name in enumerate(NAMES):
        extra = {}
        if name == "陈静":
            extra = dict(
                category=MemberCategory.PROBATIONARY,
                joined_date=date(2026, 3, 1),
                full_member_date=None,
            )
        ids[name] = services.members.add(
            make_draft(name, sequence=10 + 2 * i, **extra), today=TODAY
        ).id
    services.branch.save_seat(
        ids["王伟"], CommitteeRole.SECRETARY, date(2024, 1, 1), date(2027, 1, 1)
    )
    meeting = services.meetings.new_draft(MeetingKind.LIFE_MEETING, date(YEAR, 11, 10))
    meeting.theme = "组织生活会暨民主评议党员"
    services.poll_meeting_id = services.meetings.save(meeting).id
    services.ids = ids
    return services


def make_page(qtbot, services, monkeypatch) -> EvaluationPage:
    """The page on YEAR at 1280×800; ``confirm`` answers ``page.answer`` and keeps the
    questions asked in ``page.questions``."""
    page = EvaluationPage(
        services.evaluations,
        services.surveys,
        services.meetings,
        services.members,
        services.branch,
        archive=services.archive,
    )
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.load(YEAR)
    page.questions = []

    def confirm(title, text):
        page.questions.append(text)
        return page.answer

    page.answer = True
    monkeypatch.setattr(page, "confirm", confirm)
    return page


def choose_poll_meeting(page, meeting_id: int) -> None:
    combo = page.ui.pollMeeting
    combo.setCurrentIndex(combo.findData(meeting_id))
    combo.activated.emit(combo.currentIndex())


def row_of(page, name: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.line_at(r).name == name)


def counts_in_grid(page) -> dict[str, tuple[int, ...]]:
    model = page.model
    return {
        model.line_at(r).name: tuple(model.index(r, c).data() for c in range(1, 5))
        for r in range(model.rowCount())
    }


def type_count(qtbot, grid, text: str) -> None:
    """Type a count into the current cell as a user does: where the cell's editor is not
    open yet (Tab opens it) the first digit opens it and replaces what was there; the keys
    go to the editor, which has the focus."""
    editor = grid.indexWidget(grid.currentIndex())
    if editor is None:
        qtbot.keyClicks(grid, text[0])
        editor, text = grid.indexWidget(grid.currentIndex()), text[1:]
        assert editor is not None, "a digit opens the cell's editor"
    qtbot.keyClicks(editor, text)


def saved_draft(services):
    record = services.evaluations.find(YEAR)
    assert record is not None
    return record.draft


def save(qtbot, page) -> None:
    with qtbot.waitSignal(page.saved, timeout=5000):
        assert page.save()


def message_boxes(page) -> list[str]:
    return [box.text() for box in page.findChildren(QMessageBox) if box.isVisible()]


# ---- the whole job ---------------------------------------------------------------------


# QTest notes that the grid left Ctrl+S to the page's shortcut, as it should
@pytest.mark.qt_log_ignore("Keyboard event not accepted by receiving widget")
def test_poll_meeting_counts_typed_grades_saved(qtbot, page, services):
    ui = page.ui
    assert [page.model.line_at(r).name for r in range(5)] == [
        page.draft.lines[r].name for r in range(5)
    ]
    assert page.model.index(row_of(page, "陈静"), COL_NAME).data() == "陈静（预备）"
    choose_poll_meeting(page, services.poll_meeting_id)
    assert ui.pollDate.text() == f"{YEAR}-11-10" and ui.pollDate.isReadOnly()
    assert ui.ballotsCastSpin.value() == 5 and ui.ballotsCastSpin.isReadOnly()
    grid = ui.gridView
    grid.setFocus()
    # each member's row typed across: a count, Tab to the next count (its editor opens)
    for name, counts in zip(NAMES, COUNTS, strict=True):
        grid.setCurrentIndex(page.model.index(row_of(page, name), COL_EXCELLENT))
        for position, count in enumerate(counts):
            type_count(qtbot, grid, str(count))
            if position < 3:
                qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Tab)
        qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)
    assert counts_in_grid(page) == dict(zip(NAMES, COUNTS, strict=True))
    row = row_of(page, "王伟")
    assert page.model.index(row, COL_TOTAL).data() == 5
    assert page.model.index(row, COL_GOOD_SHARE).data() == "100.0%"
    assert page.model.index(row_of(page, "刘洋"), COL_MAJORITY).data() == "合格"
    # grades by key: 1 优秀 … 4 不合格, each moving down
    grid.setCurrentIndex(page.model.index(0, COL_PROPOSED))
    for _ in NAMES:
        qtbot.keyClick(grid, Qt.Key.Key_2)
    page.fill_final()
    grid.setCurrentIndex(page.model.index(row_of(page, "王伟"), COL_FINAL))
    qtbot.keyClick(grid, Qt.Key.Key_1)
    assert page.model.index(row_of(page, "王伟"), COL_FINAL).data() == "优秀"
    assert page.model.index(row_of(page, "李娜"), COL_FINAL).data() == "合格"
    assert "优秀 1 人，合格 4 人" in ui.distributionLabel.text()
    assert "优秀最多 1 人" in ui.distributionLabel.text()
    assert "有尚未保存的修改" in ui.statusLabel.text()
    with qtbot.waitSignal(page.saved, timeout=5000):
        qtbot.keyClick(grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "已保存" in ui.statusLabel.text() and not page.dirty
    draft = saved_draft(services)
    lines = {line.name: line for line in draft.lines}
    assert {name: lines[name].ballots.counts() for name in NAMES} == dict(
        zip(NAMES, COUNTS, strict=True)
    )
    assert lines["王伟"].final == Grade.EXCELLENT and lines["李娜"].proposed == Grade.QUALIFIED
    assert draft.ballots_cast == 5
    assert draft.step(Step.POLL).meeting_id == services.poll_meeting_id
    assert draft.step(Step.POLL).on == date(YEAR, 11, 10)


def test_ballots_typed_one_by_one_equal_the_counts(qtbot, page, services):
    choose_poll_meeting(page, services.poll_meeting_id)
    dialog = page.enter_ballots()
    qtbot.waitExposed(dialog)
    view = dialog.ui.paperView
    position = {line.name: n for n, line in enumerate(page.draft.lines)}
    for paper in PAPERS:
        keys = [" "] * 5  # the papers list members in the draft's order
        for name, key in zip(NAMES, paper, strict=True):
            keys[position[name]] = key
        qtbot.keyClicks(view, "".join(keys))
        # a slip taken back: Backspace clears the last mark, the right key follows
        qtbot.keyClick(view, Qt.Key.Key_Backspace)
        qtbot.keyClicks(view, "J" if keys[-1] != "3" else "H")
        qtbot.keyClick(view, Qt.Key.Key_Backspace)
        qtbot.keyClicks(view, keys[-1])
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert dialog.ui.counterLabel.text() == "第 6 张 / 共 6 张"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert dialog.ui.counterLabel.text() == "第 5 张 / 共 6 张"
    assert "本张已填" in dialog.ui.progressLabel.text()
    dialog.accept()
    assert len(page.draft.papers) == 5
    assert counts_in_grid(page) == dict(zip(NAMES, COUNTS, strict=True))
    # counts from papers are read-only while the papers exist
    index = page.model.index(0, COL_EXCELLENT)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert "已逐张录入 5 张" in page.ui.papersLabel.text()
    save(qtbot, page)
    draft = saved_draft(services)
    assert len(draft.papers) == 5
    lines = {line.name: line.ballots.counts() for line in draft.lines}
    assert lines == dict(zip(NAMES, COUNTS, strict=True))
    # back to typed counts: asked first, the counts stay and become editable
    page.clear_papers()
    assert page.questions and "5 张选票" in page.questions[-1]
    assert page.draft.papers == [] and index.flags() & Qt.ItemFlag.ItemIsEditable
    assert counts_in_grid(page) == dict(zip(NAMES, COUNTS, strict=True))


def test_counts_over_the_ballots_cast_refuse_the_save(qtbot, page, services):
    choose_poll_meeting(page, services.poll_meeting_id)
    grid = page.ui.gridView
    grid.setFocus()
    grid.setCurrentIndex(page.model.index(row_of(page, "李娜"), COL_QUALIFIED))
    type_count(qtbot, grid, "7")
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.draft.lines[row_of(page, "李娜")].ballots.qualified == 7)
    checks = page.ui.warningsList
    texts = [checks.item(r).text() for r in range(checks.count())]
    assert any("李娜的票数合计 7 张，多于投票人数 5 人" in t for t in texts)
    assert not page.save()
    assert any("请先改正以下问题" in t and "多于投票人数 5 人" in t for t in message_boxes(page))
    assert services.evaluations.find(YEAR) is None
    # put right, it saves
    grid.setCurrentIndex(page.model.index(row_of(page, "李娜"), COL_QUALIFIED))
    type_count(qtbot, grid, "3")
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.draft.lines[row_of(page, "李娜")].ballots.qualified == 3)
    save(qtbot, page)


def test_a_grade_needs_its_reason(qtbot, page, services):
    choose_poll_meeting(page, services.poll_meeting_id)
    grid = page.ui.gridView
    grid.setCurrentIndex(page.model.index(row_of(page, "刘洋"), COL_FINAL))
    qtbot.keyClick(grid, Qt.Key.Key_3)
    assert not page.save()
    assert any("刘洋评为“基本合格”，请填写理由和处理意见" in t for t in message_boxes(page))
    # the member's details under the grid: the reason and what follows
    grid.setCurrentIndex(page.model.index(row_of(page, "刘洋"), COL_NAME))
    assert page.ui.memberBox.title() == "所选党员：刘洋"
    type_text(page.ui.memberReasonEdit, "多次无故不参加组织生活")
    page.ui.followUpCombo.setCurrentIndex(1)
    page.ui.followUpCombo.activated.emit(1)
    page.ui.followUpDate.setText("2027-03-31")
    page.ui.followUpDate.edited.emit()
    assert "限期改正" in page.model.index(row_of(page, "刘洋"), 10).data()
    save(qtbot, page)
    line = next(line for line in saved_draft(services).lines if line.name == "刘洋")
    assert line.reason == "多次无故不参加组织生活"
    assert (line.follow_up.label, line.follow_up_date) == ("限期改正", date(2027, 3, 31))


def test_an_explained_warning_keeps_its_reason(qtbot, page, services):
    choose_poll_meeting(page, services.poll_meeting_id)
    page.draft.line(services.ids["张敏"]).ballots = Ballots(1, 4, 0, 0)
    page.model.recount()
    grid = page.ui.gridView
    grid.setCurrentIndex(page.model.index(row_of(page, "张敏"), COL_FINAL))
    qtbot.keyClick(grid, Qt.Key.Key_1)  # 优秀, where most ballots say 合格
    key = f"majority:{services.ids['张敏']}"
    checks = page.ui.warningsList
    [row] = [r for r in range(checks.count()) if checks.item(r).data(ROLE)[1] == key]
    assert checks.item(row).text().startswith("⚠")
    checks.setCurrentRow(row)
    assert page.ui.explainButton.isEnabled()
    dialog = page.checks.explain()
    qtbot.waitExposed(dialog)
    dialog.setTextValue("本年度获评校级优秀共产党员，支部党员大会表决通过")
    dialog.accept()
    assert page.draft.overrides[key] == "本年度获评校级优秀共产党员，支部党员大会表决通过"
    save(qtbot, page)
    assert saved_draft(services).overrides == {
        key: "本年度获评校级优秀共产党员，支部党员大会表决通过"
    }
    page.load(YEAR)  # read back from the database
    texts = [checks.item(r).text() for r in range(checks.count())]
    assert any(t.startswith("✓") and "已说明理由：本年度获评校级优秀" in t for t in texts)
    assert not any(t.startswith("⚠") for t in texts)


def test_minutes_changed_after_the_poll_warn_about_the_ballots_cast(qtbot, page, services):
    """The 测评 meeting's attendance corrected after the evaluation was saved: the page, on
    opening the year, says the ballots cast no longer agree with the minutes."""
    choose_poll_meeting(page, services.poll_meeting_id)
    checks = page.ui.warningsList
    keys = [checks.item(r).data(ROLE)[1] for r in range(checks.count())]
    assert "cast" not in keys
    save(qtbot, page)
    record = services.meetings.get(services.poll_meeting_id)
    record.draft.attendance = [
        replace(line, status=AttendanceStatus.LEAVE, reason="出差")
        if line.member_id == services.ids["张敏"]
        else line
        for line in record.draft.attendance
    ]
    services.meetings.save(record.draft, meeting_id=record.id, expected_version=record.version)
    page.load(YEAR)
    texts = {checks.item(r).data(ROLE)[1]: checks.item(r).text() for r in range(checks.count())}
    assert "投票人数 5 人，与民主测评会议记录的实到人数 4 人不一致" in texts["cast"]


def test_a_meeting_made_from_a_step_is_linked(qtbot, page, services):
    ui = page.ui
    assert ui.proposeMeeting.currentText() == "（无记录，请新建）"
    ui.proposeDate.setText(f"{YEAR}-11-20")
    ui.proposeDate.edited.emit()
    ui.proposeNew.click()
    editor = page.steps.meeting_editor
    qtbot.waitExposed(editor)
    assert editor.ui.kindCombo.currentData() == MeetingKind.COMMITTEE
    assert editor.ui.dateEdit.date().toPython() == date(YEAR, 11, 20)
    assert editor.ui.themeEdit.text() == f"研究提出{YEAR}年度民主评议党员等次建议"
    assert not editor._dirty  # started for the user: closing it asks nothing
    editor.mark_rest_present()
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save()
        if editor.save_button.text() == "仍然保存":  # warnings shown first, then saved through
            editor.save()
    [(meeting_id, _label)] = services.evaluations.meetings_for(YEAR, Step.PROPOSE)
    assert ui.proposeMeeting.currentData() == meeting_id
    assert ui.proposeDate.isReadOnly()
    assert page.draft.step(Step.PROPOSE).meeting_id == meeting_id
    meeting = services.meetings.get(meeting_id).draft
    assert meeting.theme == f"研究提出{YEAR}年度民主评议党员等次建议"
    assert all(line.status == AttendanceStatus.PRESENT for line in meeting.attendance)


def test_the_steps_fold_into_their_line_and_the_choice_is_kept(qtbot, page, services, monkeypatch):
    """Until the user chooses, a short page folds the steps and a tall one opens them. Folded
    (Alt+J), they are one line of the steps' dates, all of it in the tooltip; what the user
    chose stays, whatever the page's height, and on the next page made."""
    ui = page.ui
    assert ui.stepsBody.isVisible() and ui.stepsSummary.text() == ""  # 800 px tall
    page.resize(1280, 500)
    qtbot.waitUntil(lambda: not ui.stepsBody.isVisible())
    page.resize(1280, 800)
    qtbot.waitUntil(ui.stepsBody.isVisible)
    choose_poll_meeting(page, services.poll_meeting_id)
    qtbot.keyClicks(ui.proposeDate, f"{YEAR}-12-01")
    qtbot.keyClicks(ui.fileDate, f"{YEAR}-02-30")
    with qtbot.waitActive(page):
        page.activateWindow()
    qtbot.keyClick(page, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not ui.stepsBody.isVisible())  # a mnemonic clicks a moment later
    line = ui.stepsSummary.toolTip()
    assert line == (
        "学习动员 未填 · 个人自评 未填 · 民主测评 11-10（组织生活会） · 支委会 12-01 · "
        "党员大会 未填 · 公示 未填 · 归档 有误"
    )
    assert ui.stepsSummary.text() == line  # 1280 px has room for all of it
    qtbot.keyClick(page, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(ui.stepsBody.isVisible)
    assert ui.stepsSummary.text() == ""
    # folded with the mouse while typing in a step: the focus goes to the header
    ui.notesEdit.setFocus()
    ui.stepsToggle.click()
    assert not ui.stepsBody.isVisible() and ui.stepsToggle.hasFocus()
    page.resize(1280, 900)
    qtbot.wait(50)  # the resize reaches the page
    assert not ui.stepsBody.isVisible()  # chosen: a tall page keeps them folded
    again = make_page(qtbot, services, monkeypatch)
    assert not again.ui.stepsBody.isVisible() and again.ui.stepsSummary.text()
    again.ui.stepsToggle.click()
    again.resize(1280, 500)
    qtbot.wait(50)
    assert again.ui.stepsBody.isVisible()  # chosen: a short page keeps them open
    assert make_page(qtbot, services, monkeypatch).ui.stepsBody.isVisible()


def test_switching_year_asks_before_unsaved_changes_go(qtbot, page, services):
    page.ui.ballotsCastSpin.setValue(4)
    assert page.dirty
    combo = page.ui.yearCombo
    page.answer = False
    combo.setCurrentIndex(combo.findData(YEAR - 1))
    combo.activated.emit(combo.currentIndex())
    assert "有尚未保存的修改" in page.questions[-1]
    assert page.year == YEAR and combo.currentData() == YEAR and page.dirty
    page.answer = True
    combo.setCurrentIndex(combo.findData(YEAR - 1))
    combo.activated.emit(combo.currentIndex())
    assert page.year == YEAR - 1 and not page.dirty


def test_a_stale_save_says_so_and_offers_the_saved_one(qtbot, page, services):
    choose_poll_meeting(page, services.poll_meeting_id)
    save(qtbot, page)
    other = saved_draft(services)
    other.notes = "另一个窗口的修改"
    record = services.evaluations.find(YEAR)
    services.evaluations.save(other, evaluation_id=record.id, expected_version=record.version)
    page.draft.lines[0].reason = "本页的修改"
    page.answer = False
    assert page.save()  # started: the database says it is stale
    qtbot.waitUntil(lambda: bool(page.questions))
    assert "已被另一个窗口或程序修改" in page.questions[-1]
    assert page.draft.lines[0].reason == "本页的修改" and page.isEnabled()
    page.answer = True
    assert page.save()
    qtbot.waitUntil(lambda: page.draft.notes == "另一个窗口的修改")
    assert page.draft.lines[0].reason == "" and not page.dirty


def test_documents_need_the_record_saved_first(qtbot, page, services, monkeypatch):
    page.ui.ballotsCastSpin.setValue(4)
    chosen = []
    monkeypatch.setattr(
        evaluation_exports.QFileDialog,
        "getExistingDirectory",
        lambda *_args: chosen.append(1) or "",
    )
    page.export_document("EVALUATION_TALLY")
    assert any("请先保存本年度的民主评议" in t for t in message_boxes(page))
    assert not chosen
    names = [a.text() for a in page.ui.documentsButton.menu().actions() if a.text()]
    assert names[:2] == ["民主测评票…", "测评结果统计表…"] and "满意度测评统计表…" in names


# ---- the satisfaction survey -----------------------------------------------------------


def test_survey_counts_rates_and_sheets(qtbot, page, services):
    tab = page.survey_tab
    page.ui.tabs.setCurrentWidget(tab)
    ui = tab.ui
    assert ui.secretaryEdit.text() == "王伟"
    ui.respondentsSpin.setValue(4)
    view = ui.itemsView
    view.setFocus()
    view.setCurrentIndex(tab.model.index(0, 1))
    qtbot.keyClicks(view, "3")
    qtbot.keyClick(view.indexWidget(view.currentIndex()), Qt.Key.Key_Tab)
    qtbot.keyClicks(view.indexWidget(view.currentIndex()), "1")
    qtbot.keyClick(view.indexWidget(view.currentIndex()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.draft.items[0].counts() == (3, 1, 0))
    assert tab.model.index(0, 5).data() == "100.0%" and tab.model.index(0, 6).data() == "87.5%"
    ui.headlineCombo.setCurrentIndex(1)
    assert "以加权满意度（基本满意计半）为准" in ui.overallLabel.text()
    tab.add_item()
    type_text(view.indexWidget(view.currentIndex()), "课程思政")
    qtbot.keyClick(view.indexWidget(view.currentIndex()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.draft.items[-1].name == "课程思政")
    assert "有尚未保存的修改" in page.ui.statusLabel.text()
    assert page.save()
    record = services.surveys.find(YEAR)
    assert record.draft.items[0].counts() == (3, 1, 0)
    assert record.draft.items[-1].name == "课程思政"
    assert record.draft.secretary_name == "王伟" and record.draft.respondents == 4
    # answer sheets one by one: 1/2/3 or M/J/B per item
    dialog = tab.enter_sheets()
    qtbot.waitExposed(dialog)
    rows = dialog.model.rowCount()
    qtbot.keyClicks(dialog.ui.paperView, "M" * rows)
    qtbot.keyClick(dialog.ui.paperView, Qt.Key.Key_N)
    qtbot.keyClicks(dialog.ui.paperView, "2" + "1" * (rows - 1))
    dialog.accept()
    assert tab.draft.items[0].counts() == (1, 1, 0)
    assert tab.draft.items[1].counts() == (2, 0, 0)
    assert tab.draft.papers[0][0] == Answer.SATISFIED
    assert page.save()
    assert services.surveys.find(YEAR).draft.items[0].counts() == (1, 1, 0)


def test_survey_over_the_respondents_is_refused(qtbot, page, services):
    tab = page.survey_tab
    page.ui.tabs.setCurrentWidget(tab)
    tab.model.setData(tab.model.index(0, 1), 9)
    assert "多于参与测评人数 0 人" in tab.ui.problemsLabel.text()
    assert not page.save()
    assert any("多于参与测评人数" in t for t in message_boxes(tab))
    assert services.surveys.find(YEAR) is None


# ---- in the window, and the models -----------------------------------------------------


def test_the_window_lists_the_page_after_the_talks(qtbot, db):
    from dualleader_desktop.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.navigation.item(3).text() == "民主评议"
    window.show_page(3)
    assert window.stack.currentWidget() is window.evaluation_page
    [view_menu] = [a.menu() for a in window.menuBar().actions() if a.text().startswith("查看")]
    [action] = [a for a in view_menu.actions() if a.text() == "民主评议"]
    assert action.shortcut().toString() == "Ctrl+4"


def test_evaluation_models(qtmodeltester, services):
    draft = services.evaluations.new_draft(YEAR, today=TODAY)
    draft.ballots_cast = 5
    for line, counts in zip(draft.lines, COUNTS, strict=True):
        line.ballots = Ballots.of_counts(counts)
    model = EvaluationModel()
    model.set_draft(draft)
    qtmodeltester.check(model)
    model.sort(COL_EXCELLENT, Qt.SortOrder.DescendingOrder)
    firsts = [model.index(r, COL_EXCELLENT).data() for r in range(model.rowCount())]
    assert firsts == sorted(firsts, reverse=True)
    assert model.setData(model.index(0, COL_BASIC), "1")
    assert not model.setData(model.index(0, COL_BASIC), "-1")
    assert model.setData(model.index(0, COL_FINAL), "基本合格")
    assert model.index(0, COL_FINAL).data() == "基本合格"
    model.sort(-1)  # back to the roll's order
    assert [model.line_at(r) for r in range(model.rowCount())] == draft.lines
    qtmodeltester.check(model)
    survey = SurveyItemsModel()
    survey.set_draft(services.surveys.new_draft(YEAR, today=TODAY))
    qtmodeltester.check(survey)
    papers = PaperModel([(1, "王伟"), (2, "李娜")], list(Grade), [{1: Grade.EXCELLENT}])
    qtmodeltester.check(papers)
    assert papers.index(0, 1).data() == "优秀" and papers.index(1, 1).data() == "—"
    assert papers.index(0, 2).data() == 1


def test_the_grid_focus_starts_where_typed(qtbot, page):
    """Typing a digit on a count cell replaces what it held (no 0 before it)."""
    grid = page.ui.gridView
    grid.setFocus()
    grid.setCurrentIndex(page.model.index(0, COL_EXCELLENT))
    type_count(qtbot, grid, "4")
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.index(0, COL_EXCELLENT).data() == 4)
    assert grid.currentIndex().row() == 1  # Enter went down
    grid.setCurrentIndex(page.model.index(0, COL_EXCELLENT))
    type_count(qtbot, grid, "12")
    qtbot.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.index(0, COL_EXCELLENT).data() == 12)
