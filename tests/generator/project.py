"""project.py: a project's 项目支出绩效自评表, made up from a seed.

make(seed, rules) returns a Project: what a project's staff would type into
the national form (registration/schema/national-project-2020.json),
internally consistent: each column of 项目资金 the sum of its three sources
in cents, every spending within its budget (or, now and then, above it and
explained), a low execution rate explained, indicator weights adding up to
90, unmet or far-exceeded indicators explained.  Indicators are made by
department.py's IndicatorMaker, so their values are written the same many
ways.

A Project offers what layout.render reads of a department (info, budget,
indicators; no line items, projects or funds tables), so one layout writes
both forms.
"""
import random
from dataclasses import dataclass, field

import department as dept

SCHEMA_FILE = "national-project-2020.json"

SOURCES = ["fiscal", "carryover", "other"]
ROWS = ["total"] + SOURCES
COLUMNS = ["budget_initial", "budget", "executed"]

PROJECTS = ["科普专项", "院士专家工作站经费", "乡村振兴示范村建设", "农村饮水安全巩固提升", "中小学校舍维修改造",
            "公共文化服务体系建设", "非物质文化遗产保护传承", "全民健身设施建设", "困难群众救助补助",
            "就业创业服务补助", "高标准农田建设", "河湖长制工作经费", "森林防火专项", "食品安全抽检监测",
            "政务信息化平台运维", "档案数字化加工", "普法宣传教育", "安全生产监管执法", "基层医疗卫生服务能力提升",
            "城乡环境综合整治"]
UNITS = ["综合服务中心", "事务中心", "服务站", "管理所", "中心"]
EXPLANATIONS = ["年中追加资金，按程序报批后支出。", "项目提前实施，经批准调剂资金支付。",
                "部分工程跨年度实施，结转下年继续使用。", "上级补助资金年底下达，未能全部支出。"]


@dataclass
class Project:
    seed: int
    name: str
    year: int
    info: dict = field(default_factory=dict)        # field id -> text or number
    budget: dict = field(default_factory=dict)      # field id -> cents (amounts) or the weight
    indicators: list = field(default_factory=list)  # dept.Indicator, or (level1, level2) for a spare row
    contact: dict = field(default_factory=dict)
    items: list = field(default_factory=list)       # none: what layout reads of a department
    items_total: int = 0
    projects: list = field(default_factory=list)
    funds: dict = field(default_factory=dict)

    def amount(self, row, column):
        return self.budget["funds.%s.%s" % (row, column)]

    def set_amount(self, row, column, cents):
        self.budget["funds.%s.%s" % (row, column)] = cents


def funds(rng, rules):
    """{(row, column): cents} with every total the sum of its sources, and
    the explanations its spending needs: {row: text}."""
    amounts, notes = {}, {}
    used = ["fiscal"] + [s for s in ("carryover", "other") if rng.random() < 0.45]
    for source in SOURCES:
        if source in used:
            budget = dept.cents(rng, 2, 300)
            executed = int(budget * rng.uniform(0.93, 1.0))
            initial = int(budget * rng.uniform(0.6, 1.0)) if source == "fiscal" else rng.choice([0, budget])
        else:
            budget = executed = initial = 0
        amounts[(source, "budget_initial")], amounts[(source, "budget")] = initial, budget
        amounts[(source, "executed")] = executed
    if rng.random() < 0.1:                    # a low execution rate, explained
        amounts[("fiscal", "executed")] = int(amounts[("fiscal", "budget")] * rng.uniform(0.5, 0.8))
    if rng.random() < 0.1 and len(used) > 1:  # a source spent above its budget, explained
        over = used[1]
        shift = min(amounts[(over, "budget")] // 10 + 100, amounts[("fiscal", "executed")])
        amounts[(over, "executed")] = amounts[(over, "budget")] + shift
        amounts[("fiscal", "executed")] -= shift
        notes[over] = rng.choice(EXPLANATIONS)
    for column in COLUMNS:
        amounts[("total", column)] = sum(amounts[(s, column)] for s in SOURCES)
    rate = amounts[("total", "executed")] / amounts[("total", "budget")]
    if rate < rules["execution_explain_below"] + 0.02:
        notes["total"] = rng.choice(dept.TEXTS["explanation"])
    return amounts, notes


def make(seed, rules):
    """A project, reproducible from seed; `rules` are the schema's
    settings.scoring (what validation will expect)."""
    rng = random.Random(seed)
    year = rng.choice([2022, 2023, 2024])
    city = rng.choice(dept.CITIES)
    agency = rng.choice(dept.AGENCIES)
    p = Project(seed=seed, name=rng.choice(PROJECTS), year=year)
    p.info = {"year": year, "project": p.name, "department": city + agency,
              "unit": city + agency.replace("局", "") + rng.choice(UNITS) if rng.random() < 0.6 else city + agency,
              "goal.expected": "".join(rng.sample(dept.TEXTS["general"], 2)),
              "goal.achieved": "".join(rng.sample(dept.TEXTS["general"], 2))}
    amounts, notes = funds(rng, rules)
    for (row, column), cents in amounts.items():
        p.set_amount(row, column, cents)
    for row, text in notes.items():
        p.info["funds.%s.explanation" % row] = text
    p.budget["funds.weight"] = 10

    maker = dept.IndicatorMaker(rng, rules, year)
    chosen = rng.sample(dept.QUANTITY_POOL, rng.randint(3, 10))
    chosen.sort(key=lambda entry: list(dept.LEVEL1_OF).index(entry[0]))
    indicators = [maker.make(*entry) for entry in chosen]
    cost = maker.cost(p.amount("total", "executed"), p.amount("total", "budget"),
                      rng.choice(["项目总成本", "项目支出", "项目资金支出", "成本控制"]))
    outputs = [i for i in indicators if i.level1 == "产出指标"]
    others = [i for i in indicators if i.level1 != "产出指标"]
    indicators = outputs + [cost] + others + [maker.satisfaction()]
    for ind, weight in zip(indicators, dept.split_weights(rng, 90, len(indicators))):
        ind.weight = weight
    rows = []
    for ind in indicators:
        if rng.random() < 0.15:
            rows.append((ind.level1, ind.level2))   # a spare row of the blank form
        rows.append(ind)
    p.indicators = rows
    return p
