// libxlsxwriter 1.1.4 writes each part of a workbook (a dozen for a small one) to a temporary file
// before it zips it: its bundled tmpfileplus tries folders with stat(), creates a named file,
// and unlinks it. This file defines the library's `lxw_tmpfile` in the program itself (the
// library calls it through its PLT, so the program's definition comes first: ELF symbol
// interposition) and opens an unnamed file in the same folder instead (O_TMPFILE: no name, no
// unlink, nothing left behind even if the process is killed). Where the file system cannot,
// the library's own function does what it always did.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "xlsx_tuning.h"

typedef FILE *(*lxw_tmpfile_fn)(char *);

FILE *lxw_tmpfile(char *tmpdir) {
    int fd = open(tmpdir ? tmpdir : "/tmp", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) {
        FILE *file = fdopen(fd, "w+");
        if (file) return file;
        close(fd);
    }
    static lxw_tmpfile_fn library = NULL;
    if (!library) library = (lxw_tmpfile_fn)dlsym(RTLD_NEXT, "lxw_tmpfile");
    return library ? library(tmpdir) : NULL;
}

int nastavnik_unnamed_part_files(char *tmpdir) {
    FILE *probe = lxw_tmpfile(tmpdir);
    if (!probe) return 0;
    int unnamed = 0;
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fileno(probe));
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n > 0) {
        target[n] = 0;
        unnamed = strstr(target, "(deleted)") != NULL && strstr(target, "/#") != NULL;
    }
    fclose(probe);
    return unnamed;
}
