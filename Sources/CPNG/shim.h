// Header shim for libpng (Debian libpng-dev): PNG decode and encode for the RealRunner's
// image datasets and sample grids, through libpng's simplified png_image API.
#ifndef GANSIM_CPNG_SHIM_H
#define GANSIM_CPNG_SHIM_H

#include <png.h>
#include <string.h>

/// Reads a PNG file as 8-bit RGB; returns 0 on success and fills width/height, or a
/// non-zero code with a message in `message` (at least 64 bytes). The pixels are
/// written to a malloc'd buffer in `*pixels` that the caller frees.
static inline int gansim_png_read_rgb(const char *path, unsigned char **pixels, unsigned *width,
                                      unsigned *height, char *message) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path)) {
        strncpy(message, image.message, 63);
        message[63] = 0;
        return 1;
    }
    /* Datasets are resized to at most 8192 pixels a side: a larger image is refused before its pixels are
       allocated, so a small file with a lying header cannot claim gigabytes. */
    if ((unsigned long long)image.width * image.height > 8192ULL * 8192ULL) {
        png_image_free(&image);
        strcpy(message, "image larger than 8192x8192 pixels");
        return 4;
    }
    image.format = PNG_FORMAT_RGB;
    size_t size = PNG_IMAGE_SIZE(image);
    unsigned char *buffer = (unsigned char *)malloc(size);
    if (!buffer) { png_image_free(&image); strcpy(message, "out of memory"); return 2; }
    if (!png_image_finish_read(&image, NULL, buffer, 0, NULL)) {
        strncpy(message, image.message, 63);
        message[63] = 0;
        free(buffer);
        return 3;
    }
    *pixels = buffer;
    *width = image.width;
    *height = image.height;
    return 0;
}

/// Writes 8-bit RGB (`channels` 3) or grey (`channels` 1) pixels as a PNG; 0 on success.
static inline int gansim_png_write(const char *path, const unsigned char *pixels, unsigned width,
                                   unsigned height, int channels, char *message) {
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    if (!png_image_write_to_file(&image, path, 0, pixels, 0, NULL)) {
        strncpy(message, image.message, 63);
        message[63] = 0;
        return 1;
    }
    return 0;
}

#endif
