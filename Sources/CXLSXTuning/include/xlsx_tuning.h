#ifndef NASTAVNIK_XLSX_TUNING_H
#define NASTAVNIK_XLSX_TUNING_H

// What libxlsxwriter 1.1.4 cannot be told, set for the whole process by defining two of its
// callees in the program (ELF symbol interposition, Linux with glibc only): the zlib level of its
// parts (deflate_level.c) and where it keeps them before they are zipped (part_files.c).

/// The zlib level a workbook's parts are deflated at while the interposition holds: 1 (zlib's
/// default, 6, where it does not).
int nastavnik_deflate_level(void);

/// libxlsxwriter's `workbook_close` (an `lxw_workbook *`; returns its `lxw_error`), with its parts
/// deflated at `nastavnik_deflate_level()`.
int nastavnik_workbook_close(void *workbook);

/// Which of the program's definitions the libraries' calls reach: both bits where the
/// interposition took effect, none where libxlsxwriter does what it always did.
enum { NASTAVNIK_TUNING_DEFLATE = 1, NASTAVNIK_TUNING_PARTS = 2 };
int nastavnik_tuning_status(void);

/// The program's own `lxw_tmpfile` (part_files.c), NULL where it has none.
void *nastavnik_own_lxw_tmpfile(void);

/// How many parts of workbooks written on this thread grew too large to be kept in memory and
/// moved to unnamed files (part_files.c).
long nastavnik_parts_moved_to_files(void);

#endif
