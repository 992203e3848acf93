// Header shim for GSL and OpenBLAS.
//
// The CBLAS prototypes come from GSL's gsl_cblas.h (pulled in by gsl_matrix.h; OpenBLAS's
// own cblas.h would redefine its enums). They are the standard CBLAS ABI, and the module
// map links OpenBLAS before GSL, so cblas_sgemm resolves to OpenBLAS, never to GSL's
// reference CBLAS (libgsl pulls libgslcblas in, but later in the symbol search order).
#ifndef GANSIM_CGSL_SHIM_H
#define GANSIM_CGSL_SHIM_H

#include <gsl/gsl_cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_multifit.h>

/// OpenBLAS extensions (declared in OpenBLAS's cblas.h, which cannot be included here).
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
char *openblas_get_config(void);

/// The Mersenne Twister generator type (Swift 6 cannot read GSL's global type pointers).
static inline const gsl_rng_type *gansim_rng_mt19937(void) { return gsl_rng_mt19937; }
/// The RANLXD2 generator type.
static inline const gsl_rng_type *gansim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
/// The trust-region nonlinear least-squares method.
static inline const gsl_multifit_nlinear_type *gansim_nlinear_trust(void) { return gsl_multifit_nlinear_trust; }
/// Turns off GSL's abort-on-error handler so that callers get status codes instead.
static inline void gansim_gsl_quiet(void) { gsl_set_error_handler_off(); }

#endif
