"""department.py: a department's self-evaluation, made up from a seed.

make(seed, rules) returns a Department: what a department's staff would type
into the standard workbook, internally consistent (every total the sum of its
parts in cents, the cost indicator's actual the year's spending, weights
adding up to 100, an unmet or far-exceeded indicator explained, a low
execution rate explained).  Indicator values are written the many ways
people write them ("≥300人次", "300余人次", "6万余人次", "二个", "100%",
"2023年12月31日前", "按期完成" …); each indicator records what Jixiao must
read from its texts (its completion class), so the generator knows which
need a 偏差原因.

Amounts are integer cents; layout.py writes them as numbers with two
decimals (sometimes as text with their unit).
"""
import math
import random
from dataclasses import dataclass, field

CITIES = ["沅江市", "益阳市", "桃江县", "安化县", "南县", "大通湖区", "赫山区", "资阳区", "长沙县",
          "浏阳市", "宁乡市", "湘潭县", "韶山市", "衡阳县", "耒阳市", "常宁市", "邵东市", "武冈市",
          "岳阳县", "汨罗市", "临湘市", "澧县", "津市市", "慈利县", "桑植县", "沅陵县", "洪江市"]
AGENCIES = ["科学技术协会", "民政局", "司法局", "文化旅游广电体育局", "农业农村局", "卫生健康局",
            "教育局", "档案馆", "妇女联合会", "残疾人联合会", "水利局", "林业局", "统计局",
            "自然资源局", "医疗保障局", "退役军人事务局", "应急管理局", "市场监督管理局",
            "城市管理和综合执法局", "机关事务服务中心", "融媒体中心", "供销合作社联合社"]

