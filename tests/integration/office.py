"""A headless LibreOffice for the integration tests, driven over a pipe.

Office(profile) starts soffice on a profile prepared by
tools/office-profile.sh (Jixiao installed), connects with python3-uno and
hands out the desktop.  Add-in functions are evaluated through real cell
formulas, never by touching the add-in object from Python (the bridge
does not know its type).
"""
import os
import subprocess
import time
import uuid

import uno  # Debian's python3-uno: run with /usr/bin/python3
from com.sun.star.beans import PropertyValue


def props(**kwargs):
    result = []
    for name, value in kwargs.items():
        p = PropertyValue()
        p.Name = name
        p.Value = value
        result.append(p)
    return tuple(result)


class Office:
    def __init__(self, profile, timeout=90, headless=True, stderr=None):
        self.profile = os.path.abspath(profile)
        self.headless = headless
        # where the office's standard error goes: a file object, else nowhere
        # (JIXIAO_OFFICE_STDERR=1 shows it, e.g. with G_MESSAGES_DEBUG=jixiao)
        self.stderr = stderr
        self.pipe = "jixiao_test_" + uuid.uuid4().hex[:12]
        self.timeout = timeout
        self.process = None
        self.desktop = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        mode = ["--headless", "--invisible"] if self.headless else []
        self.process = subprocess.Popen(
            ["soffice"] + mode + ["--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(self.profile),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdout=subprocess.DEVNULL,
            stderr=self.stderr or (None if os.environ.get("JIXIAO_OFFICE_STDERR") else subprocess.DEVNULL))
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + self.timeout
        while True:
            try:
                self.context = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except Exception:
                if time.time() > deadline or self.process.poll() is not None:
                    raise RuntimeError("LibreOffice did not start (exit %s)" % self.process.poll())
                time.sleep(0.2)
        self.smgr = self.context.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.context)

    def stop(self):
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:
                pass  # the bridge closes as the office exits
            self.desktop = None
        if self.process is not None:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    def create(self, kind="scalc"):
        return self.desktop.loadComponentFromURL(
            "private:factory/" + kind, "_blank", 0, props(Hidden=True))

    def open(self, path, hidden=True, **extra):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        return self.desktop.loadComponentFromURL(url, "_blank", 0, props(Hidden=hidden, **extra))

    def dispatch(self, doc, command, timeout=120):
        """Runs a command URL on doc's frame and waits until it has finished;
        returns the DispatchResultState (1 success, 0 failure) or None."""
        import time
        import unohelper
        from com.sun.star.frame import XDispatchResultListener

        class Listener(unohelper.Base, XDispatchResultListener):
            state = None

            def dispatchFinished(self, event):
                Listener.state = event.State

            def disposing(self, event):
                pass

        frame = doc.getCurrentController().getFrame()
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = command
        _, url = self.create_instance("com.sun.star.util.URLTransformer").parseStrict(url)
        dispatcher = frame.queryDispatch(url, "_self", 0)
        if dispatcher is None:
            raise RuntimeError("no dispatcher for " + command)
        dispatcher.dispatchWithNotification(url, (), Listener())
        deadline = time.time() + timeout
        while Listener.state is None and time.time() < deadline:
            time.sleep(0.05)
        return Listener.state

    def create_instance(self, service):
        return self.smgr.createInstanceWithContext(service, self.context)


def close_document(doc):
    """Closes a document, disposing it if it refuses to close."""
    try:
        doc.close(True)
    except Exception:
        try:
            doc.dispose()
        except Exception:
            pass


# Calc error codes as XCell.getError() reports them
ERR_ILLEGAL_ARGUMENT = 502   # Err:502, raised IllegalArgumentException
ERR_PARAMETER_COUNT = 504    # Err:504
ERR_NO_VALUE = 519           # #VALUE!
ERR_NOT_AVAILABLE = 32767    # #N/A
