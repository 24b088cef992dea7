"""Opens a .docx in LibreOffice (headless, through UNO) and reports what LibreOffice sees.

Usage: python3 decide_all.py INPUT.docx OUTPUT_DIR

Starts its own soffice with a fresh user profile, loads the document three times and
prints one JSON object on stdout:
  redlines: the tracked changes LibreOffice found (type, author, date);
  accepted: the text of each paragraph after LibreOffice's "Accept All" (.uno:AcceptAllTrackedChanges);
  rejected: the same after "Reject All" (.uno:RejectAllTrackedChanges);
  labels:   the list label LibreOffice computes for each paragraph after "Accept All" ("1.", "").
It also stores OUTPUT_DIR/tracked.fodt (the document as loaded, as flat ODF XML).
Used by the tests of packages/docx as an independent reader of Plenary's .docx files.
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
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def paragraphs(doc):
    texts, labels = [], []
    enum = doc.Text.createEnumeration()
    while enum.hasMoreElements():
        part = enum.nextElement()
        if part.supportsService("com.sun.star.text.Paragraph"):
            texts.append(part.getString())
            labels.append(part.getPropertyValue("ListLabelString") or "")
    return texts, labels


def redlines(doc):
    found = []
    enum = doc.Redlines.createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        d = r.getPropertyValue("RedlineDateTime")
        found.append({
            "type": r.getPropertyValue("RedlineType"),
            "author": r.getPropertyValue("RedlineAuthor"),
            "date": f"{d.Year:04d}-{d.Month:02d}-{d.Day:02d}T{d.Hours:02d}:{d.Minutes:02d}:{d.Seconds:02d}",
        })
    return found


def main():
    source, out_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = f"plenary_{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe, time.monotonic() + 40)
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        url = uno.systemPathToFileUrl(source)
        result = {}

        def load():
            return desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))

        doc = load()
        result["redlines"] = redlines(doc)
        doc.storeToURL(
            uno.systemPathToFileUrl(os.path.join(out_dir, "tracked.fodt")),
            (prop("FilterName", "OpenDocument Text Flat XML"),),
        )
        for command, key in (("AcceptAllTrackedChanges", "accepted"), ("RejectAllTrackedChanges", "rejected")):
            if doc is None:
                doc = load()
            dispatcher.executeDispatch(doc.CurrentController.Frame, f".uno:{command}", "", 0, ())
            texts, labels = paragraphs(doc)
            result[key] = texts
            if key == "accepted":
                result["labels"] = labels
                result["left"] = len(redlines(doc))
            doc.close(True)
            doc = None
        print(json.dumps(result))
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
