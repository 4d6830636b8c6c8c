"""Installs extensions into a LibreOffice user profile through the office's
own deployment API, as whichever user runs it (root included).

    /usr/bin/python3 tools/install_extension.py PROFILE_DIR EXT.oxt [EXT.oxt ...]

unopkg refuses to run as root; the ExtensionManager singleton does not.
The office is started once on the profile (its first start would wipe a
registration made before it), installs each extension into the "user"
repository, checks that it is deployed, and exits: no lock file is left
and nothing changes owner.  Exit status 0 on success, 1 with a message
naming the extension and the reason otherwise.
"""
import os
import subprocess
import sys
import time
import uuid

import uno
import unohelper
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler


class Approving(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """Approves the licence and version questions; ignores progress."""

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.getContinuations():
            if continuation.queryInterface(approve) is not None:
                continuation.select()
                return

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


def fail(message):
    print("install-extension: %s" % message, file=sys.stderr)
    return 1


def start_office(profile, pipe, log):
    return subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=log, stderr=log)


def connect(process, pipe, timeout=120):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + timeout
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if process.poll() is not None:
                raise RuntimeError("the office exited at start (status %s)" % process.returncode)
            if time.time() > deadline:
                raise RuntimeError("the office did not answer within %d s" % timeout)
            time.sleep(0.2)


def identifier_of(extension):
    identifier = extension.getIdentifier()
    return identifier.Value if identifier.IsPresent else extension.getName()


def install(context, paths):
    manager = context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
    environment = Approving()
    for path in paths:
        url = uno.systemPathToFileUrl(path)
        extension = manager.addExtension(url, (), "user", manager.createAbortChannel(), environment)
        if extension is None:
            raise RuntimeError("%s was not installed (the office gave no reason)" % path)
        wanted = identifier_of(extension)
        deployed = [identifier_of(e) for e in
                    manager.getDeployedExtensions("user", manager.createAbortChannel(), environment)]
        if wanted not in deployed:
            raise RuntimeError("%s is not listed as deployed after installing it" % path)


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    profile = os.path.abspath(argv[1])
    paths = [os.path.abspath(p) for p in argv[2:]]
    for path in paths:
        if not os.path.isfile(path):
            return fail("%s does not exist: build it first (make)" % path)
    os.makedirs(profile, exist_ok=True)
    log_path = profile.rstrip("/") + ".install.log"
    pipe = "jixiao_install_" + uuid.uuid4().hex[:12]
    with open(log_path, "w") as log:
        process = start_office(profile, pipe, log)
        try:
            context = connect(process, pipe)
            install(context, paths)
            desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge closes as the office exits
            process.wait(timeout=60)
        except Exception as error:
            process.kill()
            process.wait()
            log.flush()
            detail = open(log_path, errors="replace").read().strip()
            message = "could not install %s into %s: %s" % (
                ", ".join(os.path.basename(p) for p in paths), profile, error)
            if detail:
                message += "\n  the office said: " + detail.replace("\n", "\n  ")
            return fail(message + "\n  (is LibreOffice installed? run tools/setup-debian.sh)")
    # a lock left by an office that was killed would make the next start ask
    lock = os.path.join(profile, ".lock")
    if os.path.exists(lock):
        os.remove(lock)
    os.remove(log_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
