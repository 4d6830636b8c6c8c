#!/usr/bin/python3
"""make_workbooks.py: writes the standard self-evaluation workbook and the
filled example of the reference report, through a real headless LibreOffice.

    /usr/bin/python3 tools/make_workbooks.py [--profile DIR] [--out DIR]

Run with Debian's /usr/bin/python3 (it has python3-uno).  The office is
driven through tests/integration/office.py; the profile (default
build/workbook-profile) is created with `soffice --terminate_after_init` if
it does not exist yet.  No extension is needed.  Writes into --out (default
examples/):

  standard-workbook.fods             the empty workbook a finance bureau sends
                                     out: every input cell empty, the standard
                                     rows (economic classification codes,
                                     indicator levels) listed, weights preset;
  yuanjiang-cast-2023.fods           the reference report (沅江市科学技术协会,
                                     2023) entered exactly as the report states
                                     it, its inconsistencies included;
  yuanjiang-cast-2023-corrected.fods the same with every inconsistency
                                     corrected, so that validation finds no
                                     errors.

The three files share one layout (sheets, rows, columns, styles, drop-downs,
protection); only the content of input cells differs.  examples/README.md
lists the cells, the inconsistencies and the assumptions made where the
report is silent (budgets, staff numbers, indicator targets and weights);
registration/schema/hunan-department-2023.json describes the layout for
Jixiao.  Keep the three in step when changing a label, a row or a column.

Cells:
  - input cells are light yellow and unlocked;
  - computed cells (执行率, 得分, 总分, 等级, 控制率, sums) are light blue,
    locked and EMPTY: Jixiao's Compute fills them;
  - every sheet is protected without a password, so that Compute can
    unprotect, write and protect again.

Determinism: the documents are built in a fixed order from the data below
and stored with storeToURL (filter "OpenDocument Spreadsheet Flat XML").
LibreOffice stamps the save time into the meta block (<dc:date>, or
<meta:creation-date> when the profile removes personal data on saving);
those dates are rewritten to a fixed one, and the editing duration to
zero, after storing, so that re-running the script yields byte-identical
files.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import uno  # noqa: E402  (python3-uno, after the path is set)
from com.sun.star.lang import Locale  # noqa: E402
from com.sun.star.table import CellAddress, CellRangeAddress  # noqa: E402

from office import Office, props  # noqa: E402

FILTER = "OpenDocument Spreadsheet Flat XML"
FIXED_DATE = "2024-03-31T00:00:00"      # written into <dc:date> and creation date

# ---------------------------------------------------------------------------
# Look
# ---------------------------------------------------------------------------

# Font lists: LibreOffice takes the first installed one.  Noto CJK SC
# (fonts-noto-cjk) comes first because fontconfig "finds" any name on Linux
# (宋体 would turn into DejaVu plus Japanese glyph fallback); a Chinese
# Windows office has no Noto and takes 宋体/黑体.
FONT_BODY = "Noto Serif CJK SC;宋体;SimSun"
FONT_TITLE = "Noto Sans CJK SC;黑体;SimHei"
INPUT_BACK = 0xFFF2CC                   # light yellow: staff fill these
COMPUTED_BACK = 0xDDEBF7                # light grey-blue: Jixiao's Compute fills these
HEADER_BACK = 0xE7E6E6                  # light grey: column headers
BORDER_COLOR = 0x000000

AMOUNT = "0.00"
PERCENT = "0.00%"
INTEGER = "0"
TEXT = "@"
GENERAL = "General"                     # weights: 10, 8, 2.5 as typed

# name: (parent, properties).  Properties read: back, bold, size, align
# (left/center/right), valign (top/center), wrap, border, locked, format, indent.
STYLES = {
    "JX-Title": dict(font="title", bold=True, size=16, align="center", valign="center", locked=True),
    "JX-Unit": dict(align="right", valign="center", locked=True),
    "JX-Note": dict(wrap=True, valign="top", locked=True),
    "JX-Header": dict(back=HEADER_BACK, bold=True, align="center", valign="center",
                      wrap=True, border=True, locked=True),
    "JX-Label": dict(valign="center", wrap=True, border=True, locked=True),
    "JX-Label-Bold": dict(bold=True, valign="center", wrap=True, border=True, locked=True),
    "JX-Label-Indent": dict(valign="center", wrap=True, border=True, locked=True, indent=2),
    "JX-Label-Center": dict(bold=True, align="center", valign="center", border=True,
                            locked=True),
    "JX-Fixed": dict(border=True, locked=True),
    "JX-Input-Text": dict(back=INPUT_BACK, valign="center", wrap=True, border=True,
                          locked=False, format=TEXT),
    "JX-Input-Long": dict(back=INPUT_BACK, valign="top", wrap=True, border=True,
                          locked=False, format=TEXT),
    "JX-Input-Center": dict(back=INPUT_BACK, align="center", valign="center", wrap=True,
                            border=True, locked=False, format=TEXT),
    "JX-Input-Code": dict(back=INPUT_BACK, align="left", valign="center", border=True,
                          locked=False, format=TEXT),
    "JX-Input-Code-Bold": dict(back=INPUT_BACK, bold=True, align="left", valign="center",
                               border=True, locked=False, format=TEXT),
    "JX-Input-Name-Bold": dict(back=INPUT_BACK, bold=True, valign="center", wrap=True,
                               border=True, locked=False, format=TEXT),
    "JX-Input-Name-Indent": dict(back=INPUT_BACK, valign="center", wrap=True, border=True,
                                 locked=False, format=TEXT, indent=2),
    "JX-Input-Amount": dict(back=INPUT_BACK, align="right", valign="center", border=True,
                            locked=False, format=AMOUNT),
    "JX-Input-Amount-Bold": dict(back=INPUT_BACK, bold=True, align="right",
                                 valign="center", border=True, locked=False,
                                 format=AMOUNT),
    "JX-Input-Year": dict(back=INPUT_BACK, align="left", valign="center", border=True,
                          locked=False, format=INTEGER),
    "JX-Input-Integer": dict(back=INPUT_BACK, align="right", valign="center", border=True,
                             locked=False, format=INTEGER),
    "JX-Input-Weight": dict(back=INPUT_BACK, align="center", valign="center", border=True,
                            locked=False, format=GENERAL),
    "JX-Computed-Amount": dict(back=COMPUTED_BACK, align="right", valign="center",
                               border=True, locked=True, format=AMOUNT),
    "JX-Computed-Percent": dict(back=COMPUTED_BACK, align="right", valign="center",
                                border=True, locked=True, format=PERCENT),
    "JX-Computed-Score": dict(back=COMPUTED_BACK, align="center", valign="center",
                              border=True, locked=True, format=AMOUNT),
    "JX-Computed-Text": dict(back=COMPUTED_BACK, bold=True, align="center",
                             valign="center", border=True, locked=True),
    "JX-Legend-Input": dict(back=INPUT_BACK, border=True, locked=True),
    "JX-Legend-Computed": dict(back=COMPUTED_BACK, border=True, locked=True),
    "JX-Legend-Header": dict(back=HEADER_BACK, border=True, locked=True),
}

# ---------------------------------------------------------------------------
# Fixed vocabulary of the workbook
# ---------------------------------------------------------------------------

LEVEL1 = ["产出指标", "效益指标", "满意度指标", "成本指标"]
LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
          "生态效益指标", "可持续影响指标", "服务对象满意度指标"]
BANDS = ["达成年度指标", "部分达成年度指标并具有一定效果", "未达成年度指标且效果较差"]
# the parts of an indicator row of the data below, in order
INDICATOR_PARTS = ("level1", "level2", "level3", "target", "actual", "weight", "band", "deviation")

# 基本情况: (label, kind) in row order from row 3; kind: text (one line),
# long (paragraphs), integer, computed (ratio, a percentage).
INFO_ROWS = [
    ("单位名称", "text"), ("年度", "integer"),
    ("主要职责", "long"), ("机构设置", "long"),
    ("内设机构数", "integer"), ("所属事业单位数", "integer"),
    ("编制数", "integer"), ("实际在职人数", "integer"), ("在职人员控制率", "computed"),
    ("支出主要用途", "long"), ("支出涉及范围", "long"),
    ("项目资金使用管理情况", "long"), ("项目组织情况", "long"), ("项目管理情况", "long"),
    ("资产管理情况", "long"), ("绩效目标设置情况", "long"),
    ("绩效目标完成情况概述", "long"), ("存在的主要问题及原因", "long"),
    ("下一步改进措施", "long"), ("结果应用和公开情况", "long"),
    ("其他需要说明的情况", "long"),
]

# 基本支出明细 of the standard workbook: 政府支出经济分类 (department level),
# the classes and the items a department commonly has.  (code, name)
STANDARD_ITEMS = [
    ("301", "工资福利支出"),
    ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
    ("30106", "伙食补助费"), ("30107", "绩效工资"),
    ("30108", "机关事业单位基本养老保险缴费"), ("30109", "职业年金缴费"),
    ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴费"),
    ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30114", "医疗费"),
    ("30199", "其他工资福利支出"),
    ("302", "商品和服务支出"),
    ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"), ("30204", "手续费"),
    ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"),
    ("30209", "物业管理费"), ("30211", "差旅费"), ("30212", "因公出国（境）费用"),
    ("30213", "维修（护）费"), ("30214", "租赁费"), ("30215", "会议费"),
    ("30216", "培训费"), ("30217", "公务接待费"), ("30218", "专用材料费"),
    ("30226", "劳务费"), ("30227", "委托业务费"), ("30228", "工会经费"),
    ("30229", "福利费"), ("30231", "公务用车运行维护费"), ("30239", "其他交通费用"),
    ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出"),
    ("303", "对个人和家庭的补助"),
    ("30301", "离休费"), ("30302", "退休费"), ("30305", "生活补助"), ("30306", "救济费"),
    ("30307", "医疗费补助"), ("30309", "奖励金"), ("30399", "其他对个人和家庭的补助"),
    ("310", "资本性支出"),
    ("31002", "办公设备购置"), ("31003", "专用设备购置"),
    ("31007", "信息网络及软件购置更新"), ("31013", "公务用车购置"),
    ("31099", "其他资本性支出"),
]

# 部门整体支出绩效自评表 of the standard workbook: the indicator framework,
# 三级指标 left for the department (the cost row excepted).
STANDARD_INDICATORS = [
    ("产出指标", "数量指标", ""), ("产出指标", "数量指标", ""), ("产出指标", "数量指标", ""),
    ("产出指标", "数量指标", ""), ("产出指标", "质量指标", ""), ("产出指标", "质量指标", ""),
    ("产出指标", "时效指标", ""), ("产出指标", "成本指标", "部门整体支出"),
    ("效益指标", "经济效益指标", ""), ("效益指标", "社会效益指标", ""),
    ("效益指标", "社会效益指标", ""), ("效益指标", "生态效益指标", ""),
    ("效益指标", "可持续影响指标", ""),
    ("满意度指标", "服务对象满意度指标", ""),
]

# ---------------------------------------------------------------------------
# The reference report: 沅江市科学技术协会 2023年度部门整体支出绩效自评报告
# (/work/shared/reference/yuanjiang-cast-2023-self-evaluation.txt).  Figures
# as the report states them; what the report does not state is marked
# ASSUMED and listed in examples/README.md.
# ---------------------------------------------------------------------------

YUANJIANG_INFO = {
    "单位名称": "沅江市科学技术协会",
    "年度": 2023,
    "主要职责": (
        "弘扬科学精神、普及科学知识、传播科学思想、倡导科学方法，提高全市人民的科学文化素质;"
        "组织科学技术工作者为地方党委和政府制定科学技术政策、法规提供咨询，参与地方事务的政治协商、"
        "科学决策、民主监督等有关工作;会同有关部门开展国家公务员、科技工作者的继续教育，"
        "青少年科技教育和农村实用技术培训:组织开展社区、乡村科普示范创建工作，负责科普示范基地、"
        "示范户、农技协会的归口管理和业务指导;沟通科技工作者与党政领导的联系，反映科技工作者的"
        "建议与要求，维护科技工作者的合法权益，宣传表彰优秀科技工作者，向有关部门推荐人才;"
        "承办市委、市政府和上级业务主管部门交办的其它事项，"),
    "机构设置": (
        "根据编委核定，我会内设股室3个，所属事业单位2个全部纳入2023年部门预算编制范围。"
        "内设股室分别是办公室、学会学术工作部、科学普及工作部。\n"
        "所属事业单位分别是沅江市青少年科技活动中心、沅江市创新创业研究院。"),
    "内设机构数": 3,
    "所属事业单位数": 2,
    "编制数": 16,                        # ASSUMED: the report states no staff numbers
    "实际在职人数": 15,                  # ASSUMED
    "支出主要用途": (
        "1. 开展学术交流，活跃学术思想，促进学科发展，提高学术水平；\n"
        "2. 弘扬科学精神，普及科技知识，推广先进科学技术，开展科技普及教育活动，捍卫科学尊严；\n"
        "3. 反映科技工作者的意愿和要求，维护科技工作者的合法权益，为科技团体和科技工作者服务；\n"
        "4. 组织科技工作者为党和政府制订科技政策、法规提供咨询，参与国家事务的政治协商、"
        "科学决策、民主监督等有关工作；\n"
        "5. 负责表彰奖励优秀科技工作者的有关工作，宣传和举荐人才；\n"
        "6. 开展科学论证、咨询服务，提出政策建议，参加技术攻关，促进科技成果转化；\n"
        "7. 开展民间科学技术交流活动，"),
    "支出涉及范围": (
        "2023年部门整体支出涉及范围包括工资福利支出、商品和服务支出、对个人和家庭的补助支出、"
        "资本性支出及其他支出。"),
    "项目资金使用管理情况": (
        "我会严格按照财政局规定，实行专款专用，全部项目资金用于项目相关经济内容的支出，"
        "加强对资金使用情况的管理和检查，杜绝挤占、截留、挪用现象发生，提高资金使用效益。"),
    "项目组织情况": (
        "我会项目支出严格执行预算管理和政府采购制度。按照市政府最新集中采购目录及政府采购限额标准，"
        "按照政府采购的要求和程序，依法实行政府采购；集中采购目录及政府采购限额标准以外的采购通过"
        "《沅江市科学技术协会招标采购工作实施细则》予以规范；依据政府采购法进行招投标，"
        "按政府采购的规定及相关程序要求对项目进行验收。对需要进行财政评审的项目，"
        "及时报送财评进行招标控制价的评审以及结算评审。"),
    "项目管理情况": (
        "我会结合单位实际，修订完善了《财务管理制度》、《财务公开制度》、《“三重一大”集体决策制度》、"
        "《固定资产管理制度》等，牢固树立“先预算，后支出”、“无预算、不支出”的观念，"
        "项目支出严格纳入经费预算，统筹安排使用专项资金，专项资金的分配、使用和管理遵循综合预算、"
        "公平公正、分类管理、绩效考评的原则，监督用款股室按照资金用途专款专用，"
        "根据批复的预算严格控制各项支出，没有纳入预算的项目不能支出，严格按照制度执行，"
        "确保资金运转规范有序。"),
    "资产管理情况": (
        "建立了固定资产台帐，指定专人管理，及时登记，科学使用，实现了“一物一卡一条码”。"
        "固定资产的调出、处置、报废、报损严格执行国家有关规定的审批程序办理。"),
    "绩效目标设置情况": (
        "1、加强队伍建设，完善基础设施设备，加强科普活动，鼓励科技创新和成果运用。\n"
        "2、各项数量指标、质量指标、时效指标、效益指标、可持续发展指标、公众满意度指标的完成情况"
        "基本达到预期设计要求；\n"
        "3、做好为沅江籍和为沅江服务的院士专家的日常联络和服务工作。"),
    "绩效目标完成情况概述": (
        "2023年我会认真落实上级决策部署，严格按照全面预算管理要求执行，总体控制得当。"
        "根据年初绩效目标设定，结合2023年度协会的重点工作和计划安排情况，优先保障重点项目支出。"
        "全年预算完成率和支付进度率较高，一般性支出规模得到进一步控制和压减。"),
    "存在的主要问题及原因": (
        "沅江市科学技术协会根据财政局的要求，严格进行绩效目标管理，严格按预算进行部门整体支出，"
        "所有资金均按预算用途进行管理、使用，保证资金使用规范、高效，提升整体效益，"
        "实现了部门预算管理总体目标。目前我会资金压力大，运行艰难的情况，严重制约了科学宣传工作的发展。"),
    "下一步改进措施": (
        "（一）应科学合理编制预算，严格执行预算\n"
        "加强预算编制的前瞻性，按政策规定及本部门的发展规划，结合上一年度预算执行情况和本年度"
        "预算收支变化因素，科学、合理地编制本年预算草案，避免项目支出与基本支出划分不准或预算支出"
        "与实际执行出现较大偏差的情况，执行中确需调剂预算的，按规定程序报经批准。\n"
        "（二）完善管理制度，进一步加强经费管理\n"
        "进步贯彻落实中央八项规定和湖南省委“九条规定”，建立本部门“三公经费”等公务支出管理制度"
        "及厉行节约制度，加强经费审批和控制，规范支出标准与范围，并严格执行。"),
    "结果应用和公开情况": (
        "在被评价年度按照《预算法》和政府信息公开有关规定在单位门户网站或其他渠道公开相关预决算信息，"
        "用以反映单位预决算管理的公开透明情况:在被评价年度按照绩效目标批复要求在单位门户网站或其他"
        "渠道公开绩效目标，所公开的绩效目标内容与批复一致;被评价年度按绩效自评规定在单位门户网站或"
        "其他渠道公开自评材料，用以反映单位公开的自评材料的真实、及时、透明情况。"),
    "其他需要说明的情况": "无。",
}

# 基础数据表: label → (年初预算数, 全年预算数, 全年执行数).  执行数 and the
# total's 年初预算数 are the report's; the other budgets are ASSUMED.
YUANJIANG_SPENDING = {
    "整体支出": (359.95, 420.50, 410.41),
    "基本支出": (259.95, 280.50, 273.77),
    "项目支出": (100.00, 140.00, 136.64),
}
EXECUTION_WEIGHT = 10

# 经费控制: label → (上年决算数, 本年预算数, 本年决算数); None = not stated.
# 本年决算 of 公务接待费 and 公务用车 from the 商品和服务 items; 出国 ASSUMED 0.
YUANJIANG_CONTROL = {
    "公务用车购置及运行维护费": (None, None, 0.00),
    "因公出国（境）费": (None, None, 0.00),
    "公务接待费": (None, None, 0.16),
}

# 基本支出明细 as the report lists it: (code, name, 全年执行数).  Codes are
# the 政府支出经济分类 codes of the report's wording; two report lines
# cover several codes (30101/30102/30107; 30205/30206) and stand under the
# first.  "工会经" in the report is 工会经费.
YUANJIANG_ITEMS = [
    ("301", "工资福利支出", 273.77),
    ("30101", "基本工资、绩效工资、津补贴", 115.87),
    ("30103", "奖金", 37.66),
    ("30106", "伙食补助费", 0.00),
    ("30108", "基本养老保险缴费", 23.93),
    ("30110", "基本医疗保险缴费", 11.33),
    ("30112", "其他社会保障缴费", 1.89),
    ("30113", "住房公积金", 20.54),
    ("30199", "其他工资福利支出", 6.34),
    ("302", "商品和服务支出", 41.73),
    ("30201", "办公费", 1.89),
    ("30202", "印刷费", 0.13),
    ("30203", "咨询费", 0.00),
    ("30205", "水电费", 1.05),
    ("30207", "邮电费", 0.05),
    ("30209", "物业管理费", 0.35),
    ("30211", "差旅费", 4.99),
    ("30213", "维修费", 6.42),
    ("30215", "会议费", 0.13),
    ("30216", "培训费", 0.40),
    ("30217", "公务接待费", 0.16),
    ("30226", "劳务费", 0.39),
    ("30228", "工会经费", 6.39),
    ("30229", "福利费", 9.00),
    ("30231", "公务用车维护费", 0.00),
    ("30239", "其他交通费用", 9.72),
    ("30299", "其他商品和服务支出", 1.99),
    ("303", "对个人和家庭的补助", 4.62),
    ("30305", "生活补助", 2.03),
    ("30306", "救济费", 0.50),
    ("30309", "奖励金", 2.09),
    ("30399", "其他对个人和家庭的补助支出", 5.40),
    ("310", "资本性支出", 0.33),
    ("31002", "办公设备购置", 0.33),
]
YUANJIANG_ITEMS_TOTAL = 273.77          # the 合计 row: 基本支出 as the department wrote it

# 项目支出: (name, 年初预算数, 全年预算数, 全年执行数, 年度目标, 实际完成情况,
# 偏差说明).  The report gives only the two names and their joint spending
# 114.41 (40 of it 益阳市's grant for the 院士专家 office): the split and all
# budgets are ASSUMED.
YUANJIANG_PROJECTS = [
    ("院士专家办公室工作经费专项", 10.00, 42.00, 40.00,
     "做好为沅江籍和为沅江服务的院士专家的日常联络和服务工作；建立益阳市级专家工作站不少于2个。",
     "建成尹来容、黄裕华2个益阳市级专家工作站；联合益阳市科协完成马海有、卢向阳专家工作站绩效评估，"
     "分别获得20万元引导资金支持。支出中40万元为益阳市对院士专家办公室工作经费的专项拨款。",
     ""),
    ("科普专项", 90.00, 98.00, 74.41,
     "开展中小学科普科技培训不少于300人次，日常科普发布不少于100期，常态化开展科普服务活动。",
     "“沅来有理”科技创新班公益培训300余人次；“每日一科普”发布100期；开展科普活动110多场次，"
     "直接受益中小学生5000多人次，辐射带动全市中小学生60000余人次。",
     ""),
]

# 部门整体支出绩效自评表: (一级, 二级, 三级, 年度指标值, 实际完成值, 分值,
# 定性档次, 偏差原因).  实际完成值 as the report words it; targets and
# weights ASSUMED (the report states only the cost target, 年初预算
# 359.95).  Weights: 产出 50 (成本 10 of it), 效益 30, 满意度 10; 预算执行率
# 10 on 基础数据表.
YUANJIANG_INDICATORS = [
    ("产出指标", "数量指标", "建立市级专家工作站", "≥2个", "二个", 6, "", ""),
    ("产出指标", "数量指标", "中小学科普科技培训", "≥300人次", "300余人次", 6, "", ""),
    ("产出指标", "数量指标", "日常科普发布期数", "≥100期", "100期", 6, "", ""),
    ("产出指标", "数量指标", "科普活动场次", "≥80场次", "110多场次", 6, "", ""),
    ("产出指标", "数量指标", "直接受益中小学生", "≥6000人次", "5000多人次", 6, "", ""),
    ("产出指标", "数量指标", "辐射带动全市中小学生", "≥60000人次", "60000余人次", 5, "", ""),
    ("产出指标", "时效指标", "完成时限", "2023年12月31日前", "按时完成", 5, "", ""),
    ("产出指标", "成本指标", "部门整体支出", "≤359.95万元", "410.42万元", 10, "", ""),
    ("效益指标", "经济效益指标", "专家工作站引导资金", "≥20万元", "20万元", 8, "", ""),
    ("效益指标", "社会效益指标", "科普活动受益学生辐射人数", "≥6万人次", "超过6万元", 8, "", ""),
    ("效益指标", "社会效益指标", "最美科技工作者评选", "≥12名", "12名", 6, "", ""),
    ("效益指标", "可持续影响指标", "常态化开展科普服务", "持续开展", "常态化开展", 8,
     "达成年度指标", ""),
    ("满意度指标", "服务对象满意度指标", "科技工作者及群众满意度", "≥95%", "超95%", 10, "", ""),
]


def yuanjiang(corrected):
    """The example's content; corrected=True applies the minimal corrections
    listed in examples/README.md."""
    items = [list(row) for row in YUANJIANG_ITEMS]
    projects = [list(row) for row in YUANJIANG_PROJECTS]
    indicators = [list(row) for row in YUANJIANG_INDICATORS]
    if corrected:
        fix_items = {
            "301": 220.36,      # = 273.77 − 43.06 − 10.02 − 0.33
            "30199": 9.14,      # 6.34 + 2.80: the items of 301 then add up to 220.36
            "302": 43.06,       # = Σ its 17 items
            "303": 10.02,       # = Σ its 4 items
        }
        for row in items:
            if row[0] in fix_items:
                row[2] = fix_items[row[0]]
        for row in projects:
            if row[0] == "科普专项":
                row[3] = 96.64  # 40.00 + 96.64 = 136.64 = 项目支出
        deviations = {
            "科普活动场次": (
                "“百名院士进校园·万名科技工作者上讲台”专项行动带动学校需求增加，活动场次超出年度指标；"
                "年初目标值设定偏保守，下一年度将结合上年完成情况合理设定。"),
            "直接受益中小学生": (
                "部分学校因教学安排调整未能集中组织学生参加活动，直接受益人次未达年度指标；"
                "下一步加强与教育部门和学校的统筹，提前制定活动计划。"),
            "部门整体支出": (
                "年中追加院士专家办公室工作经费（含益阳市专项拨款40万元）等资金，全年支出超出年初预算；"
                "下一步提高预算编制的前瞻性，严格按预算执行。"),
        }
        for row in indicators:
            if row[2] == "部门整体支出":
                row[4] = "410.41万元"
            if row[2] == "科普活动受益学生辐射人数":
                row[4] = "超过6万人次"
            if row[2] in deviations:
                row[7] = deviations[row[2]]
    return dict(info=YUANJIANG_INFO, spending=YUANJIANG_SPENDING,
                execution_weight=EXECUTION_WEIGHT, execution_explanation="",
                control=YUANJIANG_CONTROL, items=items, items_total=YUANJIANG_ITEMS_TOTAL,
                projects=projects, indicators=indicators)


def standard():
    """The empty workbook: standard rows listed, inputs empty, weight preset."""
    return dict(info={}, spending={}, execution_weight=EXECUTION_WEIGHT,
                execution_explanation="", control={},
                items=[(code, name, None) for code, name in STANDARD_ITEMS],
                items_total=None, projects=[None] * 5,
                indicators=[(l1, l2, l3, "", "", None, "", "")
                            for l1, l2, l3 in STANDARD_INDICATORS])


# ---------------------------------------------------------------------------
# Building a document
# ---------------------------------------------------------------------------

def col_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class Workbook:
    """One Calc document being built; cells are addressed "B3" style."""

    def __init__(self, office):
        self.office = office
        self.doc = office.create("scalc")
        self.doc.lockControllers()
        self.formats = self.doc.NumberFormats
        self.locale = Locale("zh", "CN", "")
        self._setup_document()
        self._make_styles()
        self._make_page_styles()
        self.sheet = None
        self.sheet_index = -1
        self.level1 = LEVEL1                # the 一级指标 of the form
        self.optimal_rows = []              # (sheet, row): fitted once the view is unlocked

    # -- document-wide ------------------------------------------------------

    def _format(self, code):
        if code == GENERAL:
            return self.formats.getStandardIndex(self.locale)
        key = self.formats.queryKey(code, self.locale, False)
        if key == -1:
            key = self.formats.addNew(code, self.locale)
        return key

    def _setup_document(self):
        props_ = self.doc.DocumentProperties
        date = uno.createUnoStruct("com.sun.star.util.DateTime")
        date.Year, date.Month, date.Day = 2024, 3, 31
        props_.CreationDate = date
        props_.Author = ""
        default = self.doc.StyleFamilies.getByName("CellStyles").getByName("Default")
        default.CharFontName = FONT_BODY
        default.CharFontNameAsian = FONT_BODY
        default.CharHeight = 10.5
        default.CharHeightAsian = 10.5
        default.CharLocaleAsian = Locale("zh", "CN", "")

    def _make_styles(self):
        family = self.doc.StyleFamilies.getByName("CellStyles")
        for name, spec in STYLES.items():
            style = self.doc.createInstance("com.sun.star.style.CellStyle")
            family.insertByName(name, style)
            style.ParentStyle = "Default"
            if "back" in spec:
                style.IsCellBackgroundTransparent = False
                style.CellBackColor = spec["back"]
            if spec.get("bold"):
                style.CharWeight = 150.0
                style.CharWeightAsian = 150.0
            if spec.get("font") == "title":
                style.CharFontName = FONT_TITLE
                style.CharFontNameAsian = FONT_TITLE
            if "size" in spec:
                style.CharHeight = spec["size"]
                style.CharHeightAsian = spec["size"]
            if "align" in spec:
                style.HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify",
                                             spec["align"].upper())
            if "valign" in spec:
                style.VertJustify = {"top": 1, "center": 2}[spec["valign"]]
            if spec.get("wrap"):
                style.IsTextWrapped = True
            if spec.get("indent"):
                style.HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify", "LEFT")
                style.ParaIndent = 350 * spec["indent"]
            if spec.get("border"):
                line = uno.createUnoStruct("com.sun.star.table.BorderLine2")
                line.Color = BORDER_COLOR
                line.OuterLineWidth = 18
                line.LineWidth = 18
                line.LineStyle = 0
                for side in ("TopBorder", "BottomBorder", "LeftBorder", "RightBorder"):
                    style.setPropertyValue(side, line)
            protection = uno.createUnoStruct("com.sun.star.util.CellProtection")
            protection.IsLocked = spec.get("locked", True)
            style.CellProtection = protection
            if "format" in spec:
                style.NumberFormat = self._format(spec["format"])

    def _make_page_styles(self):
        family = self.doc.StyleFamilies.getByName("PageStyles")
        for name, landscape in (("JX-Portrait", False), ("JX-Landscape", True)):
            style = self.doc.createInstance("com.sun.star.style.PageStyle")
            family.insertByName(name, style)
            style.IsLandscape = landscape
            style.Width, style.Height = (29700, 21000) if landscape else (21000, 29700)
            style.LeftMargin = style.RightMargin = 1500
            style.TopMargin = style.BottomMargin = 1500
            style.CenterHorizontally = True
            style.ScaleToPagesX = 1
            style.ScaleToPagesY = 0
            style.HeaderIsOn = False
            style.FooterIsOn = True
            footer = style.RightPageFooterContent
            for part in (footer.LeftText, footer.RightText):
                part.String = ""
            text = footer.CenterText
            text.String = ""
            cursor = text.createTextCursor()
            text.insertString(cursor, "第 ", False)
            text.insertTextContent(
                cursor, self.doc.createInstance("com.sun.star.text.TextField.PageNumber"), False)
            text.insertString(cursor, " 页", False)
            style.RightPageFooterContent = footer

    # -- sheets -------------------------------------------------------------

    def new_sheet(self, name, widths_mm, landscape=False):
        sheets = self.doc.Sheets
        self.sheet_index += 1
        if self.sheet_index == 0:
            self.sheet = sheets.getByIndex(0)
            self.sheet.Name = name
        else:
            sheets.insertNewByName(name, self.sheet_index)
            self.sheet = sheets.getByIndex(self.sheet_index)
        self.sheet.PageStyle = "JX-Landscape" if landscape else "JX-Portrait"
        columns = self.sheet.Columns
        for index, width in enumerate(widths_mm):
            columns.getByIndex(index).Width = int(width * 100)
        self.width = len(widths_mm)
        return self.sheet

    def cell(self, address):
        return self.sheet.getCellRangeByName(address)

    def put(self, address, value=None, style=None, merge=None):
        """Writes value (None: nothing) into address with a cell style; merge
        names the last cell of a merged area starting at address."""
        if merge:
            area = self.sheet.getCellRangeByName(address + ":" + merge)
            area.CellStyle = style or "Default"
            area.merge(True)
        target = self.sheet.getCellRangeByName(address).getCellByPosition(0, 0)
        if style:
            target.CellStyle = style
        if value is None or value == "":
            return
        if isinstance(value, str):
            target.setString(value)
        else:
            target.setValue(value)

    def title(self, text, row=1, last_column=None):
        last = col_name((last_column or self.width) - 1)
        self.put("A%d" % row, text, "JX-Title", merge="%s%d" % (last, row))
        self.height(row, 12)

    def unit_line(self, text, row=2, last_column=None):
        last = col_name((last_column or self.width) - 1)
        self.put("A%d" % row, text, "JX-Unit", merge="%s%d" % (last, row))

    def height(self, row, mm):
        self.sheet.Rows.getByIndex(row - 1).Height = int(mm * 100)

    def optimal_heights(self, first, last):
        for row in range(first, last + 1):
            self.optimal_rows.append((self.sheet, row))

    def header_row(self, row, labels, first_column=0):
        for offset, label in enumerate(labels):
            self.put("%s%d" % (col_name(first_column + offset), row), label, "JX-Header")

    def drop_down(self, area, choices, message):
        cells = self.sheet.getCellRangeByName(area)
        validation = cells.Validation
        validation.Type = uno.Enum("com.sun.star.sheet.ValidationType", "LIST")
        validation.Formula1 = ";".join('"%s"' % choice for choice in choices)
        validation.ShowList = 1                 # TableValidationVisibility.UNSORTED
        validation.IgnoreBlankCells = True
        validation.ShowErrorMessage = True
        validation.ErrorAlertStyle = uno.Enum("com.sun.star.sheet.ValidationAlertStyle",
                                              "STOP")
        validation.ErrorTitle = "无效的选项"
        validation.ErrorMessage = message
        validation.ShowInputMessage = False
        cells.Validation = validation

    def indicator_rows(self, row, indicators, columns):
        """Writes the indicators (一级, 二级, 三级, 年度指标值, 实际完成值, 分值,
        定性档次, 偏差原因 each) from `row` into `columns`, a list of (column,
        what, style) where `what` names a part of the indicator or is None for
        an empty (computed) cell; adds the drop-downs of 一级/二级指标 and
        定性档次.  Returns the row after the last."""
        first = row
        for indicator in indicators:
            parts = dict(zip(INDICATOR_PARTS, indicator))
            for column, what, style in columns:
                self.put("%s%d" % (column, row), parts[what] if what else None, style)
            row += 1
        last = row - 1
        self.optimal_heights(first, last)
        lists = {"level1": (self.level1, "请从下拉列表中选择一级指标。"),
                 "level2": (LEVEL2, "请从下拉列表中选择二级指标。"),
                 "band": (BANDS, "请选择：达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差。")}
        for column, what, _ in columns:
            if what in lists:
                self.drop_down("%s%d:%s%d" % (column, first, column, last), *lists[what])
        return row

    def finish_sheet(self, last_row, title_rows=None, freeze_row=None):
        """Print range, repeated header rows, frozen panes, protection."""
        sheet = self.sheet
        area = CellRangeAddress(self.sheet_index, 0, 0, self.width - 1, last_row - 1)
        sheet.setPrintAreas((area,))
        if title_rows:
            sheet.setTitleRows(CellRangeAddress(self.sheet_index, 0, title_rows[0] - 1,
                                                self.width - 1, title_rows[1] - 1))
            sheet.setPrintTitleRows(True)
        if freeze_row:
            controller = self.doc.CurrentController
            controller.setActiveSheet(sheet)
            controller.freezeAtPosition(0, freeze_row)
        sheet.protect("")

    def named_range(self, name, address):
        """A document-wide named range for one cell of the current sheet."""
        column = ord(address[0]) - 65
        row = int(address[1:]) - 1
        content = "$'%s'.$%s$%d" % (self.sheet.Name, address[0], row + 1)
        self.doc.NamedRanges.addNewByName(
            name, content, CellAddress(self.sheet_index, column, row), 0)

    def store(self, path):
        controller = self.doc.CurrentController
        controller.setActiveSheet(self.doc.Sheets.getByIndex(0))
        self.doc.unlockControllers()
        for sheet, row in self.optimal_rows:
            # fitted, plus a little air: CJK punctuation is not kept off the
            # line start, and other fonts (宋体) run a little longer
            line = sheet.Rows.getByIndex(row - 1)
            line.OptimalHeight = True
            line.Height = line.Height + 150
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        self.doc.storeToURL(url, props(FilterName=FILTER))
        self.doc.close(True)
        normalise(path)


def normalise(path):
    """Pins the save time LibreOffice writes into the meta block."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    count = 0
    for element in ("dc:date", "meta:creation-date"):
        text, n = re.subn(r"<%s>[^<]*</%s>" % (element, element),
                          "<%s>%s</%s>" % (element, FIXED_DATE, element), text, count=1)
        count += n
    if count == 0:
        raise RuntimeError("%s: no date in the meta block to pin" % path)
    text = re.sub(r"<meta:editing-duration>[^<]*</meta:editing-duration>",
                  "<meta:editing-duration>P0D</meta:editing-duration>", text, count=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# The sheets
# ---------------------------------------------------------------------------

INSTRUCTIONS = [
    "本工作簿用于填报部门整体支出绩效自评，共九张表：填报说明、基本情况、基础数据表、基本支出明细、"
    "项目支出、部门整体支出绩效自评表，以及政府性基金、国有资本经营、社会保险基金预算支出情况表。",
    "金额单位为万元，保留两位小数；比率以百分比表示，保留两位小数。",
    "浅黄色单元格为填报单元格；浅蓝灰色单元格为计算单元格，由“绩效自评助手”的“计算”功能自动填写"
    "（执行率、得分、总分、等级、控制率及合计数），已锁定，请勿手工填写。",
    "合计数应等于明细之和：整体支出 = 基本支出 + 项目支出；基本支出 = 工资福利支出（301）+ 商品和服务支出"
    "（302）+ 对个人和家庭的补助（303）+ 资本性支出（310）；各类支出 = 所列明细科目之和；"
    "项目支出 = 各项目执行数之和。",
    "同一数据在各表中应保持一致，如基础数据表“整体支出”全年执行数与成本指标“部门整体支出”的实际完成值。",
    "年度指标值、实际完成值请写明比较符号和计量单位，如“≥300人次”“100期”“≤359.95万元”“≥95%”"
    "“2023年12月31日前”；人数以“人”或“人次”计，不得以“元”“万元”计。",
    "定性指标（如“持续开展”“有效提升”）请在“定性档次”中选择：达成年度指标、部分达成年度指标并具有一定效果、"
    "未达成年度指标且效果较差。",
    "得分低于分值，或实际完成值达到年度指标值120%及以上的，须填写“偏差原因分析及改进措施”；"
    "预算执行率低于90%的，须在基础数据表“执行率偏差说明”中说明原因。",
    "分值：预算执行率10分（基础数据表），产出指标50分（含成本指标）、效益指标30分、满意度指标10分，"
    "合计100分。评价等级：优（90分及以上）、良（80–89.99分）、中（60–79.99分）、差（60分以下）。",
    "各工作表已设保护（无密码），只有填报单元格可以编辑。如需增删行，请通过“工具—保护工作表”取消保护，"
    "调整后重新保护；各表表头文字请勿修改。",
    "无政府性基金、国有资本经营、社会保险基金预算支出的，相应表格不填。",
]


def sheet_instructions(book):
    book.new_sheet("填报说明", [14, 160])
    book.title("部门整体支出绩效自评填报说明")
    book.put("A2", "序号", "JX-Header")
    book.put("B2", "说明", "JX-Header")
    row = 3
    for number, text in enumerate(INSTRUCTIONS, 1):
        book.put("A%d" % row, number, "JX-Label-Center")
        book.put("B%d" % row, text, "JX-Label")
        row += 1
    book.optimal_heights(3, row - 1)
    row += 1
    book.put("A%d" % row, "颜色图例", "JX-Header", merge="B%d" % row)
    legend = [("JX-Legend-Input", "填报单元格：由填报单位填写"),
              ("JX-Legend-Computed", "计算单元格：由“绩效自评助手”自动计算填写，已锁定"),
              ("JX-Legend-Header", "表头及项目名称：模板固定内容，请勿修改")]
    for style, text in legend:
        row += 1
        book.put("A%d" % row, None, style)
        book.put("B%d" % row, text, "JX-Label")
        book.height(row, 7)
    book.finish_sheet(row)


def sheet_info(book, data):
    book.new_sheet("基本情况", [34, 146])
    book.title("部门基本情况表")
    book.header_row(2, ["填报项目", "填报内容"])
    info = data["info"]
    for offset, (label, kind) in enumerate(INFO_ROWS):
        row = 3 + offset
        book.put("A%d" % row, label, "JX-Label")
        style = {"text": "JX-Input-Text", "long": "JX-Input-Long",
                 "integer": "JX-Input-Integer", "computed": "JX-Computed-Percent"}[kind]
        if label == "年度":
            style = "JX-Input-Year"     # a number, shown as 2023 on the left
        value = None if kind == "computed" else info.get(label)
        book.put("B%d" % row, value, style)
        if kind == "long":
            if value:
                book.optimal_heights(row, row)
            else:
                book.height(row, 18)
        else:
            book.height(row, 7)
    book.named_range("JX_DEPARTMENT", "B3")
    book.named_range("JX_YEAR", "B4")
    book.finish_sheet(2 + len(INFO_ROWS), title_rows=(1, 2), freeze_row=2)


def sheet_budget(book, data):
    book.new_sheet("基础数据表", [46, 28, 28, 28, 28])
    book.title("部门整体支出绩效评价基础数据表")
    book.unit_line("单位：万元")
    book.header_row(3, ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"])
    spending = data["spending"]
    for row, label in ((4, "整体支出"), (5, "基本支出"), (6, "项目支出")):
        book.put("A%d" % row, label, "JX-Label-Bold" if row == 4 else "JX-Label-Indent")
        values = spending.get(label, (None, None, None))
        for column, value in zip("BCD", values):
            book.put("%s%d" % (column, row), value, "JX-Input-Amount")
        book.put("E%d" % row, None, "JX-Computed-Percent")
        book.height(row, 7)

    book.header_row(8, ["评分项目", "分值", "得分"])
    book.put("A9", "预算执行率", "JX-Label")
    book.put("B9", data["execution_weight"], "JX-Input-Weight")
    book.put("C9", None, "JX-Computed-Score")
    book.put("A10", "执行率偏差说明", "JX-Label")
    book.put("B10", data["execution_explanation"], "JX-Input-Long", merge="E10")
    book.height(9, 7)
    book.height(10, 14)

    book.header_row(12, ["经费控制项目", "上年决算数", "本年预算数", "本年决算数"])
    control = data["control"]
    rows = [("公务用车购置及运行维护费", "input"), ("因公出国（境）费", "input"),
            ("公务接待费", "input"), ("三公经费合计", "sum"),
            ("人员经费", "classes"), ("公用经费", "classes"), ("政府采购金额", "input")]
    for offset, (label, kind) in enumerate(rows):
        row = 13 + offset
        book.put("A%d" % row, label, "JX-Label-Bold" if kind == "sum" else "JX-Label")
        values = control.get(label, (None, None, None))
        for column, value in zip("BCD", values):
            computed = kind == "sum" or (kind == "classes" and column == "D")
            book.put("%s%d" % (column, row), None if computed else value,
                     "JX-Computed-Amount" if computed else "JX-Input-Amount")
        book.height(row, 7)
    last = 13 + len(rows)
    book.put("A%d" % (last + 1),
             "注：执行率 = 全年执行数 ÷ 全年预算数；预算执行率得分 = 分值 × 执行率（最高为分值）。"
             "人员经费 = 工资福利支出 + 对个人和家庭的补助；公用经费 = 商品和服务支出 + 资本性支出，"
             "均取自基本支出明细。",
             "JX-Note", merge="E%d" % (last + 1))
    book.height(last + 1, 17)
    book.finish_sheet(last + 1, freeze_row=3)


def sheet_basic_items(book, data):
    book.new_sheet("基本支出明细", [24, 76, 40])
    book.title("基本支出明细表")
    book.unit_line("单位：万元")
    book.header_row(3, ["科目编码", "科目名称", "全年执行数（万元）"])
    row = 4
    for code, name, amount in data["items"]:
        group = len(code) == 3
        book.put("A%d" % row, code, "JX-Input-Code-Bold" if group else "JX-Input-Code")
        book.put("B%d" % row, name, "JX-Input-Name-Bold" if group else "JX-Input-Name-Indent")
        book.put("C%d" % row, amount, "JX-Input-Amount-Bold" if group else "JX-Input-Amount")
        book.height(row, 6.5)
        row += 1
    book.put("A%d" % row, "合计", "JX-Label-Center", merge="B%d" % row)
    book.put("C%d" % row, data["items_total"], "JX-Input-Amount-Bold")
    book.height(row, 7)
    book.put("A%d" % (row + 1),
             "注：类级科目（301、302、303、310）填列该类合计，其下列明细科目；“合计”填列基本支出总额。",
             "JX-Note", merge="C%d" % (row + 1))
    book.height(row + 1, 10)
    book.finish_sheet(row + 1, title_rows=(1, 3), freeze_row=3)


def sheet_projects(book, data):
    book.new_sheet("项目支出", [44, 20, 20, 20, 16, 48, 56, 36], landscape=True)
    book.title("项目支出情况表")
    book.unit_line("单位：万元")
    book.header_row(3, ["项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率",
                        "年度目标", "实际完成情况", "偏差说明"])
    row = 4
    for project in data["projects"]:
        values = project or (None,) * 7
        name, initial, budget, executed, target, result, note = values
        book.put("A%d" % row, name, "JX-Input-Text")
        book.put("B%d" % row, initial, "JX-Input-Amount")
        book.put("C%d" % row, budget, "JX-Input-Amount")
        book.put("D%d" % row, executed, "JX-Input-Amount")
        book.put("E%d" % row, None, "JX-Computed-Percent")
        book.put("F%d" % row, target, "JX-Input-Long")
        book.put("G%d" % row, result, "JX-Input-Long")
        book.put("H%d" % row, note, "JX-Input-Long")
        if project:
            book.optimal_heights(row, row)
        else:
            book.height(row, 9)
        row += 1
    book.put("A%d" % row, "合计", "JX-Label-Center")
    for column in "BCD":
        book.put("%s%d" % (column, row), None, "JX-Computed-Amount")
    book.put("E%d" % row, None, "JX-Computed-Percent")
    book.put("F%d" % row, None, "JX-Fixed", merge="H%d" % row)
    book.height(row, 7)
    book.finish_sheet(row, title_rows=(1, 3), freeze_row=3)


def sheet_indicators(book, data):
    book.new_sheet("部门整体支出绩效自评表",
                   [22, 40, 44, 32, 28, 12, 16, 13, 30, 46], landscape=True)
    book.title("部门整体支出绩效自评表")
    for address, label, style in (("A2", "填报人", "JX-Label"), ("B2", None, "JX-Input-Text"),
                                  ("C2", "联系电话", "JX-Label"), ("D2", None, "JX-Input-Text"),
                                  ("E2", "填报日期", "JX-Label")):
        book.put(address, label, style)
    book.put("F2", None, "JX-Input-Center", merge="H2")
    book.put("I2", "金额单位：万元  分值单位：分", "JX-Unit", merge="J2")
    book.height(2, 7)
    book.header_row(3, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                        "完成率", "得分", "定性档次", "偏差原因分析及改进措施"])
    book.height(3, 10)
    row = book.indicator_rows(4, data["indicators"], [
        ("A", "level1", "JX-Input-Center"), ("B", "level2", "JX-Input-Center"), ("C", "level3", "JX-Input-Text"),
        ("D", "target", "JX-Input-Center"), ("E", "actual", "JX-Input-Center"), ("F", "weight", "JX-Input-Weight"),
        ("G", None, "JX-Computed-Percent"), ("H", None, "JX-Computed-Score"), ("I", "band", "JX-Input-Center"),
        ("J", "deviation", "JX-Input-Long")])
    total, grade = row, row + 1
    book.put("A%d" % total, "总分", "JX-Label-Center", merge="E%d" % total)
    book.put("F%d" % total, None, "JX-Computed-Score")
    book.put("G%d" % total, None, "JX-Fixed")
    book.put("H%d" % total, None, "JX-Computed-Score")
    book.put("I%d" % total, "含预算执行率分值及得分（见基础数据表）", "JX-Label", merge="J%d" % total)
    book.put("A%d" % grade, "等级", "JX-Label-Center", merge="E%d" % grade)
    book.put("F%d" % grade, None, "JX-Fixed", merge="G%d" % grade)
    book.put("H%d" % grade, None, "JX-Computed-Text")
    book.put("I%d" % grade, "优 ≥90  良 ≥80  中 ≥60  差 <60", "JX-Label",
             merge="J%d" % grade)
    book.height(total, 7)
    book.height(grade, 7)
    book.finish_sheet(grade, title_rows=(1, 3), freeze_row=3)


def sheet_fund(book, name, title):
    book.new_sheet(name, [50, 26, 26, 68])
    book.title(title)
    book.unit_line("单位：万元")
    book.header_row(3, ["项目", "预算数", "执行数", "说明"])
    for row in range(4, 9):
        book.put("A%d" % row, None, "JX-Input-Text")
        book.put("B%d" % row, None, "JX-Input-Amount")
        book.put("C%d" % row, None, "JX-Input-Amount")
        book.put("D%d" % row, None, "JX-Input-Long")
        book.height(row, 7)
    book.put("A9", "注：无此项支出的，本表不填。", "JX-Note", merge="D9")
    book.finish_sheet(9, freeze_row=3)


def build(office, data, path):
    book = Workbook(office)
    sheet_instructions(book)
    sheet_info(book, data)
    sheet_budget(book, data)
    sheet_basic_items(book, data)
    sheet_projects(book, data)
    sheet_indicators(book, data)
    sheet_fund(book, "政府性基金", "政府性基金预算支出情况表")
    sheet_fund(book, "国有资本经营", "国有资本经营预算支出情况表")
    sheet_fund(book, "社会保险基金", "社会保险基金预算支出情况表")
    book.store(path)


def ensure_profile(profile):
    if os.path.isdir(os.path.join(profile, "user")):
        return
    os.makedirs(profile, exist_ok=True)
    subprocess.run(["soffice", "--headless", "--terminate_after_init",
                    "-env:UserInstallation=" + uno.systemPathToFileUrl(profile)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--profile", default=os.path.join(ROOT, "build", "workbook-profile"))
    parser.add_argument("--out", default=os.path.join(ROOT, "examples"))
    args = parser.parse_args()
    profile = os.path.abspath(args.profile)
    ensure_profile(profile)
    os.makedirs(args.out, exist_ok=True)
    outputs = [
        ("standard-workbook.fods", standard()),
        ("yuanjiang-cast-2023.fods", yuanjiang(corrected=False)),
        ("yuanjiang-cast-2023-corrected.fods", yuanjiang(corrected=True)),
    ]
    with Office(profile) as office:
        for name, data in outputs:
            path = os.path.join(args.out, name)
            build(office, data, path)
            print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    main()
