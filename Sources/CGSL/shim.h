// Header shim for GSL and OpenBLAS.
//
// GSL's own gsl_cblas.h is deliberately not included: its CBLAS enums clash with
// OpenBLAS's cblas.h, and all BLAS work goes through OpenBLAS.
#ifndef GANSIM_CGSL_SHIM_H
#define GANSIM_CGSL_SHIM_H

#include <cblas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>

/// The Mersenne Twister generator type (Swift 6 cannot read GSL's global type pointers).
static inline const gsl_rng_type *gansim_rng_mt19937(void) { return gsl_rng_mt19937; }
/// The RANLXD2 generator type.
static inline const gsl_rng_type *gansim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
/// The trust-region nonlinear least-squares method.
static inline const gsl_multifit_nlinear_type *gansim_nlinear_trust(void) { return gsl_multifit_nlinear_trust; }
/// Turns off GSL's abort-on-error handler so that callers get status codes instead.
static inline void gansim_gsl_quiet(void) { gsl_set_error_handler_off(); }

#endif
