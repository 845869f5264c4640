#!/usr/bin/env python3
"""The second reader: every visible sheet's cells as a Russian Excel shows them, read by openpyxl
(its own zip, XML, shared strings, styles and dates) and laid out by this file's own rules, written
apart from nastavnik's Swift reader. `ReadingTests/SecondReaderTests` compares the two cell by cell.

Usage: second_reader.py WORKBOOK  →  JSON {"sheets": [{"name": …, "cells": {"A1": text}}],
"unsupported": [[sheet, cell, format], …]} on stdout. Formats this file does not lay out are
listed, not guessed.
"""
import datetime
import json
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import openpyxl

NBSP = "\u00a0"


class Unsupported(Exception):
    pass


def sections(code):
    """Splits a format code at `;` outside quotes and escapes."""
    out, current, quoted, escaped = [], "", False, False
    for ch in code:
        if escaped:
            current += ch
            escaped = False
        elif ch == "\\":
            current += ch
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current += ch
        elif ch == ";" and not quoted:
            out.append(current)
            current = ""
        else:
            current += ch
    return out + [current]


def strip_brackets(section):
    """Drops colours and locales, keeps currency symbols; refuses conditions."""
    def bracket(match):
        inside = match.group(1)
        if inside[:1] in "<>=":
            raise Unsupported("condition")
        if inside.startswith("$"):
            return '"' + inside[1:].split("-")[0] + '"'
        if re.fullmatch(r"[hH]+|[mM]+|[sS]+", inside):
            return "[" + inside + "]"
        return ""
    return re.sub(r"\[([^\]]*)\]", bracket, section)


def literals(text):
    """A literal part of a section: quoted text, escapes, `_x` as a space, fills dropped."""
    out, i = "", 0
    while i < len(text):
        ch = text[i]
        if ch == '"':
            end = text.index('"', i + 1)
            out += text[i + 1:end]
            i = end + 1
            continue
        if ch == "\\":
            out += text[i + 1:i + 2]
            i += 2
            continue
        if ch == "_":
            out += " "
            i += 2
            continue
        if ch == "*":
            i += 2
            continue
        out += ch
        i += 1
    return out


def general(value):
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = "%.15G" % value
    if "E-" in text:  # a small number in full while it fits General's eleven characters
        plain = format(Decimal(text), "f")
        if len(plain) <= 11:
            return plain.replace(".", ",")
    if "E" in text:
        mantissa, exponent = text.split("E")
        text = mantissa.rstrip("0").rstrip(".") + "E" + exponent[0] + exponent[1:].rjust(2, "0")
    return text.replace(".", ",")


def rounded(value, places):
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def number(value, code):
    parts = [strip_brackets(s) for s in sections(code)]
    if len(parts) >= 4 or (len(parts) > 1 and "@" in parts[-1]):
        parts = parts[:3] if len(parts) >= 4 else parts[:-1]
    sign = ""
    if len(parts) == 1:
        section = parts[0]
        sign = "-" if value < 0 else ""
    elif len(parts) == 2:
        section = parts[0] if value >= 0 else parts[1]
    else:
        section = parts[0] if value > 0 else parts[1] if value < 0 else parts[2]
    value = abs(value)
    if section == "":
        return ""
    if re.fullmatch(r"(?i)general", section):
        return sign + general(value)
    match = re.fullmatch(r'((?:"[^"]*"|\\.|[^0#?.,%])*)([0#?][0#?,. /E+\-%\\]*?)((?:"[^"]*"|\\.|[^0#?])*)', section)
    if not match:
        raise Unsupported(section)
    prefix, core, suffix = match.groups()
    while suffix.startswith(","):  # a comma after the last digit divides by 1,000
        core, suffix = core + ",", suffix[1:]
    prefix, suffix = literals(prefix), literals(suffix)
    percent = core.endswith("%") or suffix.startswith("%")
    core = core.rstrip("%")
    if percent:
        value *= 100
        suffix = suffix if suffix.startswith("%") else "%" + suffix
    if re.fullmatch(r"[0#]+\.?[0#]*E[+-][0#]+", core):
        places = len(core.split("E")[0].split(".")[1]) if "." in core else 0
        mantissa, exponent = ("%.*E" % (places, value)).split("E")
        digits = len(core.split("E")[1]) - 1
        shown = mantissa.replace(".", ",") + "E" + exponent[0] + exponent[1:].lstrip("0").rjust(digits, "0")
        return sign + prefix + shown + suffix
    fraction = re.fullmatch(r"(#+ )?(\?+)/(\?+)", core)
    if fraction:
        whole = int(value) if fraction.group(1) else 0
        part = Fraction(value - whole).limit_denominator(10 ** len(fraction.group(3)) - 1)
        if part == 1:
            whole, part = whole + 1, Fraction(0)
        if part == 0:
            return sign + prefix + str(whole) + " " * (len(fraction.group(2)) + len(fraction.group(3)) + 1) + suffix
        top = str(part.numerator).rjust(len(fraction.group(2)))
        bottom = str(part.denominator).ljust(len(fraction.group(3)))
        return sign + prefix + (str(whole) + " " if fraction.group(1) and whole else " " if fraction.group(1) else "") + top + "/" + bottom + suffix
    scale = 0
    while core.endswith(","):
        scale += 1
        core = core[:-1]
    value /= 1000 ** scale
    if re.fullmatch(r"[#0]*,?[#0]*0?(\.0+)?", core) and "," in core or re.fullmatch(r"[#0]+(\.[0#]+)?", core):
        grouping = "," in core
        whole_code, _, decimals = core.replace(",", "").partition(".")
        places = len(decimals)
        text = str(rounded(value, places))
        integer, _, fraction_digits = text.partition(".")
        zeros = whole_code.count("0")
        integer = integer.lstrip("0").rjust(zeros, "0")
        if grouping:
            integer = "{:,}".format(int(integer or "0")).replace(",", NBSP) if integer else ""
        if decimals:
            kept = fraction_digits
            while kept and len(kept) > decimals.count("0") and kept.endswith("0") and decimals[len(kept) - 1] == "#":
                kept = kept[:-1]
            return sign + prefix + integer + "," + kept + suffix
        return sign + prefix + integer + suffix
    if re.fullmatch(r"[0\- ]+", literals(core)) and "0" in core:
        pattern = literals(core)
        digits = str(int(rounded(value, 0))).rjust(pattern.count("0"), "0")
        out, i = "", len(digits)
        for ch in reversed(pattern):
            if ch == "0":
                i -= 1
                out = digits[i] + out
            else:
                out = ch + out
        return sign + prefix + digits[:i] + out + suffix
    raise Unsupported(section)


