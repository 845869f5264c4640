// Debian builds libxml2 with ICU, and its headers would bring the system's ICU headers along,
// which clash with the ICU inside Foundation. Nothing here uses ICU: leave those headers out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
