package org.gansweep.picture;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated, looping GIF from frames, with the JDK's own GIF writer: each frame gets a delay in its
 * graphic control extension, and the first one the NETSCAPE2.0 extension that makes viewers loop. Frames
 * after the first store only the rectangle that changed.
 */
final class GifWriter {
    private GifWriter() {
    }

    static byte[] encode(List<BufferedImage> frames, int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            BufferedImage previous = null;
            for (BufferedImage drawn : frames) {
                BufferedImage frame = indexed(drawn);
                // After the first frame only the rectangle that changed is stored, drawn over the frame before
                // (axes, labels and gridlines stay): compressing it is most of an animation's cost.
                Rectangle changed = previous == null ? new Rectangle(frame.getWidth(), frame.getHeight())
                        : changed(previous, frame);
                BufferedImage part = frame.getSubimage(changed.x, changed.y, changed.width, changed.height);
                BufferedImage stored = previous == null ? frame : copy(part);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(stored),
                        param);
                annotate(metadata, delayMillis, previous == null, changed);
                writer.writeToSequence(new IIOImage(stored, null, metadata), param);
                previous = frame;
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The smallest rectangle holding every pixel that differs; one pixel when none does. */
    static Rectangle changed(BufferedImage before, BufferedImage after) {
        byte[] a = pixels(before);
        byte[] b = pixels(after);
        int width = after.getWidth();
        int height = after.getHeight();
        int top = height;
        int bottom = -1;
        int left = width;
        int right = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int first = -1;
            for (int x = 0; x < width; x++) {
                if (a[row + x] != b[row + x]) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = width - 1;
            while (a[row + last] == b[row + last]) {
                last--;
            }
            top = Math.min(top, y);
            bottom = y;
            left = Math.min(left, first);
            right = Math.max(right, last);
        }
        return bottom < 0 ? new Rectangle(0, 0, 1, 1) : new Rectangle(left, top, right - left + 1, bottom - top + 1);
    }

    private static byte[] pixels(BufferedImage indexed) {
        return ((DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
    }

    /** A sub-image as an image of its own (the writer would otherwise see the parent's raster layout). */
    private static BufferedImage copy(BufferedImage part) {
        BufferedImage out = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        out.setData(part.getRaster().createTranslatedChild(0, 0));
        return out;
    }

    /**
     * The frame in a fixed 256-colour palette (a 6x6x6 colour cube plus 40 greys). Without it the JDK writer
     * builds an octree palette per frame, which costs most of an animation's time; charts use few colours.
     */
    static BufferedImage indexed(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        byte[] pixels = pixels(out);
        int[] direct = packedPixels(rgb);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int offset = 0;
            if (direct == null) {
                rgb.getRGB(0, y, width, 1, row, 0, width);
            } else {
                row = direct;
                offset = y * width;
            }
            for (int x = 0; x < width; x++) {
                int p = row[offset + x];
                // Nearest palette colour, no dithering: flat chart colours stay flat and the GIF compresses.
                pixels[y * width + x] = NEAREST[((p >> 19) & 31) << 10 | ((p >> 11) & 31) << 5 | ((p >> 3) & 31)];
            }
        }
        return out;
    }

    /**
     * The pixels of an image drawn as packed RGB ints (what charts are drawn into), read in place: getRGB's
     * colour-model conversion per pixel cost more than the palette lookup. Null for any other layout.
     */
    private static int[] packedPixels(BufferedImage image) {
        boolean packed = image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB;
        if (!packed || !(image.getRaster().getDataBuffer() instanceof DataBufferInt buffer)
                || !(image.getSampleModel() instanceof SinglePixelPackedSampleModel model)
                || model.getScanlineStride() != image.getWidth() || buffer.getOffset() != 0
                || image.getRaster().getSampleModelTranslateX() != 0 || image.getRaster().getSampleModelTranslateY() != 0) {
            return null;
        }
        return buffer.getData();
    }

    private static final java.awt.image.IndexColorModel PALETTE = palette();
    /** Palette index of the nearest colour for each 15-bit RGB. */
    private static final byte[] NEAREST = nearest(PALETTE);

    private static byte[] nearest(java.awt.image.IndexColorModel palette) {
        byte[] table = new byte[1 << 15];
        for (int key = 0; key < table.length; key++) {
            int r = ((key >> 10) & 31) * 8 + 4;
            int g = ((key >> 5) & 31) * 8 + 4;
            int b = (key & 31) * 8 + 4;
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < palette.getMapSize(); i++) {
                int dr = palette.getRed(i) - r;
                int dg = palette.getGreen(i) - g;
                int db = palette.getBlue(i) - b;
                int distance = dr * dr + dg * dg + db * db;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            table[key] = (byte) best;
        }
        return table;
    }

    private static java.awt.image.IndexColorModel palette() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        int i = 0;
        for (int red = 0; red < 6; red++) {
            for (int green = 0; green < 6; green++) {
                for (int blue = 0; blue < 6; blue++) {
                    r[i] = (byte) (red * 51);
                    g[i] = (byte) (green * 51);
                    b[i] = (byte) (blue * 51);
                    i++;
                }
            }
        }
        for (int grey = 0; i < 256; grey++, i++) {
            int level = 6 + grey * 6;
            r[i] = (byte) level;
            g[i] = (byte) level;
            b[i] = (byte) level;
        }
        return new java.awt.image.IndexColorModel(8, 256, r, g, b);
    }

    private static void annotate(IIOMetadata metadata, int delayMillis, boolean first, Rectangle place)
            throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(place.x));
        descriptor.setAttribute("imageTopPosition", Integer.toString(place.y));
        descriptor.setAttribute("imageWidth", Integer.toString(place.width));
        descriptor.setAttribute("imageHeight", Integer.toString(place.height));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        // The next frame is drawn over this one, which stays.
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode extensions = child(root, "ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            extensions.appendChild(loop);
        }
        metadata.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