# 基本支出明细: classes and their items (政府支出经济分类)
ITEMS = {
    "301": ("工资福利支出", [("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
                        ("30106", "伙食补助费"), ("30107", "绩效工资"),
                        ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"),
                        ("30110", "职工基本医疗保险缴费"), ("30112", "其他社会保障缴费"),
                        ("30113", "住房公积金"), ("30199", "其他工资福利支出")]),
    "302": ("商品和服务支出", [("30201", "办公费"), ("30202", "印刷费"), ("30205", "水费"),
                         ("30206", "电费"), ("30207", "邮电费"), ("30209", "物业管理费"),
                         ("30211", "差旅费"), ("30213", "维修（护）费"), ("30215", "会议费"),
                         ("30216", "培训费"), ("30217", "公务接待费"), ("30226", "劳务费"),
                         ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
                         ("30239", "其他交通费用"), ("30299", "其他商品和服务支出")]),
    "303": ("对个人和家庭的补助", [("30301", "离休费"), ("30302", "退休费"), ("30305", "生活补助"),
                           ("30309", "奖励金"), ("30399", "其他对个人和家庭的补助")]),
    "310": ("资本性支出", [("31002", "办公设备购置"), ("31003", "专用设备购置"),
                      ("31007", "信息网络及软件购置更新")]),
}

PROJECT_NAMES = ["科普专项", "院士专家工作站经费", "基层服务能力提升项目", "信息化建设项目", "专项业务经费",
                 "社会救助资金", "困难群众帮扶", "乡村振兴示范点建设", "非遗保护传承", "全民健身活动",
                 "档案数字化", "普法宣传教育", "安全生产专项", "公共卫生服务", "农田水利建设",
                 "人才培养计划", "志愿服务项目", "文物保护修缮", "统计调查专项", "防汛抗旱专项"]
FUND_NAMES = ["城乡社区公益性项目", "彩票公益金项目", "土地出让收入安排的支出", "国有资本金注入",
              "企业职工养老保险", "城乡居民医疗保险", "大中型水库移民后期扶持"]

TEXTS = {
    "duties": ["负责本系统的政策研究、规划编制和组织实施；", "组织开展面向群众的公共服务；",
               "指导基层单位的业务工作，承办上级交办的其他事项。", "负责相关法律法规的宣传和执行；"],
    "organisation": ["内设办公室、业务股和综合股。", "下设事业单位负责具体服务工作。",
                     "机构设置经编委核定，全部纳入部门预算编制范围。"],
    "uses": ["保障机关正常运转和履行职能。", "开展专项业务工作。", "支持基层公共服务能力建设。"],
    "general": ["严格执行预算管理制度，资金使用规范。", "建立健全内部控制制度，加强过程管理。",
                "按照规定程序组织实施，接受审计和社会监督。", "整体运行平稳，资金使用效益较好。",
                "加强绩效目标管理，按期开展绩效自评。", "部分项目预算编制不够精准，执行进度不均衡。",
                "进一步提高预算编制的科学性，加强执行监控。", "按规定在门户网站公开预决算和绩效信息。"],
    "deviation": ["受客观条件影响，部分工作推迟，下一步加强统筹调度。",
                  "年初目标设定偏保守，实际需求超出预期，下年度合理设定目标。",
                  "工作任务调整，资金相应调剂，后续严格按计划执行。",
                  "基层组织动员不足，下一步加强宣传和协调。"],
    "explanation": ["部分项目跨年度实施，资金将在下年度支付。", "年中追加资金到位较晚，未能全部支出。"],
}

# 定性档次
ACHIEVED = "达成年度指标"
PARTIAL = "部分达成年度指标并具有一定效果"

CN_DIGITS = "零一二三四五六七八九"


@dataclass
class Indicator:
    level1: str
    level2: str
    name: str
    target: object          # str or number
    actual: object
    weight: float
    band: str = ""
    deviation: str = ""
    kind: str = "count"     # count, people, percent, money, cost, duration, deadline, qualitative
    met: str = "met"        # met, unmet, over: what Jixiao must read
    value: float = 0.0      # the target's number as Jixiao reads it (for faults)
    unit: str = ""


@dataclass
class Department:
    seed: int
    name: str
    year: int
    info: dict = field(default_factory=dict)        # field id -> value
    budget: dict = field(default_factory=dict)      # field id -> value (cents for amounts)
    items: list = field(default_factory=list)       # (code, name, cents or None)
    items_total: int = 0
    projects: list = field(default_factory=list)    # dicts: name, initial, budget, executed (cents), texts
    indicators: list = field(default_factory=list)  # Indicator or None (a spare preset row: (l1, l2))
    funds: dict = field(default_factory=dict)       # table id -> [(name, budget, executed, note)]
    execution_weight: float = 10
    contact: dict = field(default_factory=dict)


def cents(rng, low, high):
    return rng.randint(int(low * 100), int(high * 100))


def chinese_numeral(n):
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def number_text(value):
    """A number as people type it: 300, 96.5 (no trailing zeros)."""
    if float(value).is_integer():
        return "%d" % value
    return ("%.2f" % value).rstrip("0").rstrip(".")


# --- indicators -------------------------------------------------------------

# (level2, name, kind, unit): the indicators a department may set
QUANTITY_POOL = [
    ("数量指标", "开展科普活动", "count", "场"), ("数量指标", "举办培训班", "count", "期"),
    ("数量指标", "建成示范点", "count", "个"), ("数量指标", "完成调研课题", "count", "项"),
    ("数量指标", "发布信息", "count", "条"), ("数量指标", "组织专题讲座", "count", "次"),
    ("数量指标", "培训人次", "people", "人次"), ("数量指标", "服务群众", "people", "人次"),
    ("数量指标", "受益人数", "people", "人"), ("数量指标", "走访慰问", "people", "人次"),
    ("质量指标", "验收合格率", "percent", "%"), ("质量指标", "资料归档率", "percent", "%"),
    ("质量指标", "政策知晓率", "percent", "%"), ("质量指标", "办结率", "percent", "%"),
    ("时效指标", "完成时限", "deadline", ""), ("时效指标", "资金拨付时限", "deadline", ""),
    ("时效指标", "办理时限", "duration", "个工作日"),
    ("经济效益指标", "带动产业增收", "money", "万元"), ("经济效益指标", "争取上级资金", "money", "万元"),
    ("社会效益指标", "群众参与人次", "people", "人次"), ("社会效益指标", "服务对象覆盖率", "percent", "%"),
    ("社会效益指标", "社会影响力", "qualitative", ""), ("社会效益指标", "公共服务水平", "qualitative", ""),
    ("生态效益指标", "生态环境改善", "qualitative", ""),
    ("可持续影响指标", "长效机制建设", "qualitative", ""), ("可持续影响指标", "持续发挥作用", "qualitative", ""),
]
LEVEL1_OF = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
             "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
             "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标"}
