import Foundation

/// Renders samples as pictures: image batches as a grid, 2-D points as a scatter plot.
public enum SampleImage {
    /// A grid of `images (N, C, H, W)` in `[-1, 1]`, `columns` wide, with a 2-pixel
    /// grey border between tiles.
    public static func grid(_ images: Tensor, columns: Int = 8) -> PNGCodec.Image {
        let n = images.batch, c = images.shape[1], h = images.shape[2], w = images.shape[3]
        let cols = min(columns, n), rows = (n + cols - 1) / cols, pad = 2
        let width = cols * (w + pad) + pad, height = rows * (h + pad) + pad
        let outC = c == 1 ? 1 : 3
        var px = [UInt8](repeating: 64, count: width * height * outC)
        for i in 0..<n {
            let ox = pad + (i % cols) * (w + pad), oy = pad + (i / cols) * (h + pad)
            for y in 0..<h {
                for x in 0..<w {
                    for ch in 0..<outC {
                        let v = images[((i * c + min(ch, c - 1)) * h + y) * w + x]
                        px[((oy + y) * width + ox + x) * outC + ch] = UInt8(max(0, min(255, (v + 1) * 127.5 + 0.5)))
                    }
                }
            }
        }
        return PNGCodec.Image(width: width, height: height, channels: outC, pixels: px)
    }

    /// A `size x size` scatter plot of `points (N, 2)` (white) over the ring's mode
    /// centres (red crosses), covering `[-extent, extent]` on both axes.
    public static func scatter(_ points: Tensor, ring: RingDataset, size: Int = 256, extent: Double = 3) -> PNGCodec.Image {
        var px = [UInt8](repeating: 16, count: size * size * 3)
        func plot(_ x: Double, _ y: Double, _ rgb: (UInt8, UInt8, UInt8)) {
            let i = Int((x + extent) / (2 * extent) * Double(size)), j = Int((extent - y) / (2 * extent) * Double(size))
            guard i >= 0, i < size, j >= 0, j < size else { return }
            let o = (j * size + i) * 3
            px[o] = rgb.0; px[o + 1] = rgb.1; px[o + 2] = rgb.2
        }
        for k in 0..<ring.modes {
            let c = ring.center(k)
            for d in -4...4 {
                plot(c.x + Double(d) * 0.01, c.y, (220, 40, 40))
                plot(c.x, c.y + Double(d) * 0.01, (220, 40, 40))
            }
        }
        for i in 0..<points.batch { plot(Double(points[2 * i]), Double(points[2 * i + 1]), (240, 240, 240)) }
        return PNGCodec.Image(width: size, height: size, channels: 3, pixels: px)
    }
}
