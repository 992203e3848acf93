// oneDNN glue of the CPU trainer's convolutions; see include/direct_convolution.h.
#include "direct_convolution.h"

#include <oneapi/dnnl/dnnl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// libgomp's (oneDNN's threading runtime in Debian's build): the thread count of the calling thread's next
// parallel regions. Declared here because clang does not see GCC's omp.h.
void omp_set_num_threads(int threads);

static dnnl_engine_t engine;
static dnnl_status_t engine_status = dnnl_runtime_error;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;

static void make_engine(void) { engine_status = dnnl_engine_create(&engine, dnnl_cpu, 0); }

// One reorder between a plain layout and the layout a primitive wants (NULL when they are the same).
typedef struct reorder {
    dnnl_primitive_t primitive;
    dnnl_memory_desc_t from, to;
} reorder;

// One pass of the convolution: its primitive and the descriptor that gives its arguments' layouts.
typedef struct pass {
    dnnl_primitive_desc_t desc;
    dnnl_primitive_t primitive;
} pass;

struct gansim_conv {
    int threads;
    dnnl_stream_t stream;
    dnnl_memory_desc_t x_plain, w_plain, y_plain;
    pass forward, backward_data, backward_weights;
    // forward: x -> src, w -> weights, dst -> y
    reorder f_src, f_weights, f_dst;
    // input gradient: dy -> diff_dst, w -> weights, diff_src -> dx
    reorder d_diff_dst, d_weights, d_diff_src;
    // weight gradient: x -> src, dy -> diff_dst, diff_weights -> dw (added)
    reorder w_src, w_diff_dst, w_diff_weights;
    size_t scratch[3];
};

#define CHECK(call)                                                                                             \
    do {                                                                                                        \
        dnnl_status_t status_ = (call);                                                                         \
        if (status_ != dnnl_success) return status_;                                                            \
    } while (0)

// A reorder from `from` to `to` under `attr` (NULL: a plain copy, and none at all between equal layouts).
static dnnl_status_t make_reorder_with(reorder *r, const dnnl_memory_desc_t *from, const dnnl_memory_desc_t *to,
                                       const_dnnl_primitive_attr_t attr) {
    r->from = *from;
    r->to = *to;
    r->primitive = NULL;
    if (!attr && dnnl_memory_desc_equal(from, to)) return dnnl_success;
    dnnl_primitive_desc_t desc;
    CHECK(dnnl_reorder_primitive_desc_create(&desc, from, engine, to, engine, attr));
    dnnl_status_t status = dnnl_primitive_create(&r->primitive, desc);
    dnnl_primitive_desc_destroy(desc);
    return status;
}

static dnnl_status_t make_reorder(reorder *r, const dnnl_memory_desc_t *from, const dnnl_memory_desc_t *to) {
    return make_reorder_with(r, from, to, NULL);
}

// A reorder that adds into its target (`to += from`, a sum post-op), made even between equal layouts.
static dnnl_status_t make_accumulating_reorder(reorder *r, const dnnl_memory_desc_t *from,
                                               const dnnl_memory_desc_t *to) {
    dnnl_post_ops_t sum;
    dnnl_primitive_attr_t attr;
    CHECK(dnnl_post_ops_create(&sum));
    dnnl_status_t status = dnnl_post_ops_append_sum(sum, 1.0f);
    if (status == dnnl_success) status = dnnl_primitive_attr_create(&attr);
    if (status == dnnl_success) {
        status = dnnl_primitive_attr_set_post_ops(attr, sum);
        if (status == dnnl_success) status = make_reorder_with(r, from, to, attr);
        dnnl_primitive_attr_destroy(attr);
    }
    dnnl_post_ops_destroy(sum);
    return status;
}

static dnnl_status_t make_pass(pass *p, const void *op_desc, const_dnnl_primitive_desc_t hint) {
    CHECK(dnnl_primitive_desc_create(&p->desc, op_desc, NULL, engine, hint));
    return dnnl_primitive_create(&p->primitive, p->desc);
}

static const dnnl_memory_desc_t *md(const pass *p, dnnl_query_t what) {
    return dnnl_primitive_desc_query_md(p->desc, what, 0);
}

