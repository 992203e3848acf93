// Header shim for glibc's allocator tuning (mallopt), which the Glibc module leaves out.
#ifndef GANSIM_CMALLOC_SHIM_H
#define GANSIM_CMALLOC_SHIM_H

#include <malloc.h>

#endif
