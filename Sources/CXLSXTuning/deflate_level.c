// libxlsxwriter 1.1.4 compresses every part of a workbook with zlib's default level (6) and has no
// setting for it. A night writes thousands of small workbooks, and deflate at level 6 is most of
// the time spent in them. This file defines zlib's `deflateInit2_` in the program itself: the
// dynamic linker binds the library's calls to the executable's definition first (ELF symbol
// interposition), and the definition calls zlib's own with level 1 where the caller asked for the
// default, and only while this thread is inside `nastavnik_workbook_close` (every other zip the
// process writes or a test builds keeps the level it asks for). Level 1 is deterministic like
// every level, so the same night still gives the same bytes; the workbooks are a little larger and
// open everywhere (LibreOffice checks them in CI). Nothing in the environment changes it.
//
// Linux with glibc only (dlsym's RTLD_NEXT; part_files.c's fopencookie and O_TMPFILE). Elsewhere
// this file keeps only `nastavnik_workbook_close`, and libxlsxwriter does what it always does.
// `nastavnik_tuning_status` says whether the program's definitions are the ones libraries reach (a
// statically linked zlib or libxlsxwriter, or a renamed `lxw_tmpfile`, would leave them unreached:
// the night logs it at start and the library's own behaviour stands).
#define _GNU_SOURCE
#include <xlsxwriter.h>
#include "xlsx_tuning.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <dlfcn.h>
#include <pthread.h>
#include <zlib.h>

enum { WORKBOOK_LEVEL = 1 };

typedef int (*deflate_init2_fn)(z_streamp, int, int, int, int, int, const char *, int);

static deflate_init2_fn zlib_deflate_init2 = NULL;
static pthread_once_t zlib_found = PTHREAD_ONCE_INIT;

static void find_zlib(void) { zlib_deflate_init2 = (deflate_init2_fn)dlsym(RTLD_NEXT, "deflateInit2_"); }

static __thread int closing_workbook = 0;

int nastavnik_deflate_level(void) { return WORKBOOK_LEVEL; }

int nastavnik_workbook_close(void *workbook) {
    closing_workbook = 1;
    lxw_error error = workbook_close((lxw_workbook *)workbook);
    closing_workbook = 0;
    return (int)error;
}

int deflateInit2_(z_streamp strm, int level, int method, int windowBits, int memLevel, int strategy, const char *version,
                  int stream_size) {
    pthread_once(&zlib_found, find_zlib);
    // No zlib behind this definition (a zlib linked statically): an error its caller reports,
    // never a call through nothing.
    if (!zlib_deflate_init2) return Z_VERSION_ERROR;
    if (closing_workbook && level == Z_DEFAULT_COMPRESSION) level = WORKBOOK_LEVEL;
    return zlib_deflate_init2(strm, level, method, windowBits, memLevel, strategy, version, stream_size);
}

int nastavnik_tuning_status(void) {
    // What a library's call resolves to is what the global scope finds first: the program's own
    // definition only when the executable exports it.
    int status = 0;
    pthread_once(&zlib_found, find_zlib);
    if (zlib_deflate_init2 && dlsym(RTLD_DEFAULT, "deflateInit2_") == (void *)deflateInit2_) status |= NASTAVNIK_TUNING_DEFLATE;
    void *own = nastavnik_own_lxw_tmpfile();
    if (own && dlsym(RTLD_DEFAULT, "lxw_tmpfile") == own && dlsym(RTLD_NEXT, "lxw_tmpfile") != NULL) status |= NASTAVNIK_TUNING_PARTS;
    return status;
}

#else

int nastavnik_deflate_level(void) { return 6; }

int nastavnik_workbook_close(void *workbook) { return (int)workbook_close((lxw_workbook *)workbook); }

int nastavnik_tuning_status(void) { return 0; }

#endif
