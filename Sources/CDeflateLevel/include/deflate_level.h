#ifndef NASTAVNIK_DEFLATE_LEVEL_H
#define NASTAVNIK_DEFLATE_LEVEL_H

/// The zlib level every deflate stream of this process gets when its caller asks for zlib's default
/// (libxlsxwriter always does): see deflate_level.c. Returns the level in force.
int nastavnik_deflate_level(void);

#endif
