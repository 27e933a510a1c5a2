from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from dualleader_desktop.domain.enums import Gender, MemberStatus, TransferDirection
from dualleader_desktop.domain.member_search import matching_members
from dualleader_desktop.domain.validators import build_id_number
from dualleader_desktop.services.branch import BranchService
from dualleader_desktop.services.members import MemberService
from dualleader_desktop.ui.pages.members_page import MembersPage
from tests.conftest import TODAY, make_draft
from tests.gui.chinese_input import type_text


@pytest.fixture
def page(qtbot, db):
    BranchService(db).save_group("第一党小组", None)
    page = MembersPage(MemberService(db), BranchService(db))
    qtbot.addWidget(page)
    return page


def test_add_a_member_through_the_dialog(qtbot, page, db):
    dialog = page.add_member()
    qtbot.waitExposed(dialog)
    ui = dialog.ui
    type_text(ui.nameEdit, "欧阳晓燕")
    number = build_id_number("360102", date(1988, 3, 9), 42, Gender.FEMALE)
    type_text(ui.idNumberEdit, number.lower())
    assert ui.birthDateEdit.text() == "1988-03-09"  # filled from the ID number
    assert ui.genderCombo.currentText() == "女"
    type_text(ui.departmentEdit, "工业机器人教研室")
    ui.groupCombo.setCurrentIndex(ui.groupCombo.findText("第一党小组"))
    qtbot.keyClicks(ui.joinedDateEdit, "2012-06-30")
    qtbot.keyClicks(ui.fullMemberDateEdit, "2013.6.30")
    with qtbot.waitSignal(dialog.saved):
        ui.buttonBox.button(ui.buttonBox.StandardButton.Save).click()
    [member] = matching_members(MemberService(db).list_members(), "欧阳")
    assert member.id_number == number  # stored upper-case
    assert member.department == "工业机器人教研室"
    assert member.party_group_name == "第一党小组"
    assert member.full_member_date == date(2013, 6, 30)
    assert page.model.rowCount() == 1


def test_invalid_id_number_is_marked_and_nothing_saved(qtbot, page, db):
    dialog = page.add_member()
    ui = dialog.ui
    type_text(ui.nameEdit, "王伟")
    type_text(ui.idNumberEdit, "360102198807090011")
    ui.phoneEdit.setText("12345")
    dialog.save()
    assert ui.idNumberError.isVisible() and "校验位" in ui.idNumberError.text()
    assert ui.phoneError.isVisible()
    assert dialog.isVisible()
    assert MemberService(db).list_members() == []


def test_edit_and_transfer_out(qtbot, page, db):
    service = MemberService(db)
    record = service.add(make_draft("李娜", gender=None, sequence=12), today=TODAY)
    page.refresh()
    page.view.selectRow(0)
    dialog = page.edit_member(record.id)
    assert dialog.ui.fullMemberDateEdit.text() == "2009-06-20"
    assert dialog.ui.fullMemberDateEdit.isEnabled()
    dialog.ui.titleCombo.setCurrentText("副教授")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert service.get(record.id).title == "副教授"
    page.view.selectRow(0)
    status = page.change_status()
    status.ui.statusCombo.setCurrentIndex(status.ui.statusCombo.findText("转出"))
    status.save()
    assert status.ui.otherOrgError.isVisible()  # the receiving organization is required
    status.ui.otherOrgEdit.setText("某大学党委")
    with qtbot.waitSignal(status.saved):
        status.save()
    assert service.get(record.id).status == MemberStatus.TRANSFERRED_OUT
    assert service.transfers(record.id)[0].direction == TransferDirection.OUT
    assert page.model.rowCount() == 0  # the roster shows members on the roll by default
    page.status_filter.setCurrentIndex(page.status_filter.findText("全部状态"))
    assert page.model.rowCount() == 1


def test_stale_edit_is_refused_with_a_message(qtbot, page, db):
    service = MemberService(db)
    record = service.add(make_draft(), today=TODAY)
    dialog = page.edit_member(record.id)
    newer = service.get(record.id).to_draft()
    newer.post = "教研室主任"
    service.update(record.id, newer, expected_version=record.version, today=TODAY)
    dialog.ui.postEdit.setText("专任教师")
    dialog.save()
    assert dialog.isVisible()
    assert service.get(record.id).post == "教研室主任"
    [box] = [w for w in dialog.findChildren(QMessageBox) if w.isVisible()]
    assert box.windowTitle() == "未能保存"
    assert box.text().startswith("该记录已被其他窗口或程序修改。请关闭本窗口，重新打开记录")


