"""Text for the demo year: themes and sentences from which plausible minutes are composed.

The demo needs minutes of realistic length (DOMAIN.md: minutes 500–800 characters, 主题党日
900–1400, a talk 900–1600), so paragraphs are drawn from these banks until the length is reached.
"""

from __future__ import annotations

import random

MONTH_THEMES = {
    1: "学习贯彻全国教育大会精神",
    2: "新学期教学工作部署与师德师风建设",
    3: "学雷锋志愿服务与课程思政建设",
    4: "清明缅怀革命先烈，传承红色基因",
    5: "劳动教育与职业技能大赛备赛",
    6: "庆祝建党节，重温入党誓词",
    7: "暑期社会实践与校企合作调研",
    8: "学习党的创新理论，提升育人能力",
    9: "新生入学教育与教师节师德表彰",
    10: "产教融合专业建设推进",
    11: "科教融汇与教研成果转化",
    12: "年度工作总结与民主评议整改落实",
}

OPENINGS = (
    "会议由{host}主持，{recorder}记录。{host}首先通报了本月支部工作开展情况，并对下一阶段工作提出要求。",
    "{host}主持会议并讲话，强调要把党建工作与教育教学工作同谋划、同部署、同推进、同考核。",
    "会议开始，{host}传达了学院党委近期会议精神，要求全体党员结合岗位实际抓好落实。",
)
STUDY = (
    "与会党员集中学习了有关文件精神，围绕立德树人根本任务，结合专业建设和课堂教学实际谈体会、找差距。",
    "大家认为，教师党员要在课程思政建设中走在前列，把思想政治教育融入专业课程教学的全过程。",
    "会议指出，要把支部建在教研室上，推动支部活动与教研活动有机融合，破解党建和业务“两张皮”的问题。",
    "与会同志围绕产教融合、校企合作谈认识，提出要主动对接区域产业需求，把企业真实项目引入实训教学。",
    "大家结合科教融汇谈打算，表示要带领学生参与横向课题和技术服务，在科研实践中提升学生的创新能力。",
    "会议要求，全体党员要严守政治纪律和政治规矩，在师德师风建设中发挥先锋模范作用。",
)
DISCUSSION = (
    "{member}发言说，本学期承担的专业核心课已完成课程思政案例库建设，下一步将在实训环节进一步挖掘育人元素。",
    "{member}结合指导学生参加职业技能大赛的经历，谈了以赛促教、以赛促学的做法和体会。",
    "{member}汇报了与合作企业共建实训基地的进展，建议支部组织党员教师到企业开展实践锻炼。",
    "{member}谈到，青年教师在教学能力提升方面还需要老教师多带一带，建议开展结对帮扶。",
    "{member}提出，要加强对入党积极分子的日常培养考察，定期听取思想汇报，帮助他们尽快成长。",
    "{member}就学生思想动态作了发言，认为要进一步发挥班主任和辅导员党员的作用。",
)
CLOSINGS = (
    "最后，{host}作总结讲话，要求大家把学习成果转化为推动教学科研工作的实际成效。",
    "会议最后，{host}对下一步工作作了安排，要求各党小组抓好落实，按时报送工作进展。",
)
THEME_DAY_EXTRA = (
    "活动中，全体党员面向党旗重温入党誓词，进一步坚定理想信念。",
    "党员教师走进合作企业生产一线，了解新技术、新工艺和岗位能力要求，并与企业技术人员座谈交流。",
    "活动结束后，党员们纷纷表示，要以此次活动为契机，立足岗位、担当作为，在教书育人中践行初心使命。",
    "支部组织党员到社区开展志愿服务，结合专业特长为居民提供家电维修、安全用电宣传等服务。",
)
TALK_OPENING = (
    "谈话中，{talker}首先肯定了{talkee}近期在教学和科研工作中取得的成绩，对其积极参与支部活动表示赞赏。",
    "{talker}说明了此次谈话的目的：按照支部工作条例要求，了解党员思想、工作和生活情况，听取对支部工作的意见建议。",
    "{talker}开门见山，请{talkee}谈谈本学期的思想状况、工作情况以及对支部工作的看法。",
)
TALK_MIDDLE = (
    "{talkee}介绍了自己本学期的教学安排和科研计划，谈到在课程改革中遇到的一些困难。",
    "{talkee}谈到，本学期承担了两门专业核心课，其中一门正在按照新的专业教学标准重新组织教学内容。",
    "{talkee}表示，参加支部组织的理论学习后，对立德树人根本任务有了更深的理解，上课更注重价值引领。",
    "{talkee}提出，希望支部在安排主题党日时多结合专业特点，组织党员到合作企业实地学习。",
    "{talkee}反映，指导学生参加职业技能大赛占用了较多课余时间，有时难以兼顾科研工作。",
    "{talkee}谈到自己在申报省级教改课题时遇到的困难，希望得到有经验的老教师指导。",
    "{talker}结合支部“三融合”工作要求，建议{talkee}把课程思政融入专业课程教学，并积极参与校企合作项目。",
    "{talker}指出，青年教师要把教学基本功放在首位，多听老教师的课，积极参加教研室的集体备课。",
    "{talker}提醒{talkee}要注意劳逸结合，遇到困难及时向支部反映，支部将尽力协调解决。",
    "{talker}建议{talkee}把企业真实项目转化为教学案例，在科教融汇中提升自己的科研能力。",
    "{talker}介绍了学院今年在“双高”建设中的重点任务，希望{talkee}在专业建设中主动承担任务。",
    "{talker}强调，党员教师要严守师德师风底线，在学生面前做到言行一致、为人师表。",
    "{talker}表示，支部将协调教研室为{talkee}安排一名教学经验丰富的党员教师作为指导老师。",
    "双方就青年教师成长、职称评审准备、家庭生活等方面进行了坦诚交流。",
    "双方还就教研室课程标准修订、实训基地建设等工作交换了意见，{talkee}提出了三条具体建议。",
    "{talker}询问了{talkee}的家庭情况，了解到其子女今年升学，叮嘱其合理安排时间，照顾好家庭。",
    "{talkee}对支部近期开展的“三会一课”提出建议：学习内容可以更贴近教学实际，增加交流研讨环节。",
    "{talker}肯定了{talkee}在班主任工作中的投入，希望其继续关心学生的思想动态和心理健康。",
    "{talkee}坦言，在理论学习上有时满足于读原文、记笔记，联系实际思考不够，今后将加以改进。",
    "{talker}鼓励{talkee}结合所学专业，积极参与面向中小企业的技术服务和社会培训。",
    "{talker}通报了支部年度工作计划，请{talkee}在党员先锋岗创建活动中发挥带头作用。",
    "{talkee}表示，愿意牵头组织一次教学经验分享会，把自己在信息化教学方面的做法介绍给大家。",
)
TALK_CLOSING = (
    "{talkee}表示，将以更高标准要求自己，在教学一线发挥党员先锋模范作用。",
    "最后，{talkee}表示感谢支部的关心，将把谈话中提出的要求落实到日常教学和科研工作中。",
    "谈话在坦诚、融洽的氛围中结束，双方约定下学期初再次交流落实情况。",
)
TALK_TOPICS = (
    "思想状况与教学工作交流",
    "青年教师成长发展谈心",
    "课程思政与教学改革交流",
    "科研项目与职称发展谈心",
    "工作生活情况了解",
)
LECTURE_THEMES = (
    "坚定理想信念，做新时代“四有”好老师",
    "深入学习贯彻党的创新理论",
    "弘扬教育家精神，推进职业教育高质量发展",
    "以高质量党建引领“双高”建设",
)


def compose(
    rnd: random.Random,
    banks: tuple[tuple[str, ...], ...],
    target: int,
    **names: str | list[str],
) -> str:
    """Paragraphs drawn from ``banks`` in order, then more discussion, until ``target`` chars.

    ``names`` fills {host}, {recorder}, {talker}, {talkee}; a list value (``member``) gives a
    different member for each discussion sentence.
    """
    members = names.pop("member", []) or ["与会党员"]
    paragraphs: list[str] = []

    def fill(template: str) -> str:
        return template.format(member=rnd.choice(members), **names)

    for bank in banks:
        fresh = [template for template in bank if fill(template) not in paragraphs] or bank
        paragraphs.append(fill(rnd.choice(fresh)))
    pool = [s for bank in banks[1:-1] or banks for s in bank]
    rnd.shuffle(pool)
    used = set(paragraphs)
    for template in pool * 3:  # each sentence again only once the whole pool is used
        if sum(map(len, paragraphs)) >= target:
            break
        sentence = fill(template)
        if sentence not in used:
            used.add(sentence)
            paragraphs.insert(-1, sentence)
    return "\n".join(paragraphs)
