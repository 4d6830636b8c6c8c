"""The default report template (the "report" key of
registration/schema/hunan-department-2023.json), kept here as Python data
for readability and written into the schema by:

    /usr/bin/python3 tools/report_template.py

The outline is the reference report's (a city-level 部门整体支出绩效自评报告,
Hunan 2023) with its numbering generated, so 一 … 十二 never skip or repeat.
Sentences of absence ("本单位无…", "本年度未设置…") are the lists' "empty"
texts: the engine writes them only where the workbook states the absence,
else it asks for the rows.  The three fund tables are "none_when_blank":
the workbook's 填报说明 (item 11) says they stay blank when there is no such
spending.
"""
import json
import os

AMOUNT_ROW = lambda label, key: [label, "{spending.%s.budget_initial|amount?}" % key,
                                 "{spending.%s.budget|amount?}" % key,
                                 "{spending.%s.executed|amount?}" % key,
                                 "{spending.%s.execution_rate|percent?}" % key]

INDICATOR_CASES = [
    {"where": "qualitative",
     "paragraph": "{.level3}：年度指标值为“{.target}”，实际完成情况为“{.actual}”，评价档次为“{.band}”，"
                  "得分{.score|score}分（分值{.weight|number}分）。{.deviation?}"},
    {"where": "unmet",
     "paragraph": "{.level3}：年度指标值{.target}，实际完成值{.actual}，完成率{.completion|percent}，"
                  "未达到年度指标，得分{.score|score}分（分值{.weight|number}分）。偏差原因及改进措施：{.deviation}"},
    {"paragraph": "{.level3}：年度指标值{.target}，实际完成值{.actual}，完成率{.completion|percent}，"
                  "得分{.score|score}分（分值{.weight|number}分）。{.deviation?}"},
]


def indicators_of(level1):
    return {"each": "indicators", "where": "level1=" + level1, "numbered": True,
            "cases": INDICATOR_CASES, "empty": "本年度未设置%s。" % level1}


def fund_section(title, table, nothing):
    return {"title": title, "body": [
        {"each": table, "numbered": True,
         "paragraph": "{.name}：预算数{.budget|amount}万元，执行数{.executed|amount}万元。{.note?}",
         "empty": nothing}]}


def fund_annex(title, table, name):
    return {"title": title, "body": [
        {"if": "empty:" + table, "then": [{"paragraph": "本单位无此项支出。", "style": "center"}], "else": [
            {"table": {"name": name, "header": ["项目", "预算数（万元）", "执行数（万元）", "说明"],
                       "source": table, "row": ["{.name}", "{.budget|amount?}", "{.executed|amount?}", "{.note?}"]}}]}]}


FUND_TABLES = ["government_funds", "state_capital", "social_insurance"]