static size_t max_size(size_t a, size_t b) { return a > b ? a : b; }

// The bytes a reorder's target needs in scratch (none when no reorder runs).
static size_t target_bytes(const reorder *r) { return r->primitive ? dnnl_memory_desc_get_size(&r->to) : 0; }
static size_t source_bytes(const reorder *r) { return r->primitive ? dnnl_memory_desc_get_size(&r->from) : 0; }

static dnnl_status_t build(gansim_conv *c, gansim_conv_shape s) {
    dnnl_dims_t x_dims = {s.batch, s.in_channels, s.in_height, s.in_width};
    dnnl_dims_t y_dims = {s.batch, s.out_channels, s.out_height, s.out_width};
    dnnl_dims_t w_dims = {s.out_channels, s.in_channels, s.kernel, s.kernel};
    dnnl_dims_t strides = {s.stride, s.stride}, pad = {s.padding, s.padding};
    CHECK(dnnl_memory_desc_init_by_tag(&c->x_plain, 4, x_dims, dnnl_f32, dnnl_nchw));
    CHECK(dnnl_memory_desc_init_by_tag(&c->y_plain, 4, y_dims, dnnl_f32, dnnl_nchw));
    // A transposed convolution's weights are stored (Cin, Cout, k, k): oneDNN's (OC, IC, k, k) with i outermost.
    CHECK(dnnl_memory_desc_init_by_tag(&c->w_plain, 4, w_dims, dnnl_f32, s.transposed ? dnnl_iohw : dnnl_oihw));
    dnnl_memory_desc_t x_any, y_any, w_any;
    CHECK(dnnl_memory_desc_init_by_tag(&x_any, 4, x_dims, dnnl_f32, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&y_any, 4, y_dims, dnnl_f32, dnnl_format_tag_any));
    CHECK(dnnl_memory_desc_init_by_tag(&w_any, 4, w_dims, dnnl_f32, dnnl_format_tag_any));

    if (s.transposed) {
        dnnl_deconvolution_desc_t f, d, w;
        CHECK(dnnl_deconvolution_forward_desc_init(&f, dnnl_forward_training, dnnl_deconvolution_direct, &x_any,
                                                   &w_any, NULL, &y_any, strides, pad, pad));
        CHECK(make_pass(&c->forward, &f, NULL));
        CHECK(dnnl_deconvolution_backward_data_desc_init(&d, dnnl_deconvolution_direct, &x_any, &w_any, &y_any,
                                                         strides, pad, pad));
        CHECK(make_pass(&c->backward_data, &d, c->forward.desc));
        CHECK(dnnl_deconvolution_backward_weights_desc_init(&w, dnnl_deconvolution_direct, &x_any, &w_any, NULL,
                                                            &y_any, strides, pad, pad));
        CHECK(make_pass(&c->backward_weights, &w, c->forward.desc));
    } else {
        dnnl_convolution_desc_t f, d, w;
        CHECK(dnnl_convolution_forward_desc_init(&f, dnnl_forward_training, dnnl_convolution_direct, &x_any, &w_any,
                                                 NULL, &y_any, strides, pad, pad));
        CHECK(make_pass(&c->forward, &f, NULL));
        CHECK(dnnl_convolution_backward_data_desc_init(&d, dnnl_convolution_direct, &x_any, &w_any, &y_any, strides,
                                                       pad, pad));
        CHECK(make_pass(&c->backward_data, &d, c->forward.desc));
        CHECK(dnnl_convolution_backward_weights_desc_init(&w, dnnl_convolution_direct, &x_any, &w_any, NULL, &y_any,
                                                          strides, pad, pad));
        CHECK(make_pass(&c->backward_weights, &w, c->forward.desc));
    }
    CHECK(make_reorder(&c->f_src, &c->x_plain, md(&c->forward, dnnl_query_src_md)));
    CHECK(make_reorder(&c->f_weights, &c->w_plain, md(&c->forward, dnnl_query_weights_md)));
    CHECK(make_reorder(&c->f_dst, md(&c->forward, dnnl_query_dst_md), &c->y_plain));
    CHECK(make_reorder(&c->d_diff_dst, &c->y_plain, md(&c->backward_data, dnnl_query_diff_dst_md)));
    CHECK(make_reorder(&c->d_weights, &c->w_plain, md(&c->backward_data, dnnl_query_weights_md)));
    CHECK(make_reorder(&c->d_diff_src, md(&c->backward_data, dnnl_query_diff_src_md), &c->x_plain));
    CHECK(make_reorder(&c->w_src, &c->x_plain, md(&c->backward_weights, dnnl_query_src_md)));
    CHECK(make_reorder(&c->w_diff_dst, &c->y_plain, md(&c->backward_weights, dnnl_query_diff_dst_md)));
    // The weight gradient is added to the caller's (a reorder with a sum post-op), not written over it.
    CHECK(make_accumulating_reorder(&c->w_diff_weights, md(&c->backward_weights, dnnl_query_diff_weights_md),
                                    &c->w_plain));
    // Region 0: the input side (src, diff_src); region 1: the output side (dst, diff_dst); region 2: the
    // blocked weights or weight gradient, followed by the plain weight gradient.
    c->scratch[0] = max_size(target_bytes(&c->f_src), max_size(source_bytes(&c->d_diff_src), target_bytes(&c->w_src)));
    c->scratch[1] = max_size(source_bytes(&c->f_dst), max_size(target_bytes(&c->d_diff_dst), target_bytes(&c->w_diff_dst)));
    c->scratch[2] = max_size(max_size(target_bytes(&c->f_weights), target_bytes(&c->d_weights)),
                             dnnl_memory_desc_get_size(&c->w_diff_weights.from));
    return dnnl_stream_create(&c->stream, engine, dnnl_stream_default_flags);
}

