"""Minimal TAP output for the integration suites, counted by tests/summary.sh."""
import sys
import traceback


class Tap:
    def __init__(self, suite):
        self.suite = suite
        self.count = 0
        self.failed = 0

    def ok(self, condition, name, detail=""):
        self.count += 1
        if condition:
            print("ok %d %s" % (self.count, name))
        else:
            self.failed += 1
            print("not ok %d %s" % (self.count, name))
            if detail:
                for line in str(detail).splitlines():
                    print("#   " + line)
        sys.stdout.flush()
        return condition

    def crash(self, name):
        self.ok(False, name, traceback.format_exc())

    def finish(self):
        print("1..%d" % self.count)
        print("# %s: %d passed, %d failed" % (self.suite, self.count - self.failed, self.failed))
        return 1 if self.failed else 0
