// libxlsxwriter 1.1.4 writes each part of a workbook (a dozen for a small one) to a temporary file
// and reads it back into the zip: its bundled tmpfileplus tries folders with stat(), creates a
// named file and unlinks it, and every part then costs the kernel a file, its pages and a dozen
// system calls. This file defines the library's `lxw_tmpfile` in the program itself (the library
// calls it through its PLT, so the program's definition comes first: ELF symbol interposition) and
// gives it a stream kept in memory (glibc's fopencookie) instead. A part that grows past
// PART_MEMORY_LIMIT (a sheet of the registry, written row by row in constant-memory mode) moves to
// an unnamed file (O_TMPFILE) in the library's folder (the workbook's `tmpdir`: the state folder
// at night), so memory stays bounded whatever the size. Where no stream can be made, the library's
// own function does what it always did. Linux with glibc only; elsewhere the library's own.
#define _GNU_SOURCE
#include <stdio.h>  // first: it says whether this is glibc
#include "xlsx_tuning.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { PART_MEMORY_LIMIT = 4 << 20 };

typedef struct {
    char *bytes;  // the part while it is in memory
    size_t length, capacity;
    off64_t position;
    int fd;  // -1 while the part is in memory, then its unnamed file
    int stays;  // no file could be made: the part stays in memory
    char *folder;
} part;

// Counted per thread: a workbook is written and closed on one thread, so a test that asks after
// its own workbook is not disturbed by others written at the same time.
static __thread long parts_moved;

long nastavnik_parts_moved_to_files(void) { return parts_moved; }

static int unnamed_file(const char *folder) {
    int fd = open(folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    // A file system without O_TMPFILE: a named file, unlinked at once.
    char name[4096];
    if (snprintf(name, sizeof name, "%s/nastavnik-part-XXXXXX", folder) >= (int)sizeof name) return -1;
    fd = mkostemp(name, O_CLOEXEC);
    if (fd >= 0) unlink(name);
    return fd;
}

// The policy of Reading/DiskWrite.swift: every byte (a short write goes on), a write interrupted
// by a signal made again.
static int write_all(int fd, const char *buffer, size_t size, off64_t at) {
    for (size_t done = 0; done < size;) {
        ssize_t n = pwrite(fd, buffer + done, size - done, at + (off64_t)done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        done += (size_t)n;
    }
    return 0;
}

static int move_to_file(part *p) {
    int fd = unnamed_file(p->folder ? p->folder : "/tmp");
    if (fd < 0) return -1;
    if (write_all(fd, p->bytes, p->length, 0) != 0) {
        close(fd);
        return -1;
    }
    free(p->bytes);
    p->bytes = NULL;
    p->capacity = 0;
    p->fd = fd;
    parts_moved += 1;
    return 0;
}

// fopencookie's write: the bytes taken, 0 on an error.
static ssize_t part_write(void *cookie, const char *buffer, size_t size) {
    part *p = cookie;
    size_t end = (size_t)p->position + size;
    if (p->fd < 0 && !p->stays && end > PART_MEMORY_LIMIT && move_to_file(p) != 0) p->stays = 1;
    if (p->fd >= 0) {
        if (write_all(p->fd, buffer, size, p->position) != 0) return 0;
    } else {
        if (end > p->capacity) {
            size_t capacity = p->capacity ? p->capacity : 16384;
            while (capacity < end) capacity *= 2;
            char *grown = realloc(p->bytes, capacity);
            if (!grown) return 0;
            p->bytes = grown;
            p->capacity = capacity;
        }
        if ((size_t)p->position > p->length) memset(p->bytes + p->length, 0, (size_t)p->position - p->length);
        memcpy(p->bytes + p->position, buffer, size);
    }
    p->position = (off64_t)end;
    if (end > p->length) p->length = end;
    return (ssize_t)size;
}

static ssize_t part_read(void *cookie, char *buffer, size_t size) {
    part *p = cookie;
    if (p->fd >= 0) {
        ssize_t n = pread(p->fd, buffer, size, p->position);
        if (n > 0) p->position += n;
        return n;
    }
    if ((size_t)p->position >= p->length) return 0;
    size_t n = p->length - (size_t)p->position;
    if (n > size) n = size;
    memcpy(buffer, p->bytes + p->position, n);
    p->position += (off64_t)n;
    return (ssize_t)n;
}

static int part_seek(void *cookie, off64_t *offset, int whence) {
    part *p = cookie;
    off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? p->position : (off64_t)p->length;
    if (base + *offset < 0) return -1;
    p->position = base + *offset;
    *offset = p->position;
    return 0;
}

static int part_close(void *cookie) {
    part *p = cookie;
    int result = p->fd >= 0 ? close(p->fd) : 0;
    free(p->bytes);
    free(p->folder);
    free(p);
    return result;
}

typedef FILE *(*lxw_tmpfile_fn)(char *);

static lxw_tmpfile_fn library_tmpfile = NULL;
static pthread_once_t library_found = PTHREAD_ONCE_INIT;

static void find_library(void) { library_tmpfile = (lxw_tmpfile_fn)dlsym(RTLD_NEXT, "lxw_tmpfile"); }

FILE *lxw_tmpfile(char *tmpdir) {
    part *p = calloc(1, sizeof *p);
    if (p) {
        p->fd = -1;
        p->folder = tmpdir ? strdup(tmpdir) : NULL;
        cookie_io_functions_t io = {.read = part_read, .write = part_write, .seek = part_seek, .close = part_close};
        FILE *file = fopencookie(p, "w+", io);
        if (file) return file;
        free(p->folder);
        free(p);
    }
    pthread_once(&library_found, find_library);
    return library_tmpfile ? library_tmpfile(tmpdir) : NULL;
}

void *nastavnik_own_lxw_tmpfile(void) { return (void *)lxw_tmpfile; }

#else

long nastavnik_parts_moved_to_files(void) { return 0; }

void *nastavnik_own_lxw_tmpfile(void) { return NULL; }

#endif
