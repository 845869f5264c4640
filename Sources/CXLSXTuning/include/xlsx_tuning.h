#ifndef NASTAVNIK_XLSX_TUNING_H
#define NASTAVNIK_XLSX_TUNING_H

// What libxlsxwriter 1.1.4 cannot be told, set for the whole process by defining two of its
// callees in the program (ELF symbol interposition): the zlib level of its parts
// (deflate_level.c) and where it keeps them before they are zipped (part_files.c).

/// The zlib level a workbook's parts are deflated at (libxlsxwriter asks for zlib's default).
int nastavnik_deflate_level(void);

/// libxlsxwriter's `workbook_close` (an `lxw_workbook *`; returns its `lxw_error`), with its parts
/// deflated at `nastavnik_deflate_level()`.
int nastavnik_workbook_close(void *workbook);

/// How many parts of workbooks written on this thread grew too large to be kept in memory and
/// moved to unnamed files (part_files.c).
long nastavnik_parts_moved_to_files(void);

#endif
