"""The record that contradicts itself: a 主持人 or 记录人 the roll marks 请假 or 缺席."""

from dualleader_desktop.domain.meetings import (
    AttendanceLine,
    AttendanceStatus,
    role_attendance_warnings,
)

PRESENT, LEAVE, ABSENT = AttendanceStatus.PRESENT, AttendanceStatus.LEAVE, AttendanceStatus.ABSENT


def roll(**statuses):
    """Lines numbered from 1 in the order given: roll(王伟=LEAVE, 李娜=PRESENT)."""
    return [
        AttendanceLine(number, name, status, True)
        for number, (name, status) in enumerate(statuses.items(), start=1)
    ]


def test_a_host_on_leave_is_named_with_the_status():
    lines = roll(王伟=LEAVE, 李娜=PRESENT, 张强=PRESENT)
    assert role_attendance_warnings(lines, host=(1, "王伟"), recorder=(2, "李娜")) == [
        "主持人王伟在出席情况中为“请假”，请核对主持人或出席情况。"
    ]


def test_an_absent_recorder_is_named_with_the_status():
    lines = roll(王伟=PRESENT, 李娜=ABSENT, 张强=PRESENT)
    assert role_attendance_warnings(lines, host=(1, "王伟"), recorder=(2, "李娜")) == [
        "记录人李娜在出席情况中为“缺席”，请核对记录人或出席情况。"
    ]


def test_host_and_recorder_present_or_not_on_the_roll_are_fine():
    lines = roll(王伟=PRESENT, 李娜=PRESENT, 张强=LEAVE)
    assert role_attendance_warnings(lines, host=(1, "王伟"), recorder=(2, "李娜")) == []
    # a guest host and a recorder who is not expected at this meeting (another group's)
    assert role_attendance_warnings(lines, host=(None, "外单位专家"), recorder=(9, "赵敏")) == []
    assert role_attendance_warnings(lines, host=(None, ""), recorder=(None, "")) == []


def test_both_of_them_away_are_each_warned_and_one_person_once():
    lines = roll(王伟=LEAVE, 李娜=ABSENT)
    assert role_attendance_warnings(lines, host=(1, "王伟"), recorder=(2, "李娜")) == [
        "主持人王伟在出席情况中为“请假”，请核对主持人或出席情况。",
        "记录人李娜在出席情况中为“缺席”，请核对记录人或出席情况。",
    ]
    assert role_attendance_warnings(lines, host=(2, "李娜"), recorder=(2, "李娜")) == [
        "主持人、记录人李娜在出席情况中为“缺席”，请核对主持人、记录人或出席情况。"
    ]


def test_a_typed_name_is_matched_on_the_roll_when_there_is_no_member_id():
    lines = roll(王伟=PRESENT, 李娜=LEAVE)
    [warning] = role_attendance_warnings(lines, host=(None, " 李娜 "), recorder=(None, "王伟"))
    assert warning.startswith("主持人李娜在出席情况中为“请假”")
    # two members of one name: the member id tells which of them hosted; the name alone not
    twins = [*lines, AttendanceLine(3, "李娜", PRESENT, True)]
    assert role_attendance_warnings(twins, host=(3, "李娜"), recorder=(None, "")) == []
    assert len(role_attendance_warnings(twins, host=(2, "李娜"), recorder=(None, ""))) == 1
    assert role_attendance_warnings(twins, host=(None, "李娜"), recorder=(None, "")) == []
