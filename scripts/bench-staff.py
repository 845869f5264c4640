#!/usr/bin/env python3
"""Adds a staff list (`staff.csv`, dataset кадры) to every school of an inbox made by the shared
generator (../shared/bench/gen_scale.py), for the project's benchmarks: its mentors and mentees as
they are, and four more young teachers per school — one who stays, one who leaves, one who moves to
the next school, one hired after D0 (as of 2023-03-20, D0 = 2022-03-20). Every date is valid for the
generator's as-of dates; the same inbox gives the same lists.

    python3 scripts/bench-staff.py ../shared/bench REGION
"""
import csv
import datetime as dt
import io
import os
import sys

shared, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, shared)
import gen_scale as G  # noqa: E402

AS_OF = dt.date(2023, 3, 20)
HEADER = ["СНИЛС", "Фамилия", "Имя", "Отчество", "Дата рождения", "Должность", "Дата начала педагогической деятельности",
          "Дата приёма", "Дата увольнения", "Основание увольнения"]


def read(path):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251")
    delim = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.reader(io.StringIO(text), delimiter=delim))[1:]


def since(years, birth):
    """The start of pedagogical work from the years of experience, at 20 at the earliest (the
    generator's experience does not always fit its birth dates)."""
    start = AS_OF - dt.timedelta(days=round(float(years.replace(",", ".")) * 365.25))
    born = dt.datetime.strptime(birth, "%d.%m.%Y").date()
    return max(start, born.replace(year=born.year + 20)).strftime("%d.%m.%Y")


def find(folder, names):
    for name in names:
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    return None


inbox = os.path.join(out, "inbox")
codes = []
while os.path.isdir(os.path.join(inbox, G.school_meta(len(codes))[0])):
    codes.append(G.school_meta(len(codes))[0])
for i, code in enumerate(codes):
    folder = os.path.join(inbox, code)
    rows = []
    for person in read(find(folder, ["mentors.csv", "наставники.csv"])):
        birth = person[4] or "01.06.1975"
        start = since(person[7], birth)
        rows.append(person[:4] + [birth, person[5], start, start, "", ""])
    for person in read(find(folder, ["mentees.csv", "наставляемые.csv"])):
        start = since(person[7], person[4])
        rows.append(person[:4] + [person[4], person[5], start, start, "", ""])
    extra = [G.snils_of(i * G.PER_SCHOOL + 44 + k) for k in range(4)]
    rows += [
        [extra[0], "Остаётся", "Анна", "Ивановна", "14.05.1997", "Учитель", "01.09.2021", "01.09.2021", "", ""],
        [extra[1], "Уходит", "Ольга", "Петровна", "02.02.1996", "Учитель", "01.09.2020", "01.09.2020", "30.12.2022",
         "по собственному желанию"],
        [extra[2], "Переходит", "Мария", "Сергеевна", "21.11.1998", "Учитель", "01.09.2021", "01.09.2021", "31.08.2022",
         "перевод в другую ОО"],
        [extra[3], "Новая", "Дарья", "Олеговна", "03.07.2000", "Учитель", "01.09.2022", "01.09.2022", "", ""],
    ]
    # The previous school's mover came here.
    mover = G.snils_of((i - 1) % len(codes) * G.PER_SCHOOL + 46)
    rows.append([mover, "Переходит", "Мария", "Сергеевна", "21.11.1998", "Учитель", "01.09.2021", "01.09.2022", "", ""])
    text = io.StringIO()
    csv.writer(text, delimiter=";", lineterminator="\r\n").writerows([HEADER] + rows)
    with open(os.path.join(folder, "staff.csv"), "wb") as f:
        f.write(text.getvalue().encode("utf-8-sig"))
print(f"staff lists: {len(codes)}")