def clock(seconds, code):
    """A time of `seconds` (rounded to the second) laid out by a time format: cut, never rounded up."""
    code = strip_brackets(sections(code)[0])
    elapsed = re.search(r"\[(h+|m+|s+)\]", code)
    twelve = re.search(r"(?i)AM/PM", code)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    out = re.sub(r"(?i)AM/PM", "PM" if hours % 24 >= 12 else "AM", code)
    if elapsed:
        out = out.replace("[" + elapsed.group(1) + "]", str(hours) if elapsed.group(1)[0] in "hH" else str(seconds // 60))
    else:
        hours %= 24
        shown = (hours % 12 or 12) if twelve else hours
        out = re.sub(r"(?i)hh", "%02d" % shown, out)
        out = re.sub(r"(?i)h", str(shown), out)
    out = re.sub(r"(?i)mm", "%02d" % minutes, out)
    out = re.sub(r"(?i)ss", "%02d" % secs, out)
    return literals(out)


def time_part(code):
    """The time portion of a date-and-time code (`hh:mm` of `dd.mm.yyyy hh:mm`), or None."""
    match = re.search(r"(?i)(\[?h+\]?[^dmy]*?(?:mm|ss)(?::ss)?(?: ?AM/PM)?)", code)
    return match.group(1) if match else None


def shown(cell):
    value, code = cell.value, cell.number_format
    if value is None:
        return None
    if isinstance(value, bool):
        return "ИСТИНА" if value else "ЛОЖЬ"
    if isinstance(value, str):
        text = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value) if "_x" in value else value
        parts = sections(code)
        text_section = parts[3] if len(parts) >= 4 else parts[-1] if "@" in parts[-1] else None
        if text_section and text_section.strip() != "@":
            return literals(strip_brackets(text_section)).replace("@", text)
        return text
    if isinstance(value, datetime.timedelta):
        return clock(round(value.total_seconds()), code)
    if isinstance(value, datetime.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + (1 if value.microsecond >= 500000 else 0)
        return clock(seconds, code)
    if isinstance(value, datetime.datetime):
        seconds = round(value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6)
        date = (value.date() + datetime.timedelta(days=seconds // 86400)).strftime("%d.%m.%Y")
        seconds %= 86400
        part = time_part(code)
        if part is None or seconds // (1 if re.search(r"(?i)ss", part) else 60) == 0:
            return date
        return date + " " + clock(seconds, part)
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return number(float(value), code)


def main(path):
    book = openpyxl.load_workbook(path, data_only=True)
    sheets, unsupported = [], []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        cells = {}
        for row in sheet.iter_rows():
            for cell in row:
                try:
                    text = shown(cell)
                except Unsupported:
                    unsupported.append([sheet.title, cell.coordinate, cell.number_format])
                    continue
                if text:
                    cells[cell.coordinate] = text
        sheets.append({"name": sheet.title, "cells": cells})
    json.dump({"sheets": sheets, "unsupported": unsupported}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