gansim_conv *gansim_conv_create(gansim_conv_shape shape, int threads, char *error, size_t error_size) {
    pthread_once(&engine_once, make_engine);
    if (engine_status != dnnl_success) {
        snprintf(error, error_size, "oneDNN has no CPU engine (status %d)", (int)engine_status);
        return NULL;
    }
    gansim_conv *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    c->threads = threads < 1 ? 1 : threads;
    // oneDNN sizes its work split by the thread count the primitives are created under.
    omp_set_num_threads(c->threads);
    dnnl_status_t status = build(c, shape);
    if (status != dnnl_success) {
        snprintf(error, error_size, "oneDNN could not set up a %s of %dx%dx%dx%d -> %d channels, kernel %d, "
                 "stride %d, padding %d (status %d)", shape.transposed ? "transposed convolution" : "convolution",
                 shape.batch, shape.in_channels, shape.in_height, shape.in_width, shape.out_channels, shape.kernel,
                 shape.stride, shape.padding, (int)status);
        gansim_conv_destroy(c);
        return NULL;
    }
    return c;
}

static void destroy_pass(pass *p) {
    if (p->primitive) dnnl_primitive_destroy(p->primitive);
    if (p->desc) dnnl_primitive_desc_destroy(p->desc);
}

void gansim_conv_destroy(gansim_conv *c) {
    if (!c) return;
    destroy_pass(&c->forward);
    destroy_pass(&c->backward_data);
    destroy_pass(&c->backward_weights);
    reorder *rs[] = {&c->f_src, &c->f_weights, &c->f_dst, &c->d_diff_dst, &c->d_weights, &c->d_diff_src,
                     &c->w_src, &c->w_diff_dst, &c->w_diff_weights};
    for (size_t i = 0; i < sizeof rs / sizeof rs[0]; i++)
        if (rs[i]->primitive) dnnl_primitive_destroy(rs[i]->primitive);
    if (c->stream) dnnl_stream_destroy(c->stream);
    free(c);
}

size_t gansim_conv_scratch_bytes(const gansim_conv *c, int region) {
    return region >= 0 && region < 3 ? c->scratch[region] : 0;
}

// A memory object over `data` described by `desc`.
static dnnl_status_t wrap(dnnl_memory_t *m, const dnnl_memory_desc_t *desc, const void *data) {
    return dnnl_memory_create(m, desc, engine, (void *)data);
}

