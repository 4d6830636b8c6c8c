"""generate_reports.py: 自评报告 prose made up from a seed, consistent or with
one planted fault, for the review.

Each seed gives a department (name, year, its spending by class and item in
cents, projects, budgets, indicators scored by the official rules) and
writes its report in one of the ways reports are written: the outline's item
numbers as 1. or 1、, the basic spending broken down in one sentence or over
numbered items, parts joined by 、 or ，, some amounts in 元, the performance
section in the generated style (indicator lines with 完成率 and 得分) or in
the hand-written style of the reference report (（1）成本指标控制。…全年支出…).
A consistent report must review clean.  Then each fault is planted alone
into a copy, and the manifest says which findings (code and paragraph) the
review must give for it, and no others.

    generate_reports.py OUT_DIR [SEEDS] [--pages N]

writes OUT_DIR/NAME.txt and OUT_DIR/manifest.json ([{"file", "seed",
"fault", "expected": [[code, paragraph], …]}]).  --pages N writes instead one
long report of about N pages (22 lines a page) for the benchmarks.
"""
import copy
import json
import os
import random
import sys
from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction

CITIES = ["沅江市", "桃江县", "安化县", "南县", "赫山区", "资阳区", "浏阳市", "宁乡市", "湘潭县", "韶山市",
          "耒阳市", "邵东市", "汨罗市", "临湘市", "慈利县", "沅陵县"]
AGENCIES = ["科学技术协会", "民政局", "司法局", "农业农村局", "卫生健康局", "档案馆", "妇女联合会",
            "残疾人联合会", "水利局", "林业局", "统计局", "医疗保障局", "应急管理局", "融媒体中心"]
CLASSES = [
    ("工资福利支出", ["基本工资", "津贴补贴", "奖金", "伙食补助费", "绩效工资", "基本养老保险缴费",
                "职业年金缴费", "基本医疗保险缴费", "住房公积金"], "其他工资福利支出"),
    ("商品和服务支出", ["办公费", "印刷费", "水电费", "邮电费", "物业管理费", "差旅费", "维修费", "会议费",
                 "培训费", "公务接待费", "劳务费", "工会经费", "福利费", "其他交通费用"], "其他商品和服务支出"),
    ("对个人和家庭的补助支出", ["生活补助", "救济费", "奖励金", "退休费"], "其他对个人和家庭的补助支出"),
    ("资本性支出", ["办公设备购置", "专用设备购置", "信息网络及软件购置更新"], None),
]
PROJECTS = ["科普专项", "院士专家工作站经费", "基层服务能力提升项目", "信息化建设项目", "社会救助资金",
            "乡村振兴示范点建设", "非遗保护传承", "全民健身活动", "档案数字化", "普法宣传教育"]
COUNTED = [("开展科普活动", "场次"), ("举办培训班", "期"), ("走访服务对象", "户"), ("发放宣传资料", "份")]
PEOPLE = [("培训基层人员", "人次"), ("服务群众", "人次"), ("受益学生", "人次"), ("评选先进个人", "名")]
TEXT = ["严格执行预算管理制度，资金使用规范，未发现挤占、挪用现象。",
        "建立健全内部控制制度，加强资金支付的审核和过程管理。",
        "按照政府采购的要求和程序，依法实行政府采购，按规定组织验收。",
        "建立了固定资产台帐，指定专人管理，及时登记，科学使用。",
        "按规定在单位门户网站公开预决算信息和绩效目标，接受社会监督。"]
CHINESE = "一二三四五六七八九"
GRADES = [(90, "优"), (80, "良"), (60, "中"), (0, "差")]


def numeral(n):
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else CHINESE[tens - 1] + "十")) + (CHINESE[ones - 1] if ones else "")


def round2(value):
    """Half away from zero to two places, as Jixiao rounds."""
    return Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)