COST_NAMES = ["部门整体支出", "全年支出", "部门整体支出成本", "年度预算支出", "部门预算支出", "整体支出"]
QUALITATIVE_TARGETS = ["有效提升", "持续开展", "明显改善", "稳步提高", "逐步完善"]
QUALITATIVE_ACTUALS = ["群众满意度明显提升", "各项工作有序推进", "工作机制不断完善", "服务水平进一步提高",
                       "社会反响良好"]
ACHIEVEMENT_PHRASES = ["达到预期", "全部完成", "按要求完成", "已完成"]


class IndicatorMaker:
    def __init__(self, rng, rules, year):
        self.rng = rng
        self.rules = rules
        self.year = year

    def pick_met(self):
        r = self.rng.random()
        return "met" if r < 0.72 else ("unmet" if r < 0.86 else "over")

    def deviation(self, met):
        return self.rng.choice(TEXTS["deviation"]) if met != "met" else ""

    def ratio(self, met, reverse=False):
        """A/T for a positive indicator, A/T for a reverse one."""
        over = self.rules["overachievement"]
        if reverse:
            # completion (2T − A)/T: met A ≤ T and above the over limit
            if met == "met":
                return self.rng.uniform(2 - over + 0.03, 1.0)
            if met == "unmet":
                return self.rng.uniform(1.05, 1.6)
            return self.rng.uniform(0.3, 2 - over - 0.05)
        if met == "met":
            return self.rng.uniform(1.0, over - 0.04)
        if met == "unmet":
            return self.rng.uniform(0.5, 0.96)
        return self.rng.uniform(over + 0.05, 2.5)

    def count(self, name, level2, unit, met):
        rng = self.rng
        if rng.random() < 0.3:                               # small counts, in words
            target = rng.randint(2, 9)
            actual = target if met == "met" else (rng.randint(1, target - 1) if met == "unmet"
                                                  else int(target * self.rules["overachievement"]) + 2)
            t_text = rng.choice(["≥%d%s", "%s%s", "不少于%d%s"])
            t_text = t_text % ((target, unit) if "%d" in t_text else (chinese_numeral(target), unit))
            words = "两" if actual == 2 and rng.random() < 0.5 else chinese_numeral(actual)
            a_text = rng.choice(["%s%s" % (words, unit), "%d%s" % (actual, unit)])
            return t_text, a_text, target
        target = rng.choice([10, 12, 20, 30, 50, 60, 80, 100, 120, 200, 300])
        actual = max(1, round(target * self.ratio(met)))
        over = math.ceil(target * self.rules["overachievement"] - 1e-9)   # the first far-exceeding count
        if met == "met":
            actual = min(max(actual, target), over - 1)
        elif met == "over":
            actual = max(actual, over)
        forms = ["≥%d%s", "不少于%d%s", "%d%s以上", "不低于%d%s", "%d%s"]
        t_text = rng.choice(forms) % (target, unit)
        if met == "met" and actual == target and rng.random() < 0.5:
            a_text = "%d余%s" % (target, unit)          # "300余人次": at least 300
        elif met != "unmet" and rng.random() < 0.3:
            a_text = rng.choice(["%d多%s", "约%d%s", "%d%s左右", "逾%d%s"]) % (actual, unit)
        else:
            a_text = "%d%s" % (actual, unit)
        return t_text, a_text, target

    def people(self, name, level2, unit, met):
        rng = self.rng
        if rng.random() < 0.35:                               # in 万: "6万余人次"
            wan = rng.choice([1, 2, 3, 5, 6, 8])
            target = wan * 10000
            t_text = rng.choice(["≥%d万%s", "不少于%d万%s", "%d万%s以上"]) % (wan, unit)
            if met == "met":
                a_text = rng.choice(["%d万余%s", "超过%d万%s", "%d万多%s", "逾%d万%s", "%d.0万%s"]) % (wan, unit)
            else:
                actual = round(target * self.ratio(met))
                a_text = "%d%s" % (actual, unit)
            return t_text, a_text, target
        return self.count(name, level2, unit, met)

    def percent(self, name, level2, met):
        rng = self.rng
        target = rng.choice([80, 85, 90, 95, 98])
        if met == "over":
            met = "met"                                      # a rate above 100 % is not a thing
        if met == "met":
            actual = rng.uniform(target, min(100, target * (self.rules["overachievement"] - 0.02)))
            a_text = rng.choice(["%s%%" % number_text(round(actual, 1)), "超%d%%" % target,
                                 "百分之%s" % chinese_numeral(int(actual)),
                                 "%s％" % number_text(round(actual, 1))])
            if 100 / target < self.rules["overachievement"] - 0.01 and rng.random() < 0.15:
                a_text = "100%"
        else:
            actual = target * rng.uniform(0.6, 0.95)
            a_text = "%s%%" % number_text(round(actual, 1))
        t_text = rng.choice(["≥%d%%", "不低于%d%%", "%d%%以上", "达到%d%%"]) % target
        return t_text, a_text, target, met

    def money(self, name, level2, met):
        rng = self.rng
        target = rng.choice([10, 20, 50, 80, 100, 150, 200])
        actual = round(target * self.ratio(met), 2)
        if met == "met":
            actual = max(actual, target)
        t_text = rng.choice(["≥%d万元", "不少于%d万元", "%d万元以上"]) % target
        a_text = "%s万元" % number_text(actual)
        return t_text, a_text, target

    def duration(self, name, level2, unit, met):
        rng = self.rng
        target = rng.choice([5, 10, 15, 20, 30])
        if met == "over":
            met = "met"
        actual = target * self.ratio(met, reverse=True)
        actual = max(target + 1, round(actual)) if met == "unmet" else max(1, int(actual))
        if met == "met":
            actual = min(actual, target)
            if (2 * target - actual) / target >= self.rules["overachievement"] - 1e-9:
                actual = target
        t_text = rng.choice(["≤%d%s", "%d%s内", "不超过%d%s", "%d%s以内"]) % (target, unit)
        a_text = "%d%s" % (actual, unit)
        return t_text, a_text, target, met

    def deadline(self, met):
        rng = self.rng
        if met == "over":
            met = "met"
        t_text = rng.choice(["%d年12月31日前" % self.year, "%d年12月底前" % self.year, "年底前",
                             "%d年11月30日前" % self.year, "%d-12-31前" % self.year, "12月底前"])
        if met == "met":
            a_text = rng.choice(["按期完成", "按时完成", "已完成", "如期完成", "%d年10月%d日" % (self.year, rng.randint(1, 30)),
                                 "%d-11-%02d" % (self.year, rng.randint(1, 30)), "均已按时完成"])
        else:
            a_text = "%d年3月%d日" % (self.year + 1, rng.randint(1, 28))
        return t_text, a_text, met

    def qualitative(self, met):
        rng = self.rng
        t_text = rng.choice(QUALITATIVE_TARGETS)
        if met == "over":
            met = "met"
        if met == "met" and rng.random() < 0.4:
            return t_text, rng.choice(ACHIEVEMENT_PHRASES), "", met
        return t_text, rng.choice(QUALITATIVE_ACTUALS), (ACHIEVED if met == "met" else PARTIAL), met

    def make(self, level2, name, kind, unit):
        met = self.pick_met()
        band, value = "", 0
        if kind == "count":
            t, a, value = self.count(name, level2, unit, met)
        elif kind == "people":
            t, a, value = self.people(name, level2, unit, met)
        elif kind == "percent":
            t, a, value, met = self.percent(name, level2, met)
        elif kind == "money":
            t, a, value = self.money(name, level2, met)
        elif kind == "duration":
            t, a, value, met = self.duration(name, level2, unit, met)
        elif kind == "deadline":
            t, a, met = self.deadline(met)
        else:
            t, a, band, met = self.qualitative(met)
        return Indicator(LEVEL1_OF[level2], level2, name, t, a, 0, band, self.deviation(met), kind, met,
                         value, unit)

    def cost(self, executed, budget, name):
        """The cost indicator: its actual is the year's spending, its target the
        budget (met, not far under)."""
        rng = self.rng
        target = budget
        t_text = rng.choice(["≤%s万元", "不超过%s万元", "%s万元以内", "控制在%s万元以内"]) % ("%.2f" % (target / 100))
        a_text = "%.2f万元" % (executed / 100) if rng.random() < 0.8 else executed / 100
        over = (2 * target - executed) / target >= self.rules["overachievement"] - 1e-9
        met = "over" if over else ("met" if executed <= target else "unmet")
        level1, level2 = ("成本指标", "经济成本指标") if rng.random() < 0.2 else ("产出指标", "成本指标")
        return Indicator(level1, level2, name, t_text, a_text, 0, "", self.deviation(met), "cost", met,
                         target / 100, "万元")

    def satisfaction(self):
        t, a, value, met = self.percent("服务对象满意度", "服务对象满意度指标", self.pick_met())
        return Indicator("满意度指标", "服务对象满意度指标",
                         self.rng.choice(["服务对象满意度", "群众满意度", "社会公众满意度"]), t, a, 0, "",
                         self.deviation(met), "percent", met, value, "%")


