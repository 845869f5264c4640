#ifndef NASTAVNIK_XLSX_TUNING_H
#define NASTAVNIK_XLSX_TUNING_H

// What libxlsxwriter 1.1.4 cannot be told, set for the whole process by defining two of its
// callees in the program (ELF symbol interposition): the zlib level of its parts
// (deflate_level.c) and the temporary files it keeps them in (part_files.c).

/// The zlib level a workbook's parts are deflated at (libxlsxwriter asks for zlib's default).
int nastavnik_deflate_level(void);

/// libxlsxwriter's `workbook_close` (an `lxw_workbook *`; returns its `lxw_error`), with its parts
/// deflated at `nastavnik_deflate_level()`.
int nastavnik_workbook_close(void *workbook);

/// 1 when libxlsxwriter's part files in `tmpdir` are unnamed (O_TMPFILE) files, 0 when it makes
/// its own there.
int nastavnik_unnamed_part_files(char *tmpdir);

#endif
