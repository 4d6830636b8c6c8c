"""The real office on a virtual screen, driven the way a person drives it.

Desktop(profile, display) starts Xvfb on `display` and LibreOffice with a
window on it (tests/run-ui.sh prepares the profile: Jixiao installed, the UI
in Chinese).  A test reads what the screen shows through the accessibility
tree, presses buttons through their accessible action or clicks them with
xdotool at the place the tree gives, types with xdotool, and takes
screenshots with ImageMagick's `import`.
"""
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "integration"))
from office import Office, close_document  # noqa: E402,F401

# com.sun.star.accessibility.AccessibleRole
LABEL, LIST, LIST_ITEM, MENU, MENU_ITEM, PUSH_BUTTON = 30, 32, 33, 34, 36, 44
SEPARATOR, STATUS_BAR, TOOL_BAR = 53, 57, 63
# com.sun.star.accessibility.AccessibleStateType
SELECTED, SHOWING = 23, 25

WIDTH, HEIGHT = 1600, 1000


class Desktop:
    def __init__(self, profile, display):
        self.profile = profile
        self.display = display
        self.xvfb = None
        self.office = None

    def __enter__(self):
        self.xvfb = subprocess.Popen(["Xvfb", self.display, "-screen", "0", "%dx%dx24" % (WIDTH, HEIGHT),
                                      "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.environ["DISPLAY"] = self.display
        time.sleep(1)
        # the first start on a profile may end at once while the office
        # restarts itself (exit 0): then start it again
        for attempt in range(3):
            self.office = Office(self.profile, headless=False)
            try:
                self.office.start()
                return self
            except RuntimeError:
                self.office = None
                if attempt == 2:
                    self.__exit__()
                    raise
                time.sleep(2)

    def __exit__(self, *exc):
        if self.office is not None:
            self.office.stop()
            self.office = None
        if self.xvfb is not None:
            self.xvfb.terminate()
            self.xvfb.wait()
            self.xvfb = None

    # --- documents ---------------------------------------------------------

    def open(self, path):
        """Opens a workbook in a window filling the screen."""
        doc = self.office.open(path, hidden=False)
        window = doc.getCurrentController().getFrame().getContainerWindow()
        window.setPosSize(0, 0, WIDTH, HEIGHT, 15)
        time.sleep(2)
        return doc

    def dispatch(self, doc, url):
        return self.office.dispatch(doc, url)

    # --- the accessibility tree --------------------------------------------

    @staticmethod
    def root(doc):
        frame = doc.getCurrentController().getFrame()
        return frame.getContainerWindow().getAccessibleContext()

    def find_all(self, doc, role=None, name=None, contains=None, under=None, limit=150):
        """Accessible contexts under the window (or `under`) matching role and
        name (exactly, or containing `contains`); large containers such as the
        grid (more than `limit` children) are not entered."""
        found = []

        def walk(context):
            try:
                n = context.getAccessibleChildCount()
                r = context.getAccessibleRole()
                text = context.getAccessibleName()
            except Exception:
                return
            if ((role is None or r == role) and (name is None or text == name)
                    and (contains is None or contains in text)):
                found.append(context)
            if n > limit:
                return
            for i in range(n):
                try:
                    walk(context.getAccessibleChild(i).getAccessibleContext())
                except Exception:
                    pass

        walk(under if under is not None else self.root(doc))
        return found

    def find(self, doc, role=None, name=None, contains=None, under=None):
        found = self.find_all(doc, role, name, contains, under)
        return found[0] if found else None

    def panel(self, doc):
        """The panel's container: the parent of its 校验 button, or None."""
        button = self.find(doc, PUSH_BUTTON, "校验(V)") or self.find(doc, PUSH_BUTTON, "Validate")
        return button.getAccessibleParent().getAccessibleContext() if button else None

    @staticmethod
    def has_state(context, state):
        return context.getAccessibleStateSet().contains(state)

    def selected_item(self, list_context):
        """The name of the selected item of a LIST, or None."""
        for i in range(list_context.getAccessibleChildCount()):
            item = list_context.getAccessibleChild(i).getAccessibleContext()
            if self.has_state(item, SELECTED):
                return item.getAccessibleName()
        return None

    @staticmethod
    def items(list_context):
        return [list_context.getAccessibleChild(i).getAccessibleContext().getAccessibleName()
                for i in range(list_context.getAccessibleChildCount())]

    def press(self, context):
        """Presses a control through its accessible action, as a click does."""
        context.doAccessibleAction(0)

    @staticmethod
    def bounds(context):
        """(x, y, width, height) of a control on the screen."""
        where = context.getLocationOnScreen()
        size = context.getSize()
        return where.X, where.Y, size.Width, size.Height

    # --- mouse and keyboard -------------------------------------------------

    def xdotool(self, *args):
        subprocess.run(["xdotool"] + [str(a) for a in args], check=True,
                       env=dict(os.environ, DISPLAY=self.display))

    def click(self, context):
        """Clicks the middle of a control with the mouse."""
        x, y, w, h = self.bounds(context)
        self.xdotool("mousemove", x + w // 2, y + h // 2, "click", 1)

    def keys(self, *keys):
        self.xdotool("key", "--delay", 80, *keys)

    def type(self, text):
        self.xdotool("type", "--delay", 40, text)

    # --- waiting and seeing -------------------------------------------------

    @staticmethod
    def wait_until(condition, timeout=10.0, step=0.1):
        """Polls condition() until it is true (returns it) or the time is up
        (returns its last value)."""
        deadline = time.time() + timeout
        value = condition()
        while not value and time.time() < deadline:
            time.sleep(step)
            value = condition()
        return value

    def screenshot(self, path):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        subprocess.run(["import", "-window", "root", "-display", self.display, path], check=True)
        return path