def split_weights(rng, total, n):
    """n weights adding up to total: whole numbers, now and then halves."""
    unit = 0.5 if rng.random() < 0.3 else 1
    steps = int(round(total / unit))
    cuts = sorted(rng.sample(range(1, steps), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [steps])]
    while min(parts) * unit < 1:                      # at least one point each
        i, j = parts.index(min(parts)), parts.index(max(parts))
        parts[i] += 1
        parts[j] -= 1
    return [p * unit for p in parts]


# --- the department -----------------------------------------------------------

def make(seed, rules):
    """A department, reproducible from seed; `rules` are the schema's
    settings.scoring (what validation will expect)."""
    rng = random.Random(seed)
    year = rng.choice([2022, 2023, 2024])
    d = Department(seed=seed, name=rng.choice(CITIES) + rng.choice(AGENCIES), year=year)
    info_text = lambda key, n=2: "".join(rng.sample(TEXTS[key], min(n, len(TEXTS[key]))))
    d.info = {
        "department": d.name, "year": year, "duties": info_text("duties", 3),
        "organisation": info_text("organisation"), "spending.uses": info_text("uses"),
        "projects.organisation": info_text("general"), "projects.management": info_text("general"),
        "assets.management": info_text("general"), "performance.targets": info_text("general"),
        "problems": info_text("general"), "improvements": info_text("general"),
        "publication": info_text("general"),
    }
    for key in ("spending.scope", "projects.funds_management", "performance.summary", "other"):
        if rng.random() < 0.6:
            d.info[key] = info_text("general", 1)
    authorised = rng.randint(8, 80)
    if rng.random() < 0.8:
        d.info.update({"units.internal": rng.randint(2, 9), "units.affiliated": rng.randint(0, 4),
                       "staff.authorised": authorised,
                       "staff.actual": authorised - rng.randint(0, min(5, authorised - 1))})

    # 基本支出明细: used items with amounts, the others left empty
    items, classes = [], {}
    for code, (class_name, children) in ITEMS.items():
        used = rng.sample(children, rng.randint(1 if code != "310" else 0, len(children)))
        rows = []
        for item_code, item_name in children:
            amount = cents(rng, 0.5, 80 if code == "301" else 15) if (item_code, item_name) in used else None
            if amount is not None or rng.random() < 0.5:       # preset rows left empty, or not listed
                rows.append((item_code, item_name, amount))
        classes[code] = sum(a for _, _, a in rows if a is not None)
        items.append((code, class_name, classes[code]))
        items.extend(rows)
    d.items = items
    basic_executed = sum(classes.values())
    d.items_total = basic_executed

    # 项目支出
    projects = []
    for name in rng.sample(PROJECT_NAMES, rng.randint(1, 4)):
        executed = cents(rng, 5, 120)
        budget = int(executed / rng.uniform(0.93, 1.0))
        initial = int(budget * rng.uniform(0.5, 1.0)) if rng.random() < 0.8 else 0
        projects.append(dict(name=name, initial=initial, budget=budget, executed=executed,
                             target=info_text("general", 1), result=info_text("general", 1), note=""))
    d.projects = projects
    project_executed = sum(p["executed"] for p in projects)

    basic_budget = int(basic_executed / rng.uniform(0.95, 1.0))
    basic_initial = int(basic_budget * rng.uniform(0.85, 1.0))
    low_rate = rng.random() < 0.1
    b = {
        "spending.basic.executed": basic_executed, "spending.basic.budget": basic_budget,
        "spending.basic.budget_initial": basic_initial,
        "spending.project.executed": project_executed,
        "spending.project.budget": sum(p["budget"] for p in projects),
        "spending.project.budget_initial": sum(p["initial"] for p in projects),
    }
    if low_rate:        # a low execution rate, explained
        b["spending.basic.budget"] = int(basic_executed / rng.uniform(0.7, 0.85))
    for what in ("executed", "budget", "budget_initial"):
        b["spending.total." + what] = b["spending.basic." + what] + b["spending.project." + what]
    rate = b["spending.total.executed"] / b["spending.total.budget"]
    if rate < rules["execution_explain_below"] + 0.02:
        b["execution.explanation"] = rng.choice(TEXTS["explanation"])
    d.execution_weight = rng.choice([10, 10, 10, 5, 15])
    b["execution.weight"] = d.execution_weight
    for what, share in (("vehicle", 0.02), ("abroad", 0.0), ("reception", 0.01)):
        if rng.random() < 0.7:
            for period in ("previous", "budget", "actual"):
                b["three_public.%s.%s" % (what, period)] = int(basic_executed * share * rng.uniform(0.5, 1.5))
    for key in ("spending.personnel", "spending.operating", "procurement"):
        if rng.random() < 0.5:
            b[key + ".previous"] = cents(rng, 10, 300)
            b[key + ".budget"] = cents(rng, 10, 300)
    if rng.random() < 0.5:
        b["procurement.actual"] = cents(rng, 1, 50)
    d.budget = b

    # 绩效指标: a cost indicator, a satisfaction one, and a mix of the rest
    maker = IndicatorMaker(rng, rules, year)
    chosen = rng.sample(QUANTITY_POOL, rng.randint(3, 12))
    chosen.sort(key=lambda entry: list(LEVEL1_OF).index(entry[0]))
    indicators = [maker.make(*entry) for entry in chosen]
    cost = maker.cost(b["spending.total.executed"], b["spending.total.budget"], rng.choice(COST_NAMES))
    outputs = [i for i in indicators if i.level1 == "产出指标"]
    others = [i for i in indicators if i.level1 != "产出指标"]
    indicators = outputs + [cost] + others + [maker.satisfaction()]
    for ind, weight in zip(indicators, split_weights(rng, 100 - d.execution_weight, len(indicators))):
        ind.weight = weight
    # spare preset rows of the template (一级/二级 only), here and there
    rows = []
    for ind in indicators:
        if rng.random() < 0.15:
            rows.append((ind.level1, ind.level2))
        rows.append(ind)
    d.indicators = rows

    # 政府性基金 etc.: mostly none
    for table in ("government_funds", "state_capital", "social_insurance"):
        n = rng.choice([0, 0, 0, 1, 2, 3])
        d.funds[table] = [(name, cents(rng, 1, 100), None, rng.choice(["", "按进度拨付"]))
                          for name in rng.sample(FUND_NAMES, n)]
        d.funds[table] = [(n_, bud, int(bud * rng.uniform(0.9, 1.0)), note) for n_, bud, _, note in d.funds[table]]
    d.contact = {"contact.person": rng.choice(["张敏", "李强", "王芳", "刘洋", "陈静"]),
                 "contact.phone": "0737-%07d" % rng.randint(1000000, 9999999),
                 "report_date": "%d年3月%d日" % (year + 1, rng.randint(1, 28))}
    return d
