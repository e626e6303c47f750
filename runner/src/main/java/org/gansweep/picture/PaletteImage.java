package org.gansweep.picture;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * An image as indices into the {@link Palette}, row by row: what a GIF frame stores. Animations whose still
 * parts are drawn once are composed here directly, a frame being a copy of the still part with its moving
 * lines drawn over it ({@link PaletteCanvas}), so no frame is drawn or mapped to the palette whole.
 */
final class PaletteImage {
    private final int width;
    private final int height;
    private final byte[] indices;

    PaletteImage(int width, int height, byte[] indices) {
        if (indices.length != width * height) {
            throw new IllegalArgumentException(indices.length + " indices for " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.indices = indices;
    }

    /** Each pixel of {@code image} mapped to its nearest palette colour. */
    static PaletteImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = packedPixels(image);
        if (rgb == null) {
            rgb = image.getRGB(0, 0, width, height, null, 0, width);
        }
        byte[] indices = new byte[width * height];
        // Charts are mostly runs of one colour: the lookup is skipped while the colour stays the same.
        int last = rgb.length == 0 ? 0 : ~rgb[0];
        byte index = 0;
        for (int i = 0; i < indices.length; i++) {
            if (rgb[i] != last) {
                last = rgb[i];
                index = Palette.nearest(last);
            }
            indices[i] = index;
        }
        return new PaletteImage(width, height, indices);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The indices themselves, row by row (not a copy: a canvas draws into them). */
    byte[] indices() {
        return indices;
    }

    PaletteImage copy() {
        return new PaletteImage(width, height, indices.clone());
    }

    /** Replaces the rows from {@code top} on with {@code strip}'s pixels, mapped to the palette. */
    void paste(BufferedImage strip, int top) {
        PaletteImage mapped = of(strip);
        int rows = Math.min(strip.getHeight(), height - top);
        int columns = Math.min(strip.getWidth(), width);
        for (int y = 0; y < rows; y++) {
            System.arraycopy(mapped.indices, y * strip.getWidth(), indices, (top + y) * width, columns);
        }
    }

    /** The image as a viewer shows it: an indexed image with the palette's colours. */
    BufferedImage toImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, Palette.MODEL);
        System.arraycopy(indices, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0, indices.length);
        return out;
    }

    /**
     * The pixels of an image drawn as packed RGB ints (what charts are drawn into), read in place: getRGB's
     * colour-model conversion per pixel cost more than the palette lookup. Null for any other layout.
     */
    static int[] packedPixels(BufferedImage image) {
        boolean packed = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB;
        if (!packed || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)
                || model.getScanlineStride() != image.getWidth() || buffer.getOffset() != 0
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return buffer.getData();
    }
}