def test_an_untouched_month_only_date_survives_an_edit_and_an_edited_one_becomes_exact(
    qtbot, page, db
):
    service = MemberService(db)
    draft = make_draft(
        birth_date=date(1985, 7, 20), joined_date=date(2003, 7, 1), full_member_date=None
    )
    draft.month_only = frozenset({"joined_date"})  # "2003.07" from a roster: before turning 18?
    record = service.add(draft, today=TODAY)

    dialog = page.edit_member(record.id)
    assert dialog.ui.joinedDateEdit.text() == "2003.07"  # as the roster shows it
    dialog.ui.titleCombo.setCurrentText("副教授")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    edited = service.get(record.id)
    assert edited.title == "副教授" and edited.month_only == {"joined_date"}

    dialog = page.edit_member(record.id)
    dialog.ui.joinedDateEdit.selectAll()
    qtbot.keyClicks(dialog.ui.joinedDateEdit, "2003-07-25")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    edited = service.get(record.id)
    assert edited.joined_date == date(2003, 7, 25) and edited.month_only == frozenset()


def test_an_action_without_a_selection_says_what_to_do(page):
    page.view.clearSelection()
    page.view.setCurrentIndex(page.view.model().index(-1, -1))
    assert page.change_status() is None
    [box] = [w for w in page.findChildren(QMessageBox) if w.isVisible()]
    assert "请先在名册中点选一名党员" in box.text()


def test_field_shortcuts_lead_to_their_fields(page):
    dialog = page.add_member()
    ui = dialog.ui
    assert ui.nameLabel.buddy() is ui.nameEdit  # Alt+N; without a buddy "(&N)" shows as is
    assert ui.idNumberLabel.buddy() is ui.idNumberEdit
    assert ui.joinedDateLabel.buddy() is ui.joinedDateEdit


# ---- a new file: nothing said before anything is typed -----------------------------------
def visible_errors(dialog) -> dict[str, str]:
    return {
        key: label.text() for key, (label, _widget) in dialog._fields.items() if label.isVisible()
    }


def opened(qtbot, dialog):
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_new_members_dates_start_empty_and_nothing_is_marked(qtbot, page, db):
    dialog = opened(qtbot, page.add_member())
    ui = dialog.ui
    assert ui.birthDateEdit.text() == ui.joinedDateEdit.text() == ""
    assert ui.fullMemberDateEdit.text() == ""
    assert ui.categoryCombo.currentText() == "正式党员"
    assert visible_errors(dialog) == {}
    # leaving a field untouched says nothing either
    ui.joinedDateEdit.setFocus()
    qtbot.keyClick(ui.joinedDateEdit, Qt.Key.Key_Tab)
    assert visible_errors(dialog) == {}

    type_text(ui.nameEdit, "欧阳晓燕")
    type_text(ui.idNumberEdit, build_id_number("360102", date(1988, 3, 9), 42, Gender.FEMALE))
    ui.buttonBox.button(ui.buttonBox.StandardButton.Save).click()
    assert visible_errors(dialog) == {"joined_date": "请填写入党时间"}  # and no 预备期 note
    assert dialog.isVisible()
    assert MemberService(db).list_members() == []


