#!/usr/bin/python3
"""Opens a tracked-changes .docx in LibreOffice (headless, through Python-UNO), runs Accept All
and Reject All on fresh copies of it, and prints the body's paragraphs after each as JSON:
{"accepted": [...], "rejected": [...], "remainingAfterAccept": n, "remainingAfterReject": n}.
With a second argument, also re-saves the untouched document there as .docx (Word 2007 XML).
Usage: /usr/bin/python3 libreofficeTracked.py FILE.docx [RESAVED.docx]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def paragraphs(document):
    texts = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            texts.append(element.getString())
    return texts


def connect(pipe, office):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline or office.poll() is not None:
                raise
            time.sleep(0.2)


def main(path, resaved):
    profile = tempfile.mkdtemp(prefix="ordinance-uno-profile-")
    pipe = "ordinance_redline_%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
         "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        context = connect(pipe, office)
        manager = context.ServiceManager
        desktop = manager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = manager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        result = {}
        for command, key in ((".uno:AcceptAllTrackedChanges", "Accept"), (".uno:RejectAllTrackedChanges", "Reject")):
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            if document.getRedlines().getCount() == 0:
                raise SystemExit("the document has no tracked changes")
            dispatcher.executeDispatch(document.getCurrentController().getFrame(), command, "", 0, ())
            result["accepted" if key == "Accept" else "rejected"] = paragraphs(document)
            result["remainingAfter" + key] = document.getRedlines().getCount()
            document.close(True)
        if resaved:
            document = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(resaved)), (prop("FilterName", "MS Word 2007 XML"),))
            document.close(True)
        print(json.dumps(result))
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else None)
