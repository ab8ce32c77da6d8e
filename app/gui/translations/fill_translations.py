#!/usr/bin/env python3
"""Writes ru_strings.RU (and every ru_strings_*.py) into fieldseal_ru.ts and the English plural forms into
fieldseal_en.ts (run after `cmake --build <dir> --target update_translations`).
Exits 1 naming every source text that has no Russian translation."""
import os
import sys
import xml.etree.ElementTree as ET

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
from ru_strings import RU, EN_PLURALS  # noqa: E402

# Each screen may keep its strings in its own ru_strings_<screen>.py (RU and
# optionally EN_PLURALS), merged here; a source defined twice is an error.
import glob  # noqa: E402
import importlib  # noqa: E402
RU = dict(RU)
EN_PLURALS = dict(EN_PLURALS)
for extra in sorted(glob.glob(os.path.join(here, "ru_strings_*.py"))):
    module = importlib.import_module(os.path.basename(extra)[:-3])
    for table, more in ((RU, getattr(module, "RU", {})), (EN_PLURALS, getattr(module, "EN_PLURALS", {}))):
        clash = [key for key in more if key in table and table[key] != more[key]]
        if clash:
            print(f"{extra}: translated differently elsewhere: {clash}", file=sys.stderr)
            sys.exit(1)
        table.update(more)


def fill(path, table, everything):
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().findall("context"):
        cname = context.find("name").text
        for message in context.findall("message"):
            source = message.find("source").text
            value = table.get((cname, source), table.get(source))
            tr = message.find("translation")
            if value is None:
                if everything:
                    missing.append(f"{cname}: {source!r}")
                continue
            for child in list(tr):
                tr.remove(child)
            tr.text = None
            if "type" in tr.attrib:
                del tr.attrib["type"]
            if message.get("numerus") == "yes":
                for form in value:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = value
    ET.indent(tree, space="    ")
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return missing


missing = fill(os.path.join(here, "fieldseal_ru.ts"), RU, True)
fill(os.path.join(here, "fieldseal_en.ts"), EN_PLURALS, False)
if missing:
    print("no Russian translation for:\n  " + "\n  ".join(missing), file=sys.stderr)
    sys.exit(1)