// Runs `r` from `from` into `to` (or does nothing when no reorder is needed); returns the data the
// primitive should read: `to` after a reorder, `from` otherwise.
static dnnl_status_t run_reorder(gansim_conv *c, const reorder *r, const void *from, void *to, const void **used) {
    *used = from;
    if (!r->primitive) return dnnl_success;
    dnnl_memory_t a, b;
    CHECK(wrap(&a, &r->from, from));
    dnnl_status_t status = wrap(&b, &r->to, to);
    if (status == dnnl_success) {
        dnnl_exec_arg_t args[] = {{DNNL_ARG_FROM, a}, {DNNL_ARG_TO, b}};
        status = dnnl_primitive_execute(r->primitive, c->stream, 2, args);
        dnnl_memory_destroy(b);
    }
    dnnl_memory_destroy(a);
    *used = to;
    return status;
}

// Runs a pass's primitive over three arguments given by their oneDNN argument kinds, each in the layout the
// primitive was built for (its execute-argument descriptor).
static dnnl_status_t run_pass(gansim_conv *c, const pass *p, const int kinds[3], const void *data[3]) {
    dnnl_memory_t m[3] = {NULL, NULL, NULL};
    dnnl_status_t status = dnnl_success;
    for (int i = 0; i < 3 && status == dnnl_success; i++)
        status = wrap(&m[i], dnnl_primitive_desc_query_md(p->desc, dnnl_query_exec_arg_md, kinds[i]), data[i]);
    if (status == dnnl_success) {
        dnnl_exec_arg_t args[] = {{kinds[0], m[0]}, {kinds[1], m[1]}, {kinds[2], m[2]}};
        status = dnnl_primitive_execute(p->primitive, c->stream, 3, args);
    }
    for (int i = 0; i < 3; i++)
        if (m[i]) dnnl_memory_destroy(m[i]);
    return status;
}

int gansim_conv_forward(gansim_conv *c, const float *x, const float *w, float *y, void *scratch0, void *scratch1,
                        void *scratch2) {
    omp_set_num_threads(c->threads);
    const void *src, *weights;
    CHECK(run_reorder(c, &c->f_src, x, scratch0, &src));
    CHECK(run_reorder(c, &c->f_weights, w, scratch2, &weights));
    void *dst = c->f_dst.primitive ? scratch1 : (void *)y;
    CHECK(run_pass(c, &c->forward, (const int[3]){DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST},
                   (const void *[3]){src, weights, dst}));
    const void *unused;
    CHECK(run_reorder(c, &c->f_dst, dst, y, &unused));
    return dnnl_stream_wait(c->stream);
}

int gansim_conv_backward(gansim_conv *c, const float *dy, const float *x, const float *w, float *dx, float *dw,
                         void *scratch0, void *scratch1, void *scratch2) {
    omp_set_num_threads(c->threads);
    if (dx) {
        const void *diff_dst, *weights, *unused;
        CHECK(run_reorder(c, &c->d_diff_dst, dy, scratch1, &diff_dst));
        CHECK(run_reorder(c, &c->d_weights, w, scratch2, &weights));
        void *diff_src = c->d_diff_src.primitive ? scratch0 : (void *)dx;
        CHECK(run_pass(c, &c->backward_data, (const int[3]){DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
                       (const void *[3]){diff_dst, weights, diff_src}));
        CHECK(run_reorder(c, &c->d_diff_src, diff_src, dx, &unused));
    }
    if (dw) {
        const void *src, *diff_dst;
        CHECK(run_reorder(c, &c->w_src, x, scratch0, &src));
        // Region 1 still holds dy in the input gradient's layout: reordered again only if this pass wants another.
        if (dx && c->w_diff_dst.primitive && c->d_diff_dst.primitive
            && dnnl_memory_desc_equal(&c->w_diff_dst.to, &c->d_diff_dst.to)) {
            diff_dst = scratch1;
        } else {
            CHECK(run_reorder(c, &c->w_diff_dst, dy, scratch1, &diff_dst));
        }
        void *diff_weights = scratch2;
        CHECK(run_pass(c, &c->backward_weights, (const int[3]){DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS},
                       (const void *[3]){src, diff_dst, diff_weights}));
        const void *unused;
        CHECK(run_reorder(c, &c->w_diff_weights, diff_weights, dw, &unused));
    }
    return dnnl_stream_wait(c->stream);
}
