"""faults.py: one fault at a time, planted into a copy of a department, with
the one finding Jixiao must report for it (its code and the cell it must
point at) and nothing else.

Each planter takes a deep copy of the department, its layout options and
the scoring rules, changes one thing, and returns the expected findings as
(code, address key) pairs, or None when this department offers no place
for that fault (no people indicator, a table with fewer than two rows).
"""
import copy

import department as dept


def _indicators(d):
    return [(n, ind) for n, ind in enumerate(i for i in d.indicators if not isinstance(i, tuple))]


def _amount_text_like(old, cents):
    """The new amount written as the old one was (number or text)."""
    return "%.2f万元" % (cents / 100) if isinstance(old, str) else round(cents / 100, 2)


# --- sums -------------------------------------------------------------------------

def sum_total(d, options, rules, rng):
    """整体支出's budget (initial or full-year) off by 1.00."""
    field = "spending.total.budget_initial"
    if rng.random() < 0.5:
        rate = d.budget["spending.total.executed"] / (d.budget["spending.total.budget"] + 100)
        if rate >= rules["execution_explain_below"] or "execution.explanation" in d.budget:
            field = "spending.total.budget"
    d.budget[field] += 100
    return [("JX-SUM-MISMATCH", ("field", field))]


def _off_by_one(part, total, rng):
    """part ± 1.00 yuan-hundred, never above its total (a part larger than its
    total is a second finding of its own) nor below zero."""
    steps = [s for s in (100, -100) if 0 <= part + s and part + s <= total]
    return part + rng.choice(steps) if steps else None


def sum_item(d, options, rules, rng):
    """A line item of 基本支出明细 off by 1.00: its class no longer adds up."""
    classes = {code: amount for code, _, amount in d.items if len(code) == 3}
    leaves = [(k, row) for k, row in enumerate(d.items)
              if len(row[0]) > 3 and row[2] is not None and _off_by_one(row[2], classes[row[0][:3]], rng)]
    if not leaves:
        return None
    k, (code, name, amount) = rng.choice(leaves)
    d.items[k] = (code, name, _off_by_one(amount, classes[code[:3]], rng))
    return [("JX-SUM-MISMATCH", ("row", "expense_items", code[:3], "executed"))]


def sum_project(d, options, rules, rng):
    """A project's spending off by 1.00: 项目支出 no longer adds up."""
    total = d.budget["spending.project.executed"]
    projects = [p for p in d.projects if _off_by_one(p["executed"], total, rng) is not None]
    if not projects:
        return None
    project = rng.choice(projects)
    project["executed"] = _off_by_one(project["executed"], total, rng)
    return [("JX-SUM-MISMATCH", ("field", "spending.project.executed"))]


# --- one figure quoted twice --------------------------------------------------------

def _reverse_class(target, actual, rules):
    if actual > target + 1e-9:
        return "unmet"
    return "over" if (2 * target - actual) / target >= rules["overachievement"] - 1e-9 else "met"


def same_cost(d, options, rules, rng):
    """The cost indicator quotes the year's spending with two digits swapped
    (852.36 for 852.63), or a yuan off."""
    for n, ind in _indicators(d):
        if ind.kind != "cost":
            continue
        spent = d.budget["spending.total.executed"]
        text = "%d" % spent
        swapped = int(text[:-2] + text[-1] + text[-2]) if text[-1] != text[-2] else None
        for candidate in [swapped, spent - 100, spent + 100]:
            if candidate is None or candidate <= 0:
                continue
            if _reverse_class(ind.value * 100, candidate, rules) == ind.met:
                ind.actual = _amount_text_like(ind.actual, candidate)
                return [("JX-SAME-DIFFERS", ("row", "indicators", n, "actual"))]
    return None


def same_items_total(d, options, rules, rng):
    """基本支出明细's 合计 differs from 基本支出 on 基础数据表."""
    d.items_total += rng.choice([27, 100, -90])
    return [("JX-SAME-DIFFERS", ("field", "basic_items.total"))]


# --- units ------------------------------------------------------------------------

def people_in_money(d, options, rules, rng):
    """A count of people given in 万元."""
    found = [(n, ind) for n, ind in _indicators(d) if ind.kind == "people" or ind.unit in ("人", "人次")]
    if not found:
        return None
    n, ind = rng.choice(found)
    ind.actual = "%s万元" % dept.number_text(max(1, round(ind.value / 10000, 2)) if ind.value >= 10000 else ind.value)
    return [("JX-PEOPLE-IN-MONEY", ("row", "indicators", n, "actual"))]


def money_in_people(d, options, rules, rng):
    """An amount target whose actual is counted in people."""
    found = [(n, ind) for n, ind in _indicators(d) if ind.kind == "money"]
    found = found or [(n, ind) for n, ind in _indicators(d) if ind.kind == "cost"]
    n, ind = rng.choice(found)
    ind.actual = "%s万人次" % dept.number_text(round(ind.value, 2))
    return [("JX-INDICATOR-UNITS", ("row", "indicators", n, "actual"))]


# --- an unmet indicator without its 偏差原因 -------------------------------------------------

def unmet_no_reason(d, options, rules, rng):
    found = [(n, ind) for n, ind in _indicators(d)
             if ind.met == "met" and not ind.deviation and ind.kind in ("count", "people", "money", "percent")
             and ind.value > 0]
    if not found:
        return None
    n, ind = rng.choice(found)
    low = ind.value * rng.uniform(0.5, 0.9)
    if ind.kind == "percent":
        ind.actual = "%s%%" % dept.number_text(round(low, 1))
    elif ind.kind == "money":
        ind.actual = "%s万元" % dept.number_text(round(low, 2))
    else:
        ind.actual = "%d%s" % (max(0, int(low)), ind.unit)
    return [("JX-UNMET-NO-REASON", ("row", "indicators", n, "deviation"))]


# --- a blank row in a table -----------------------------------------------------------

def _data_rows(d, table):
    if table == "indicators":
        return [not isinstance(i, tuple) for i in d.indicators]
    if table == "expense_items":
        return [True] * len(d.items)
    if table == "projects":
        return [True] * len(d.projects)
    return [True] * len(d.funds.get(table, []))


def blank_row(table):
    def plant(d, options, rules, rng):
        used = _data_rows(d, table)
        # before row n, with a used row above it and one at or below it
        places = [n for n in range(1, len(used)) if any(used[:n]) and any(used[n:])]
        if not places:
            return None
        options.blank_row = (table, rng.choice(places))
        return [("JX-ROW-BLANK", ("blank", table))]
    plant.__name__ = "blank_row_" + table
    return plant


PLANTERS = [
    ("sum-total", sum_total), ("sum-item", sum_item), ("sum-project", sum_project),
    ("same-cost", same_cost), ("same-items-total", same_items_total),
    ("people-in-money", people_in_money), ("money-in-people", money_in_people),
    ("unmet-no-reason", unmet_no_reason),
    ("blank-row-indicators", blank_row("indicators")), ("blank-row-items", blank_row("expense_items")),
    ("blank-row-projects", blank_row("projects")),
    ("blank-row-government-funds", blank_row("government_funds")),
    ("blank-row-state-capital", blank_row("state_capital")),
    ("blank-row-social-insurance", blank_row("social_insurance")),
]


def plant(planter, d, options, rules, rng):
    """(department copy, options copy, expected) or None."""
    d2 = copy.deepcopy(d)
    o2 = copy.copy(options)
    expected = planter(d2, o2, rules, rng)
    if expected is None:
        return None
    return d2, o2, expected
