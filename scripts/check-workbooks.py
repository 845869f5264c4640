#!/usr/bin/env python3
"""A real client opens the workbooks: LibreOffice (headless) loads every workbook of the demo run,
recalculating every formula, and the statform's recalculated «Итого» must equal the cached values
nastavnik wrote. A copy with a deliberately wrong cached value proves that LibreOffice really
recalculates (otherwise the comparison could not fail). The half-yearly report (spravka-*.docx)
is opened by LibreOffice Writer and converted to PDF, which must have pages; so are the statform,
the monitoring workbook and a receipt, printed as an official prints them.

Usage: scripts/check-workbooks.py OUTBOX   (after `make run`)
"""
import csv, glob, os, re, shutil, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice(work, profile, target, path):
    """Converts `path` with LibreOffice into a folder of its own; returns exactly the file it asked
    for (`<stem>.<extension of target>`), never whatever else a folder listing happens to hold."""
    out = tempfile.mkdtemp(dir=work, prefix="out-")
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", target, "--outdir", out, path],
        capture_output=True, text=True, timeout=300)
    stem = os.path.splitext(os.path.basename(path))[0]
    produced = os.path.join(out, stem + "." + target.split(":")[0])
    if result.returncode != 0 or not os.path.isfile(produced):
        raise SystemExit(f"LibreOffice could not open {path}: {result.stdout} {result.stderr}")
    return produced


def soffice_all(work, profile, target, paths):
    """Converts every file of `paths` in one LibreOffice start (a start costs seconds); returns the
    file produced for each, in order. Files of the same name (every school's receipt) are copied
    to names of their own first."""
    src = tempfile.mkdtemp(dir=work, prefix="in-")
    out = tempfile.mkdtemp(dir=work, prefix="out-")
    copies = []
    for i, path in enumerate(paths):
        copy = os.path.join(src, f"{i:03d}-{os.path.basename(path)}")
        shutil.copyfile(path, copy)
        copies.append(copy)
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", target, "--outdir", out]
        + copies, capture_output=True, text=True, timeout=600)
    produced = []
    for path, copy in zip(paths, copies):
        stem = os.path.splitext(os.path.basename(copy))[0]
        made = os.path.join(out, stem + "." + target.split(":")[0])
        if result.returncode != 0 or not os.path.isfile(made):
            raise SystemExit(f"LibreOffice could not open {path}: {result.stdout} {result.stderr}")
        produced.append(made)
    return produced


def pdf_pages(path):
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type\s*/Page[^s]", f.read()))


def cached_total_row(path):
    """The «Итого» row of the statform as nastavnik cached it: {column letter: value}."""
    with zipfile.ZipFile(path) as z:
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    for row in sheet.iter("{%s}row" % NS["m"]):
        cells = {}
        for c in row.findall("m:c", NS):
            v = c.find("m:v", NS)
            value = v.text if v is not None else ""
            if c.get("t") == "s":
                value = strings[int(value)]
            cells[re.match(r"[A-Z]+", c.get("r")).group()] = (value, c.find("m:f", NS) is not None)
        if cells.get("A", ("",))[0] == "Итого":
            return cells
    raise SystemExit(f"{path}: no «Итого» row")


def recalculated_total_row(csv_path):
    with open(csv_path, encoding="utf-8") as f:
        for row in csv.reader(f):
            if row and row[0] == "Итого":
                return row
    raise SystemExit(f"{csv_path}: LibreOffice shows no «Итого» row")


def column_index(letter):
    n = 0
    for ch in letter:
        n = n * 26 + ord(ch) - 64
    return n - 1


def compare(statform, csv_path):
    cached = cached_total_row(statform)
    shown = recalculated_total_row(csv_path)
    formulas = 0
    for letter, (value, is_formula) in cached.items():
        if not is_formula:
            continue
        formulas += 1
        got = shown[column_index(letter)].replace(",", ".")
        # The CSV shows values as formatted: the share with one decimal, counts as integers.
        if abs(float(got or 0) - float(value or 0)) > 0.05 + 1e-9:
            return f"{letter}: cached {value}, LibreOffice computes {got}"
    if formulas < 20:
        return f"only {formulas} formulas in «Итого»"
    return None


def main():
    outbox = sys.argv[1] if len(sys.argv) > 1 else "outbox"
    books = sorted(glob.glob(os.path.join(outbox, "**", "*.xlsx"), recursive=True))
    if not books:
        raise SystemExit(f"no workbooks under {outbox}: run `make run` first")
    work = tempfile.mkdtemp(prefix="nastavnik-lo-")
    profile = os.path.join(work, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE_XCU)
    try:
        soffice_all(work, profile, "xlsx", books)  # loads (and recalculates) every workbook
        for book in books:
            print(f"LibreOffice opened {book}")
        statform = next(b for b in books if os.path.basename(b).startswith("statform-"))
        problem = compare(statform, soffice(work, profile, 'csv:Text - txt - csv (StarCalc):44,34,76,1', statform))
        if problem:
            raise SystemExit(f"statform «Итого»: {problem}")
        # The control: a copy whose cached total is wrong must be caught.
        broken = os.path.join(work, "broken-statform.xlsx")
        with zipfile.ZipFile(statform) as src, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = re.sub(rb'(<c r="C\d+"[^>]*><f>SUM\([^<]*</f><v>)[^<]*(</v>)', rb"\g<1>987654\g<2>", data, count=1)
                dst.writestr(item, data)
        if compare(broken, soffice(work, profile, 'csv:Text - txt - csv (StarCalc):44,34,76,1', broken)) is None:
            raise SystemExit("control failed: LibreOffice did not recalculate, the comparison proves nothing")
        print(f"statform «Итого»: LibreOffice's recalculated values equal the cached ones ({len(books)} workbooks opened)")
        # Printed as an official prints them: LibreOffice's PDF of the statform, the monitoring
        # workbook and a receipt, with their page counts; and the half-yearly report, through Writer.
        printed = []
        for prefix in ("statform-", "monitoring-", "receipt-"):
            book = next((b for b in books if os.path.basename(b).startswith(prefix)), None)
            if book is None:
                raise SystemExit(f"no {prefix}*.xlsx under {outbox}")
            printed.append(book)
        reports = sorted(glob.glob(os.path.join(outbox, "spravka-*.docx")))
        if not reports:
            raise SystemExit(f"no half-yearly report under {outbox}")
        for path, pdf in zip(printed + reports, soffice_all(work, profile, "pdf", printed + reports)):
            pages = pdf_pages(pdf)
            if pages < 1:
                raise SystemExit(f"{path}: the PDF LibreOffice made of it has no pages")
            print(f"LibreOffice printed {path} to PDF: {pages} pages")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
