"""Runs every workbook of a hostile case directory (tests/hostile/make_hostile.py)
through Jixiao in ONE headless office session.

Usage: /usr/bin/python3 tests/hostile/run_hostile.py PROFILE CASEDIR
           [--timeout 60] [--open-timeout 180] [--headless-every 10] [--limit N]
           [--skip Report]       (commands left out, by name, comma-separated)

PROFILE is a profile with Jixiao installed (tools/office-profile.sh).  For
each case, in the same office:

  1. the input's SHA-256 is taken;
  2. it is opened (hidden), within --open-timeout (the office's own import:
     a 10 MB cell takes it half a minute); a file the office refuses to open
     is an outcome too ("refused"), then Jixiao has nothing to run on;
  3. org.jixiao.commands:Validate, …:Compute?mode=values, …:Compute?mode=
     formulas (then the sheet is recalculated, so the JX functions run on
     the hostile values), and …:Report when the office finds a dispatcher
     for it (else "skip") are dispatched; each must finish
     (DispatchResultState 1 or 0) within the timeout; a dispatch that does
     not finish is a hang;
  4. the document is closed without saving, and the office must still
     answer (a cheap call within 30 s);
  5. the input's SHA-256 must be unchanged.

Every step runs on a worker thread with a deadline: an office that stops
answering is a hang, is killed (its whole process group) and restarted; an
office that died is a crash, and is restarted.  Every --headless-every'th
case also goes through the headless door (`service:org.jixiao.Headless?
validate`, on a copy of the profile made before the session starts), which
must exit by itself and write its JSON: findings, or a failure saying why.

Output: one TAP line per case, then "# hostile: cases N, crashes C, hangs H,
findings F, ..." and "1..N".  Exit status 1 on any crash, hang, changed
input or case without an outcome.
"""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))

import uno  # noqa: E402  Debian's python3-uno
import unohelper  # noqa: E402
from com.sun.star.frame import XDispatchResultListener  # noqa: E402

from office import Office, props  # noqa: E402

COMMANDS = ["org.jixiao.commands:Validate", "org.jixiao.commands:Compute?mode=values",
            "org.jixiao.commands:Compute?mode=formulas", "org.jixiao.commands:Report?hidden=1"]
OPTIONAL = {"org.jixiao.commands:Report?hidden=1"}


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Timeout(Exception):
    pass


def bounded(function, seconds):
    """function() on a worker thread; its result, or Timeout after `seconds`
    (the thread is left behind: it ends when the office it waits on is killed)."""
    box = {}

    def run():
        try:
            box["result"] = function()
        except BaseException as e:  # noqa: B902  reported to the caller
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise Timeout("no answer within %d s" % seconds)
    if "error" in box:
        raise box["error"]
    return box.get("result")


class KillableOffice(Office):
    """Office, started in a process group of its own so that a hung office
    (soffice, oosplash, soffice.bin) can be killed whole."""

    def start(self):
        real_popen = subprocess.Popen

        def popen(*args, **kwargs):
            kwargs["start_new_session"] = True
            return real_popen(*args, **kwargs)

        subprocess.Popen = popen
        try:
            super().start()
        finally:
            subprocess.Popen = real_popen

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self.process = None
        self.desktop = None

    def restart(self):
        self.kill()
        self.start()


def dispatch(office, doc, command, timeout):
    """The DispatchResultState (1 success, 0 failure), "skip" when the office
    has no dispatcher for an optional command; raises Timeout on a hang."""
    done = threading.Event()
    outcome = {}

    class Listener(unohelper.Base, XDispatchResultListener):
        def dispatchFinished(self, event):
            outcome["state"] = event.State
            done.set()

        def disposing(self, event):
            pass

    def start():
        frame = doc.getCurrentController().getFrame()
        url = uno.createUnoStruct("com.sun.star.util.URL")
        url.Complete = command
        _, url = office.create_instance("com.sun.star.util.URLTransformer").parseStrict(url)
        dispatcher = frame.queryDispatch(url, "_self", 0)
        if dispatcher is None:
            return False
        dispatcher.dispatchWithNotification(url, (), Listener())
        return True

    began = time.time()
    try:
        found = bounded(start, timeout)   # the call may return only once the command is done
    except Timeout:
        raise Timeout("%s did not finish within %d s" % (command, timeout))
    if not found:
        if command in OPTIONAL:
            return "skip"
        raise RuntimeError("no dispatcher for %s" % command)
    if not done.wait(max(1, timeout - (time.time() - began))):
        raise Timeout("%s did not finish within %d s" % (command, timeout))
    return outcome["state"]


