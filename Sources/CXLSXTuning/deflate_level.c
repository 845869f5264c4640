// libxlsxwriter 1.1.4 compresses every part of a workbook with zlib's default level (6) and has no
// setting for it. A night writes thousands of small workbooks, and deflate at level 6 is most of
// the time spent in them. This file defines zlib's `deflateInit2_` in the program itself: the
// dynamic linker binds the library's calls to the executable's definition first (ELF symbol
// interposition), and the definition calls zlib's own with level 1 where the caller asked for the
// default, and only while this thread is inside `nastavnik_workbook_close` (every other zip the
// process writes or a test builds keeps the level it asks for). Level 1 is deterministic like
// every level, so the same night still gives the same bytes; the workbooks are a little larger and
// open everywhere (LibreOffice checks them in CI).
// NASTAVNIK_DEFLATE_LEVEL=0..9 in the environment overrides it (6: libxlsxwriter's own behaviour).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <xlsxwriter.h>
#include <zlib.h>
#include "xlsx_tuning.h"

typedef int (*deflate_init2_fn)(z_streamp, int, int, int, int, int, const char *, int);

static int chosen_level(void) {
    static int level = -2;
    if (level == -2) {
        const char *text = getenv("NASTAVNIK_DEFLATE_LEVEL");
        level = (text && text[0] >= '0' && text[0] <= '9' && text[1] == 0) ? text[0] - '0' : 1;
    }
    return level;
}

int nastavnik_deflate_level(void) { return chosen_level(); }

static __thread int closing_workbook = 0;

int nastavnik_workbook_close(void *workbook) {
    closing_workbook = 1;
    lxw_error error = workbook_close((lxw_workbook *)workbook);
    closing_workbook = 0;
    return (int)error;
}

int deflateInit2_(z_streamp strm, int level, int method, int windowBits, int memLevel, int strategy, const char *version,
                  int stream_size) {
    static deflate_init2_fn real = NULL;
    if (!real) real = (deflate_init2_fn)dlsym(RTLD_NEXT, "deflateInit2_");
    if (closing_workbook && level == Z_DEFAULT_COMPRESSION) level = chosen_level();
    return real(strm, level, method, windowBits, memLevel, strategy, version, stream_size);
}