def r2(value):
    return round2(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wan(units):
    """Amounts are whole hundredths of 万元 (100 元): 27377 → "273.77"."""
    return "%d.%02d" % divmod(units, 100) if units >= 0 else "-" + wan(-units)


def amount(units, rng):
    """An amount as people write it: mostly in 万元, sometimes in 元."""
    return ("%d元" % (units * 100)) if rng.random() < 0.15 else wan(units) + "万元"


def split(total, n, rng):
    """total in n parts, each at least 1."""
    cuts = sorted(rng.sample(range(1, total), n - 1)) if n > 1 else []
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


class Department:
    def __init__(self, seed):
        rng = self.rng = random.Random(seed)
        self.seed = seed
        self.name = rng.choice(CITIES) + rng.choice(AGENCIES)
        self.year = rng.choice([2021, 2022, 2023, 2024])
        self.classes = []
        for name, items, other in CLASSES:
            if name == "资本性支出" and rng.random() < 0.3:
                continue
            k = rng.randint(2, min(6, len(items)))
            chosen = rng.sample(items, k) + ([other] if other and rng.random() < 0.7 else [])
            total = rng.randint(300, 20000)
            self.classes.append((name, total, list(zip(chosen, split(total, len(chosen), rng)))))
        self.basic = sum(t for _, t, _ in self.classes)
        self.projects = []
        for name in rng.sample(PROJECTS, rng.randint(1, 4)):
            executed = rng.randint(500, 90000)
            budget = executed + rng.randint(0, 15000)
            self.projects.append((name, budget, executed))
        self.project = sum(e for _, _, e in self.projects)
        self.total = self.basic + self.project
        self.budget_full = self.total + rng.randint(0, 6000)
        self.budget_initial = max(self.total - rng.randint(-3000, 8000), 100)
        self.rate = r2(Fraction(self.total, self.budget_full) * 100)
        self.exec_points = r2(min(Fraction(self.total, self.budget_full), 1) * 10)
        self.indicators = self.make_indicators()
        self.score = self.exec_points + sum(i["score"] for i in self.indicators)
        self.grade = next(g for low, g in GRADES if self.score >= low)

    def make_indicators(self):
        rng = self.rng
        weights = split(9000, rng.randint(5, 9), rng)   # 90 points in hundredths
        out = []
        for k, w in enumerate(weights):
            weight = Decimal(w) / 100
            kind = rng.choice(["count", "count", "people", "reverse", "deadline", "qualitative"])
            if kind in ("count", "people"):
                what, unit = rng.choice(COUNTED if kind == "count" else PEOPLE)
                target = rng.randint(5, 500)
                actual = target if rng.random() < 0.5 else rng.randint(target // 2, target * 2)
                rate = Fraction(actual, target)
                score = weight if actual >= target else r2(rate * Fraction(str(weight)))
                out.append(dict(name=what, target="≥%d%s" % (target, unit), actual="%d%s" % (actual, unit),
                                rate=r2(rate * 100), score=score, weight=weight))
            elif kind == "reverse":
                target = rng.randint(1000, 40000)
                actual = rng.randint(target // 2, target * 3 // 2)
                if actual <= target:
                    rate, score = Fraction(2 * target - actual, target), weight
                else:
                    rate = Fraction(2 * target - actual, target)
                    score = r2((1 - Fraction(actual - target, target)) * Fraction(str(weight)))
                out.append(dict(name="公用经费控制", target="≤%s万元" % wan(target), actual="%s万元" % wan(actual),
                                rate=r2(rate * 100), score=score, weight=weight))
            elif kind == "deadline":
                out.append(dict(name="完成时限", target="%d年12月31日前" % self.year, actual="按时完成",
                                rate=Decimal("100.00"), score=weight, weight=weight))
            else:
                score = weight if rng.random() < 0.5 else r2(Fraction(str(weight)) * Fraction(9, 10))
                out.append(dict(name="工作机制持续运行", target="持续开展", actual="常态化开展", band="达成年度指标",
                                score=score, weight=weight))
        return out


class Report:
    """Paragraphs, with the places faults need."""

    def __init__(self):
        self.paras = []
        self.at = {}

    def add(self, text, tag=None):
        self.paras.append(text)
        if tag:
            self.at[tag] = len(self.paras)   # 1-based, as findings number paragraphs
        return len(self.paras)


def write(d, style):
    """The report of department d in style (a dict of choices)."""
    rng = random.Random(d.seed * 7 + 1)
    r = Report()
    dot = style["dot"]
    sep = style["sep"]
    r.add("%s%d年度部门整体支出绩效自评报告" % (d.name, d.year))
    r.add("单位名称（盖章）：%s" % d.name)
    sections = []

    def section(title):
        sections.append(title)
        return r.add("%s、%s" % (numeral(len(sections)), title), "section%d" % len(sections))

    section("部门基本情况")
    r.add("（一）部门职责")
    r.add("%s的主要职责是：负责本系统的政策研究、规划编制和组织实施，组织开展面向群众的公共服务。" % d.name)
    r.add("（二）机构设置")
    r.add("根据编委核定，我单位内设股室%d个，所属事业单位%d个，全部纳入%d年部门预算编制范围。" %
          (rng.randint(2, 6), rng.randint(0, 3), d.year))
    r.add("（三）部门整体支出规模、使用方向和主要内容、涉及范围")
    opening = rng.choice([
        "我单位%d年度整体支出规模为：%s万元，其中基本支出：%s万元，项目支出%s万元。",
        "%s" % d.name + "%d年度整体支出%s万元，其中：基本支出%s万元、项目支出%s万元。",
        "%d年全年总支出%s万元，其中基本支出%s万元，项目支出%s万元。",
    ]) % (d.year, wan(d.total), wan(d.basic), wan(d.project))
    budgets = "年初预算数%s万元，全年预算数%s万元，预算执行率%s%%。" % (wan(d.budget_initial), wan(d.budget_full), d.rate)
    if style["rate_in_opening"]:
        r.add(opening + budgets, "opening")
        r.at["rate"] = r.at["opening"]
    else:
        r.add(opening, "opening")
    r.add("主要用于：")
    for k, text in enumerate(rng.sample(TEXT, 3)):
        r.add("%d%s %s" % (k + 1, dot, text))

    section("一般公共预算支出情况")
    r.add("（一）基本支出")
    lines = []
    for name, total, items in d.classes:
        parts = sep.join("%s%s" % (item, amount(c, rng)) for item, c in items)
        lines.append((name, "%s%s万元，包括%s。" % (name, wan(total), parts)))
    if style["items"]:
        r.add("我单位基本支出：%s万元，其中：" % wan(d.basic), "basic")
        for k, (name, line) in enumerate(lines):
            r.add("%d%s%s" % (k + 1, dot, line), "class:" + name)
    else:
        inline = sep.join("%s%s万元" % (name, wan(total)) for name, total, _ in d.classes)
        r.add("我单位基本支出%s万元，其中%s。" % (wan(d.basic), inline), "basic")
        for name, line in lines:
            r.add(line, "class:" + name)
    r.add("（二）项目支出", "project_section")
    if style["project_generic"]:
        r.add("%d年度，我单位实施项目%d个，实际资金支出：%s万元。" % (d.year, len(d.projects), wan(d.project)), "project")
    else:
        r.add("%d年度项目支出%s万元，具体情况如下：" % (d.year, wan(d.project)), "project")
    for k, (name, budget, executed) in enumerate(d.projects):
        rate = r2(Fraction(executed, budget) * 100)
        what, unit = rng.choice(PEOPLE)
        r.add("%d%s%s：全年预算数%s万元，全年执行数%s万元，执行率%s%%。%s%d%s。" %
              (k + 1, dot, name, wan(budget), wan(executed), rate, what, rng.randint(20, 900), unit),
              "project_item%d" % (k + 1))
    r.add(rng.choice(TEXT), "text1")

    section("项目组织实施情况")
    r.add(rng.choice(TEXT))
    section("资产管理情况")
    r.add(rng.choice(TEXT))
    section("政府性基金预算支出情况")
    r.add("本单位无政府性基金预算支出。")
    section("部门整体支出绩效情况")
    r.add("（一）绩效目标设置情况")
    for k, text in enumerate(["保障机关正常运转。", "完成年度重点工作任务。", "提升公共服务水平。"]):
        r.add("%d、%s" % (k + 1, text), "goal%d" % (k + 1))
    r.add("（二）绩效目标完成情况")
    if style["generated"]:
        r.add("1%s预算执行" % dot)
        line = "全年预算数%s万元，全年执行数%s万元，预算执行率%s%%，得分%s分（分值10分）。" % (
            wan(d.budget_full), wan(d.total), d.rate, d.exec_points)
        r.add(line, "execution")
        if "rate" not in r.at:
            r.at["rate"] = r.at["execution"]
        r.add("2%s产出和效益指标" % dot)
        for k, ind in enumerate(d.indicators):
            r.add(indicator_line(k + 1, dot, ind), "indicator%d" % (k + 1))
        r.add("（三）自评结论")
        r.add("经自评，%s%d年度部门整体支出绩效自评得分%s分，评价等级为“%s”。" % (d.name, d.year, d.score, d.grade),
              "total")
    else:
        r.add("（1）成本指标控制。%d年年初部门预算 %s万元，全年支出%s万元。" % (
            d.year, wan(d.budget_initial), wan(d.total)), "cost")
        r.add("（2）产出指标")
        for k, (what, unit) in enumerate(rng.sample(COUNTED + PEOPLE, 3)):
            r.add("%d、%s" % (k + 1, what), "output%d" % (k + 1))
            r.add("全年%s%d%s，完成年度目标。" % (what, rng.randint(10, 5000), unit))
        r.add("（3）效益指标")
        r.add("群众满意度达到%d%%以上，社会效益明显。" % rng.randint(90, 99), "benefit")
    section("存在的主要问题及原因分析")
    r.add("部分项目前期论证不够充分，预算编制的精细化程度有待提高。")
    section("下一步改进措施")
    r.add("（一）科学合理编制预算，严格执行预算")
    r.add("（二）完善管理制度，进一步加强经费管理")
    section("其他需要说明的情况")
    r.add("无。")
    return r


def indicator_line(k, dot, ind):
    if "band" in ind:
        return "%d%s%s：年度指标值为“%s”，实际完成情况为“%s”，评价档次为“%s”，得分%s分（分值%s分）。" % (
            k, dot, ind["name"], ind["target"], ind["actual"], ind["band"], ind["score"], fmt(ind["weight"]))
    return "%d%s%s：年度指标值%s，实际完成值%s，完成率%s%%，得分%s分（分值%s分）。" % (
        k, dot, ind["name"], ind["target"], ind["actual"], ind["rate"], ind["score"], fmt(ind["weight"]))


def fmt(value):
    return ("%s" % value.normalize()) if value == value.to_integral() else "%s" % value


def style_of(seed):
    rng = random.Random(seed * 13 + 5)
    return dict(dot=rng.choice([".", "、", "．"]), sep=rng.choice(["、", "，"]), items=rng.random() < 0.6,
                project_generic=rng.random() < 0.5, generated=rng.random() < 0.6,
                rate_in_opening=rng.random() < 0.5)


# --- faults: each changes one thing and says what the review must find -------------------

def replace_in(r, tag, old, new):
    i = r.at[tag] - 1
    assert old in r.paras[i], (tag, old, r.paras[i])
    r.paras[i] = r.paras[i].replace(old, new, 1)


def fault_item(d, s, r):
    """An item of a class's 包括 list grows by 1.00 万元: the class no longer adds up."""
    name, total, items = d.classes[0]
    item, cents = items[0]
    old = "%s%s" % (item, wan(cents) + "万元")
    if old not in r.paras[r.at["class:" + name] - 1]:
        return None   # written in 元: another fault will do
    replace_in(r, "class:" + name, old, "%s%s万元" % (item, wan(cents + 100)))
    expected = [("JX-SUM-MISMATCH", r.at["class:" + name])]
    if cents + 100 > total:
        expected.append(("JX-PART-EXCEEDS-TOTAL", r.at["class:" + name]))
    return expected


def fault_basic(d, s, r):
    """基本支出 stated 5.00 万元 too high: it differs from section 一, and its four classes (when all
    four are listed, a known whole) fall short of it."""
    replace_in(r, "basic", wan(d.basic), wan(d.basic + 500))
    expected = [("JX-SAME-DIFFERS", r.at["basic"])]
    if len(d.classes) == 4:
        expected.append(("JX-SUM-MISMATCH", r.at["basic"]))
    return expected


def fault_project(d, s, r):
    """项目支出 in its section differs from the opening."""
    replace_in(r, "project", wan(d.project), wan(d.project + 2223))
    return [("JX-SAME-DIFFERS", r.at["project"])]


def fault_total_rounding(d, s, r):
    """The year's spending quoted 0.01 万元 off in the cost line: a rounding note."""
    if s["generated"]:
        return None
    replace_in(r, "cost", "全年支出" + wan(d.total), "全年支出" + wan(d.total + 1))
    return [("JX-SAME-ROUNDING", r.at["cost"])]


def fault_people(d, s, r):
    """People counted in 万元."""
    i = r.at["text1"] - 1
    r.paras[i] += "活动受益人数超过%d万元。" % d.rng.randint(2, 9)
    return [("JX-PEOPLE-IN-MONEY", r.at["text1"])]


def fault_rate(d, s, r):
    """执行率 written 1.5 points off its figures (its points, when the same line gives them, still
    follow the figures: the rate is what is wrong)."""
    if "rate" not in r.at:
        return None
    written = d.rate - Decimal("1.50")
    replace_in(r, "rate", "预算执行率%s%%" % d.rate, "预算执行率%s%%" % written)
    return [("JX-RATE-MISMATCH", r.at["rate"])]


def first_quantitative(d):
    return next((k for k, i in enumerate(d.indicators) if "band" not in i and i["score"] >= 1), None)


def with_total(d, r, delta):
    """The 总分 and 等级 following a changed score, so that only the planted fault shows."""
    score = d.score + delta
    grade = next(g for low, g in GRADES if score >= low)
    replace_in(r, "total", "自评得分%s分，评价等级为“%s”" % (d.score, d.grade),
               "自评得分%s分，评价等级为“%s”" % (score, grade))


def fault_score(d, s, r):
    """An indicator's score 0.50 below the rules."""
    k = first_quantitative(d)
    if not s["generated"] or k is None:
        return None
    ind = d.indicators[k]
    replace_in(r, "indicator%d" % (k + 1), "得分%s分" % ind["score"], "得分%s分" % (ind["score"] - Decimal("0.50")))
    with_total(d, r, Decimal("-0.50"))
    return [("JX-SCORE-MISMATCH", r.at["indicator%d" % (k + 1)])]


def fault_above_weight(d, s, r):
    """An indicator scored above its weight."""
    k = first_quantitative(d)
    if not s["generated"] or k is None:
        return None
    ind = d.indicators[k]
    above = ind["weight"] + Decimal("2.00")
    replace_in(r, "indicator%d" % (k + 1), "得分%s分" % ind["score"], "得分%s分" % above)
    with_total(d, r, above - ind["score"])
    return [("JX-SCORE-ABOVE-WEIGHT", r.at["indicator%d" % (k + 1)])]


def fault_completion(d, s, r):
    """An indicator's 完成率 that its target and actual do not give."""
    k = first_quantitative(d)
    if not s["generated"] or k is None:
        return None
    ind = d.indicators[k]
    replace_in(r, "indicator%d" % (k + 1), "完成率%s%%" % ind["rate"], "完成率%s%%" % (ind["rate"] + 7))
    return [("JX-RATE-MISMATCH", r.at["indicator%d" % (k + 1)])]


def fault_total(d, s, r):
    """总分 one point off the scores listed (its grade kept right for what is written)."""
    if not s["generated"]:
        return None
    score = d.score + 1
    grade = next(g for low, g in GRADES if score >= low)
    replace_in(r, "total", "自评得分%s分，评价等级为“%s”" % (d.score, d.grade),
               "自评得分%s分，评价等级为“%s”" % (score, grade))
    return [("JX-SUM-MISMATCH", r.at["total"])]


def fault_grade(d, s, r):
    """等级 not the one 总分 gives."""
    if not s["generated"]:
        return None
    wrong = "差" if d.grade != "差" else "优"
    replace_in(r, "total", "评价等级为“%s”" % d.grade, "评价等级为“%s”" % wrong)
    return [("JX-GRADE-MISMATCH", r.at["total"])]


def fault_section_repeated(d, s, r):
    """The last section numbered like the one before it."""
    last = max(k for k in r.at if k.startswith("section"))
    n = int(last[len("section"):])
    replace_in(r, last, numeral(n) + "、", numeral(n - 1) + "、")
    return [("JX-OUTLINE-REPEATED", r.at[last])]


def fault_section_skipped(d, s, r):
    """Sections from the third on numbered one too high."""
    sections = sorted((int(k[len("section"):]), k) for k in r.at if k.startswith("section"))
    for n, tag in sections:
        if n >= 3:
            replace_in(r, tag, numeral(n) + "、", numeral(n + 1) + "、")
    return [("JX-OUTLINE-SKIPPED", r.at["section3"])]


def fault_item_repeated(d, s, r):
    """The last goal numbered like the one before it."""
    replace_in(r, "goal3", "3、", "2、")
    return [("JX-OUTLINE-REPEATED", r.at["goal3"])]


FAULTS = [fault_item, fault_basic, fault_project, fault_total_rounding, fault_people, fault_rate, fault_score,
          fault_above_weight, fault_completion, fault_total, fault_grade, fault_section_repeated,
          fault_section_skipped, fault_item_repeated]


def save(path, report):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(report.paras) + "\n")


def long_report(pages):
    """One consistent report of about `pages` pages (22 lines of about 28 characters a page, as
    GB/T 9704 sets them): one department's report, its text repeated as a long report repeats
    its kind of content, the figures the same throughout."""
    d = Department(1)
    report = write(d, style_of(1)).paras
    paras, chars = [], 0
    while chars < pages * 22 * 28:
        paras.extend(report)
        chars += sum(len(p) for p in report)
    return paras


def main(argv):
    out = argv[1]
    os.makedirs(out, exist_ok=True)
    if "--pages" in argv:
        pages = int(argv[argv.index("--pages") + 1])
        with open(os.path.join(out, "long-%d-pages.txt" % pages), "w", encoding="utf-8") as f:
            f.write("\n".join(long_report(pages)) + "\n")
        return 0
    seeds = int(argv[2]) if len(argv) > 2 else 40
    manifest = []
    for seed in range(1, seeds + 1):
        d = Department(seed)
        s = style_of(seed)
        clean = write(d, s)
        name = "dept-%03d" % seed
        save(os.path.join(out, name + ".txt"), clean)
        manifest.append(dict(file=name + ".txt", seed=seed, fault=None, expected=[]))
        for fault in FAULTS:
            r = copy.deepcopy(clean)
            expected = fault(d, s, r)
            if expected is None:
                continue
            file = "%s-%s.txt" % (name, fault.__name__[len("fault_"):])
            save(os.path.join(out, file), r)
            manifest.append(dict(file=file, seed=seed, fault=fault.__name__, expected=expected))
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