def headless_validate(profile, book, out, timeout):
    """The headless door on book: (outcome, detail) with outcome one of
    "findings", "failure", "crash", "hang", "no-json"."""
    url = "service:org.jixiao.Headless?validate&in=%s&out=%s" % (
        urllib.parse.quote(book, safe=""), urllib.parse.quote(out, safe=""))
    if os.path.exists(out):
        os.remove(out)
    process = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), url],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return "hang", "the headless office did not exit within %d s" % timeout
    if process.returncode != 0:
        return "crash", "the headless office exited with %d: %s" % (
            process.returncode, stderr.decode("utf-8", "replace")[-300:])
    try:
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        return "no-json", "no JSON outcome: %s" % e
    if data.get("failure"):
        return "failure", str(data["failure"])[:120]
    if "findings" in data:
        return "findings", "%d findings (%s errors)" % (len(data["findings"]), data.get("errors"))
    return "no-json", "JSON without findings or failure"


class Totals:
    def __init__(self):
        self.cases = self.crashes = self.hangs = self.findings = 0
        self.changed = self.no_outcome = self.refused = self.failed = 0
        self.states = {}
        self.headless = {}
        self.restarts = 0


def health(office):
    """"ok", "hang" (no answer within 30 s) or "crash" (gone, or its bridge is)."""
    if not office.alive():
        return "crash"
    try:
        bounded(lambda: office.desktop.getComponents().createEnumeration().hasMoreElements(), 30)
        return "ok"
    except Timeout:
        return "hang"
    except Exception:
        return "crash"


def close_all(office, timeout):
    """Closes every document still open; a message if that hangs, else None."""
    def close():
        components = office.desktop.getComponents().createEnumeration()
        while components.hasMoreElements():
            component = components.nextElement()
            try:
                component.close(True)
            except Exception:
                component.dispose()
    try:
        bounded(close, timeout)
    except Timeout:
        return "closing the documents a command opened did not finish within %d s" % timeout
    return None


def live_objects(office, directory, timeout):
    """The JSON of org.jixiao.commands:DebugObjects (Jixiao's live UNO objects
    per class) with one blank spreadsheet open, or why there is none."""
    path = os.path.join(directory, "objects.json")
    try:
        doc = bounded(lambda: office.desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, props(Hidden=True)), timeout)
        command = "org.jixiao.commands:DebugObjects?path=" + urllib.parse.quote(path, safe="")
        state = dispatch(office, doc, command, timeout)
        bounded(lambda: doc.close(True), timeout)
        if state != 1 or not os.path.exists(path):
            return "DebugObjects gave no counts (state %s)" % state
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except Exception as e:
        return "no counts: %s" % first_line(e)


def first_line(e):
    return ((str(e).strip().splitlines() or [type(e).__name__])[0])[:100]


def run_case(office, path, timeout, open_timeout, totals):
    """Runs one case in the session; returns (problems, notes)."""
    problems, notes = [], []
    before = sha256(path)
    url = uno.systemPathToFileUrl(path)
    outcome = False
    hung = None
    doc = None
    try:
        opened = time.time()
        doc = bounded(lambda: office.desktop.loadComponentFromURL(
            url, "_blank", 0, props(Hidden=True)), open_timeout)
        if doc is None:
            raise RuntimeError("the office returned no document")
        if time.time() - opened > timeout:
            notes.append("the office took %.0f s to open it" % (time.time() - opened))
    except Timeout:
        hung = "the office did not open it within %d s" % open_timeout
    except Exception as e:
        doc = None
        if office.alive():
            notes.append("refused: %s" % first_line(e))
    if doc is not None and not hasattr(doc, "Sheets"):
        notes.append("opened as %s" % doc.getImplementationName())
    if doc is not None:
        for command in COMMANDS:
            name = command.split(":")[1].replace("?mode=", "-")
            try:
                state = dispatch(office, doc, command, timeout)
            except Timeout as e:
                hung = str(e)
                break
            except Exception as e:
                if not office.alive():
                    break
                state = "exception"
                problems.append("%s raised %s" % (name, first_line(e)))
            notes.append("%s=%s" % (name, state))
            totals.states.setdefault(name, {}).setdefault(str(state), 0)
            totals.states[name][str(state)] += 1
            if name == "Validate" and state in (0, 1):
                outcome = True
            if name == "Compute-formulas" and state == 1 and hasattr(doc, "calculateAll"):
                # the JX formulas Compute wrote, evaluated on the hostile values
                try:
                    bounded(doc.calculateAll, timeout)
                except Timeout:
                    hung = "recalculating the JX formulas did not finish within %d s" % timeout
                    break
                except Exception as e:
                    if not office.alive():
                        break
                    problems.append("recalculation raised %s" % first_line(e))
        if hung is None and office.alive():
            try:
                bounded(lambda: doc.close(True), timeout)
            except Timeout:
                hung = "closing did not finish within %d s" % timeout
            except Exception:
                try:
                    bounded(doc.dispose, timeout)
                except Exception:
                    pass
    if hung is None and office.alive():
        # what the case left open (the report a Report command made): closed
        try:
            hung = close_all(office, timeout)
        except Exception:
            pass
    state = "hang" if hung else health(office)
    if state == "hang":
        problems.append("hang: %s" % (hung or "the office stopped answering after the case"))
        totals.hangs += 1
    elif state == "crash":
        code = office.process.poll() if office.process else None
        problems.append("crash: the office died%s" % (" (exit %s)" % code if code is not None else ""))
        totals.crashes += 1
    elif any(n.startswith("refused") for n in notes):
        totals.refused += 1
        outcome = True          # the office's own verdict: it cannot read the file
    if state != "ok":
        office.restart()
        totals.restarts += 1
    if sha256(path) != before:
        problems.append("the input file changed")
        totals.changed += 1
    if outcome:
        totals.findings += 1
    elif state == "ok":
        problems.append("no outcome: Validate did not finish with state 1 or 0")
        totals.no_outcome += 1
    return problems, notes