REPORT = {
    "title": "{department}{year}年度部门整体支出绩效自评报告",
    "none_when_blank": FUND_TABLES,
    "preamble": [
        {"paragraph": "单位名称（盖章）：{department}", "style": "plain"},
        {"paragraph": "{report_date}", "style": "right"},
    ],
    "sections": [
        {"title": "部门基本情况", "sections": [
            {"title": "部门职责", "body": ["{department}的主要职责是：{duties}"]},
            {"title": "机构设置", "body": ["{organisation}"]},
            {"title": "部门整体支出规模、使用方向和主要内容、涉及范围", "body": [
                "{department}{year}年度整体支出规模为{spending.total.executed|amount}万元，其中基本支出"
                "{spending.basic.executed|amount}万元，项目支出{spending.project.executed|amount}万元。"
                "年初预算数{spending.total.budget_initial|amount}万元，全年预算数{spending.total.budget|amount}万元，"
                "预算执行率{spending.total.execution_rate|percent}。",
                "主要用于：",
                "{spending.uses}",
                "涉及范围：{spending.scope}",
            ]},
        ]},
        {"title": "一般公共预算支出情况", "sections": [
            {"title": "基本支出", "body": [
                "{department}基本支出{spending.basic.executed|amount}万元，其中：",
                {"each": "expense_items", "rows": "groups", "numbered": True,
                 "paragraph": "{.name}{.executed|amount}万元，包括{items}。",
                 "items": {"paragraph": "{.name}{.executed|amount}万元", "separator": "、"}},
            ]},
            {"title": "项目支出", "body": [
                "{year}年度项目支出{spending.project.executed|amount}万元，具体情况如下：",
                {"each": "projects", "numbered": True,
                 "paragraph": "{.name}：全年预算数{.budget|amount}万元，全年执行数{.executed|amount}万元，"
                              "执行率{.execution_rate|percent}。{.result?}",
                 "empty": "本年度无项目支出。"},
                "{projects.funds_management}",
            ]},
        ]},
        {"title": "项目组织实施情况", "sections": [
            {"title": "项目组织情况", "body": ["{projects.organisation}"]},
            {"title": "项目管理情况", "body": ["{projects.management}"]},
        ]},
        {"title": "资产管理情况", "body": ["{assets.management}"]},
        fund_section("政府性基金预算支出情况", "government_funds", "本单位无政府性基金预算支出。"),
        fund_section("国有资本经营预算支出情况", "state_capital", "本单位无国有资本经营预算支出。"),
        fund_section("社会保险基金预算支出情况", "social_insurance", "本单位未安排社会保险基金预算支出。"),
        {"title": "部门整体支出绩效情况", "sections": [
            {"title": "绩效目标设置情况", "body": ["{performance.targets}"]},
            {"title": "绩效目标完成情况", "body": ["{performance.summary}"], "sections": [
                {"title": "预算执行", "body": [
                    "全年预算数{spending.total.budget|amount}万元，全年执行数{spending.total.executed|amount}万元，"
                    "预算执行率{spending.total.execution_rate|percent}，得分{execution.points|score}分"
                    "（分值{execution.weight|number}分）。{execution.explanation?}"]},
                {"title": "产出指标", "body": [indicators_of("产出指标")]},
                {"title": "效益指标", "body": [indicators_of("效益指标")]},
                {"title": "满意度指标", "body": [indicators_of("满意度指标")]},
            ]},
            {"title": "自评结论", "body": [
                "经自评，{department}{year}年度部门整体支出绩效自评得分{total_score|score}分，"
                "评价等级为“{grade}”。"]},
        ]},
        {"title": "存在的主要问题及原因分析", "body": ["{problems}"]},
        {"title": "下一步改进措施", "body": ["{improvements}"]},
        {"title": "绩效自评结果拟应用和公开情况", "body": ["{publication}"]},
        {"title": "其他需要说明的情况", "body": ["{other}"]},
    ],
    "annexes": [
        {"title": "附件1　部门整体支出绩效评价基础数据表", "body": [
            {"table": {"name": "基础数据表", "caption": "单位：万元",
                       "header": ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"],
                       "rows": [AMOUNT_ROW("整体支出", "total"), AMOUNT_ROW("其中：基本支出", "basic"),
                                AMOUNT_ROW("项目支出", "project")]}},
            {"table": {"name": "财政供养人员", "header": ["财政供养人员", "编制数", "实际在职人数", "控制率"],
                       "rows": [["人数", "{staff.authorised|integer?}", "{staff.actual|integer?}",
                                 "{staff.control_rate|percent?}"]]}},
            {"table": {"name": "经费控制", "widths": [2, 1, 1, 1], "header": ["经费控制（万元）", "上年决算数", "本年预算数", "本年决算数"],
                       "rows": [
                           ["公务用车购置及运行维护费", "{three_public.vehicle.previous|amount?}",
                            "{three_public.vehicle.budget|amount?}", "{three_public.vehicle.actual|amount?}"],
                           ["因公出国（境）费", "{three_public.abroad.previous|amount?}",
                            "{three_public.abroad.budget|amount?}", "{three_public.abroad.actual|amount?}"],
                           ["公务接待费", "{three_public.reception.previous|amount?}",
                            "{three_public.reception.budget|amount?}", "{three_public.reception.actual|amount?}"],
                           ["“三公”经费合计", "{three_public.total.previous|amount?}",
                            "{three_public.total.budget|amount?}", "{three_public.total.actual|amount?}"],
                           ["人员经费", "{spending.personnel.previous|amount?}", "{spending.personnel.budget|amount?}",
                            "{spending.personnel.actual|amount?}"],
                           ["公用经费", "{spending.operating.previous|amount?}", "{spending.operating.budget|amount?}",
                            "{spending.operating.actual|amount?}"],
                           ["政府采购金额", "{procurement.previous|amount?}", "{procurement.budget|amount?}",
                            "{procurement.actual|amount?}"]]}},
            {"table": {"name": "基本支出明细", "widths": [1, 2.5, 1.3], "header": ["科目编码", "科目名称", "全年执行数（万元）"],
                       "source": "expense_items", "row": ["{.code}", "{.name}", "{.executed|amount?}"]}},
        ]},
        {"title": "附件2　部门整体支出绩效自评表", "body": [
            {"table": {"name": "部门整体支出绩效自评表",
                       "widths": [1, 1.1, 1.5, 1.2, 1.2, 0.6, 0.7, 1.9],
                       "header": ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                  "偏差原因分析及改进措施"],
                       "rows": [["预算执行率", "", "", "≥90%", "{spending.total.execution_rate|percent?}",
                                 "{execution.weight|number?}", "{execution.points|score?}",
                                 "{execution.explanation?}"]],
                       "source": "indicators",
                       "row": ["{.level1}", "{.level2}", "{.level3}", "{.target}", "{.actual}", "{.weight|number?}",
                               "{.score|score?}", "{.deviation?}"],
                       "after": [["总分", "", "", "", "", "{weight_total|number?}", "{total_score|score?}",
                                  "等级：{grade?}"]]}}]},
        {"title": "附件3　项目支出绩效自评表", "body": [
            {"each": "projects", "empty": "本年度无项目支出。",
             "table": {"name": "项目支出绩效自评表{index}", "caption": "{.name}",
                       "widths": [1.2, 1, 1.2, 1],
                       "header": ["项目名称", "{.name}"],
                       "rows": [["年初预算数（万元）", "{.budget_initial|amount?}", "全年预算数（万元）",
                                 "{.budget|amount?}"],
                                ["全年执行数（万元）", "{.executed|amount?}", "执行率", "{.execution_rate|percent?}"],
                                ["年度目标", "{.target?}"],
                                ["实际完成情况", "{.result?}"],
                                ["偏差说明", "{.explanation?}"]]}}]},
        fund_annex("附件4　政府性基金预算支出情况表", "government_funds", "政府性基金预算支出情况表"),
        fund_annex("附件5　国有资本经营预算支出情况表", "state_capital", "国有资本经营预算支出情况表"),
        fund_annex("附件6　社会保险基金预算支出情况表", "social_insurance", "社会保险基金预算支出情况表"),
    ],
}


def main():
    path = os.path.join(os.path.dirname(__file__), "..", "registration", "schema", "hunan-department-2023.json")
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    schema.pop("sections", None)
    schema["report"] = REPORT
    with open(path, "w", encoding="utf-8") as f:
        json.dump(schema, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