def test_a_date_typed_is_checked_when_the_field_is_left(qtbot, page, db):
    dialog = opened(qtbot, page.add_member())
    ui = dialog.ui
    recent = date.today().replace(day=1)
    ui.joinedDateEdit.setFocus()
    qtbot.keyClicks(ui.joinedDateEdit, f"{recent:%Y-%m-%d}")
    assert visible_errors(dialog) == {}  # not while typing
    qtbot.keyClick(ui.joinedDateEdit, Qt.Key.Key_Tab)
    # what was typed makes 正式党员 wrong; the empty name nobody typed is not mentioned
    assert set(visible_errors(dialog)) == {"category"}
    assert "入党不满一年" in ui.categoryError.text()
    ui.categoryCombo.setFocus()
    qtbot.keyClick(ui.categoryCombo, Qt.Key.Key_Down)  # 预备党员
    assert ui.categoryCombo.currentText() == "预备党员"
    assert visible_errors(dialog) == {}
    assert not ui.fullMemberDateEdit.isEnabled()

    type_text(ui.nameEdit, "欧阳晓燕")
    type_text(ui.idNumberEdit, build_id_number("360102", date(1998, 3, 9), 42, Gender.FEMALE))
    with qtbot.waitSignal(dialog.saved):
        ui.buttonBox.button(ui.buttonBox.StandardButton.Save).click()
    [member] = MemberService(db).list_members()
    assert (member.joined_date, member.category.label) == (recent, "预备党员")
    assert member.birth_date == date(1998, 3, 9)


def test_a_text_that_is_no_date_is_said_on_leaving_and_on_saving(qtbot, page, db):
    dialog = opened(qtbot, page.add_member())
    ui = dialog.ui
    type_text(ui.nameEdit, "王伟")
    type_text(ui.idNumberEdit, build_id_number("360102", date(1985, 7, 3), 11, Gender.MALE))
    ui.joinedDateEdit.setFocus()
    qtbot.keyClicks(ui.joinedDateEdit, "2008-13-01")
    qtbot.keyClick(ui.joinedDateEdit, Qt.Key.Key_Tab)
    assert "月份 13 不存在" in ui.joinedDateError.text() and ui.joinedDateError.isVisible()
    ui.buttonBox.button(ui.buttonBox.StandardButton.Save).click()
    assert set(visible_errors(dialog)) == {"joined_date"}
    assert "月份 13 不存在" in ui.joinedDateError.text()
    assert MemberService(db).list_members() == []
    ui.joinedDateEdit.selectAll()
    qtbot.keyClicks(ui.joinedDateEdit, "2008.07")  # known only to the month, as on a roster
    with qtbot.waitSignal(dialog.saved):
        ui.buttonBox.button(ui.buttonBox.StandardButton.Save).click()
    [member] = MemberService(db).list_members()
    assert member.joined_date == date(2008, 7, 1) and member.month_only == {"joined_date"}


def test_a_photo_chosen_in_the_dialog_is_stored_when_the_file_is_saved(
    qtbot, page, db, tmp_path, monkeypatch
):
    from PIL import Image
    from PySide6.QtWidgets import QFileDialog

    service = MemberService(db)
    record = service.add(make_draft("李娜", gender=None, sequence=12), today=TODAY)
    picture = tmp_path / "李娜.png"
    Image.new("RGB", (300, 420), (180, 40, 40)).save(picture)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    dialog = page.edit_member(record.id)
    assert dialog.ui.photoView.text() == "无照片" and not dialog.ui.removePhotoButton.isEnabled()
    qtbot.mouseClick(dialog.ui.choosePhotoButton, Qt.MouseButton.LeftButton)
    assert not dialog.ui.photoView.pixmap().isNull()
    assert service.photo(record.id) is None  # not before the save: 取消 keeps the old photo
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    stored = service.photo(record.id)
    assert stored is not None and stored.startswith(b"\xff\xd8")  # a JPEG
    dialog = page.edit_member(record.id)
    assert not dialog.ui.photoView.pixmap().isNull() and dialog.ui.removePhotoButton.isEnabled()
    qtbot.mouseClick(dialog.ui.removePhotoButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert service.photo(record.id) is None


def test_a_file_that_is_no_picture_is_refused_in_the_dialog(qtbot, page, db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from dualleader_desktop.ui.dialogs import member_dialog

    record = MemberService(db).add(make_draft(), today=TODAY)
    text = tmp_path / "照片.jpg"
    text.write_text("不是图片", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(text), ""))
    said = []
    monkeypatch.setattr(member_dialog, "show_error", lambda _parent, *words: said.append(words))
    dialog = page.edit_member(record.id)
    qtbot.mouseClick(dialog.ui.choosePhotoButton, Qt.MouseButton.LeftButton)
    assert said and "不是能识别的图片" in said[0][1]
    assert dialog.ui.photoView.text() == "无照片"