def main(argv):
    args, options = [], {"--timeout": "60", "--open-timeout": "180", "--headless-every": "10",
                         "--limit": "0", "--skip": ""}
    rest = iter(argv[1:])
    for a in rest:
        if a in options:
            options[a] = next(rest)
        else:
            args.append(a)
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    profile, casedir = os.path.abspath(args[0]), os.path.abspath(args[1])
    timeout = int(options["--timeout"])
    open_timeout = int(options["--open-timeout"])
    every = int(options["--headless-every"])
    limit = int(options["--limit"])
    for name in filter(None, options["--skip"].split(",")):   # e.g. --skip Report
        COMMANDS[:] = [c for c in COMMANDS if c.split(":")[1].split("?")[0] != name]
    with open(os.path.join(casedir, "manifest.tsv"), encoding="utf-8") as f:
        manifest = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    if limit:
        manifest = manifest[:limit]

    tmp = tempfile.mkdtemp(prefix="jixiao-hostile-")
    headless_profile = os.path.join(tmp, "headless-profile")
    shutil.copytree(profile, headless_profile, symlinks=True)   # before the session starts
    totals = Totals()
    start = time.time()
    office = KillableOffice(profile)
    office.start()
    try:
        for n, (name, klass, base, what) in enumerate(manifest, 1):
            path = os.path.join(casedir, name)
            began = time.time()
            problems, notes = run_case(office, path, timeout, open_timeout, totals)
            if every and (n - 1) % every == 0:
                before = sha256(path)
                kind, detail = headless_validate(headless_profile, path,
                                                 os.path.join(tmp, "findings.json"), timeout + 60)
                totals.headless[kind] = totals.headless.get(kind, 0) + 1
                notes.append("headless: %s" % detail)
                if kind in ("crash", "hang", "no-json"):
                    problems.append("headless door: %s" % detail)
                    if kind == "crash":
                        totals.crashes += 1
                    elif kind == "hang":
                        totals.hangs += 1
                    else:
                        totals.no_outcome += 1
                if sha256(path) != before:
                    problems.append("the input file changed (headless door)")
                    totals.changed += 1
            totals.cases += 1
            if problems:
                totals.failed += 1
            print("%s %d %s [%s] %.1f s: %s" % ("not ok" if problems else "ok", n, name, klass,
                                                time.time() - began, ", ".join(notes)))
            for p in problems:
                print("#   %s" % p)
            print("#   %s" % what) if problems else None
            sys.stdout.flush()
        objects = live_objects(office, tmp, timeout) if office.alive() else "office not running"
    finally:
        office.stop() if office.alive() else office.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    states = "; ".join("%s %s" % (k, ", ".join("%s×%d" % (s, c) for s, c in sorted(v.items())))
                       for k, v in totals.states.items())
    print("# hostile: cases %d, crashes %d, hangs %d, findings %d, changed inputs %d, "
          "without outcome %d (%.0f s)" % (totals.cases, totals.crashes, totals.hangs, totals.findings,
                                           totals.changed, totals.no_outcome, time.time() - start))
    print("# refused by the office %d; dispatch states: %s; headless door: %s; office restarts %d"
          % (totals.refused, states or "-",
             ", ".join("%s %d" % kv for kv in sorted(totals.headless.items())) or "-", totals.restarts))
    print("# live Jixiao objects at the end (one blank spreadsheet open): %s"
          % " ".join(objects.split()))
    print("1..%d" % totals.cases)
    return 1 if totals.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
