"""PYSCORE: JX.SCORE as a user would write it in Python-UNO, for the
benchmarks only (tools/bench/).  Quantitative indicators with numeric
targets: a number, or the first run of digits in a text ("≥300人次" → 300);
score = min(max(actual / target, 0), 1) × weight, rounded half up to two
decimals and never above the weight.  No units, comparisons, dates or bands.
"""
import math
import re

import uno
import unohelper
from com.sun.star.lang import IllegalArgumentException, XLocalizable, XServiceInfo, XServiceName
from com.sun.star.sheet import XAddIn
from org.jixiao.bench import XPyFunctions

IMPLEMENTATION = "org.jixiao.bench.PyFunctionsImpl"
SERVICE = "org.jixiao.bench.PyFunctions"
NUMBER = re.compile(r"\d+(?:\.\d+)?")

ARGUMENTS = ("weight", "target", "actual", "band", "entered")


def number(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        match = NUMBER.search(value)
        if match:
            return float(match.group())
    raise IllegalArgumentException("not a number: %r" % (value,), None, 0)


class PyFunctions(unohelper.Base, XPyFunctions, XAddIn, XServiceName, XServiceInfo, XLocalizable):
    def __init__(self, context):
        self.locale = uno.createUnoStruct("com.sun.star.lang.Locale")

    # --- the function
    def score(self, weight, target, actual, band, entered):
        if weight is None or target is None or actual is None:
            return None                      # void: #N/A, as JX.SCORE
        w, t, a = number(weight), number(target), number(actual)
        if t == 0:
            raise IllegalArgumentException("the target is 0", None, 1)
        rate = min(max(a / t, 0.0), 1.0)
        return min(math.floor(rate * w * 100 + 0.5) / 100, w)

    # --- XAddIn
    def getProgrammaticFuntionName(self, display):
        return "score" if display == "PYSCORE" else ""

    def getDisplayFunctionName(self, name):
        return "PYSCORE" if name == "score" else ""

    def getFunctionDescription(self, name):
        return "JX.SCORE in Python (benchmark)" if name == "score" else ""

    def getDisplayArgumentName(self, name, index):
        return ARGUMENTS[index] if name == "score" and 0 <= index < len(ARGUMENTS) else ""

    def getArgumentDescription(self, name, index):
        return self.getDisplayArgumentName(name, index)

    def getProgrammaticCategoryName(self, name):
        return "Add-In"

    def getDisplayCategoryName(self, name):
        return "Add-In"

    # --- XLocalizable, XServiceName, XServiceInfo
    def setLocale(self, locale):
        self.locale = locale

    def getLocale(self):
        return self.locale

    def getServiceName(self):
        return SERVICE

    def getImplementationName(self):
        return IMPLEMENTATION

    def supportsService(self, name):
        return name in self.getSupportedServiceNames()

    def getSupportedServiceNames(self):
        return ("com.sun.star.sheet.AddIn", SERVICE)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(PyFunctions, IMPLEMENTATION,
                                         ("com.sun.star.sheet.AddIn", SERVICE))
