// Convolutions and transposed convolutions of the CPU trainer, run by oneDNN (Debian's libdnnl-dev).
//
// A handle holds oneDNN's primitives for one layer shape, batch size and thread count. Tensors cross the
// interface in the trainer's plain layouts: activations (B, C, H, W); convolution weights (OC, C, k, k);
// transposed-convolution weights (Cin, Cout, k, k) as PyTorch stores them. Inside, oneDNN runs on the
// blocked layouts it picks for the machine, and the handle reorders to and from them in three scratch
// regions the caller owns (sizes from gansim_conv_scratch_bytes), so that layers can share them.
#ifndef GANSIM_DIRECT_CONVOLUTION_H
#define GANSIM_DIRECT_CONVOLUTION_H

#include <stddef.h>

typedef struct gansim_conv gansim_conv;

/// The shape of one convolution or transposed convolution (`transposed` 1): input (batch, in_channels,
/// in_height, in_width), output (batch, out_channels, out_height, out_width), a square kernel, one
/// stride and one zero padding on every side.
typedef struct gansim_conv_shape {
    int transposed;
    int batch, in_channels, in_height, in_width;
    int out_channels, out_height, out_width;
    int kernel, stride, padding;
} gansim_conv_shape;

/// Creates the primitives for `shape` run on `threads` threads, or returns NULL with a sentence in
/// `error` (of `error_size` bytes).
gansim_conv *gansim_conv_create(gansim_conv_shape shape, int threads, char *error, size_t error_size);

/// Frees a handle (NULL is allowed).
void gansim_conv_destroy(gansim_conv *conv);

/// Bytes each of the three scratch regions (0: input side, 1: output side, 2: weights) must hold.
size_t gansim_conv_scratch_bytes(const gansim_conv *conv, int region);

/// `y = conv(x, w)` (no bias). Returns 0, or oneDNN's status.
int gansim_conv_forward(gansim_conv *conv, const float *x, const float *w, float *y, void *scratch0,
                        void *scratch1, void *scratch2);

/// `dx = d conv / dx` (when `dx` is not NULL) and `dw += d conv / dw` (when `dw` is not NULL), from the
/// forward's input `x`, weights `w` and the output gradient `dy`. Returns 0, or oneDNN's status.
int gansim_conv_backward(gansim_conv *conv, const float *dy, const float *x, const float *w, float *dx, float *dw,
                         void *scratch0, void *scratch1, void *scratch2);

#endif
