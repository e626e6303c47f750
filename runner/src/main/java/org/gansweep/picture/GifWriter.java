package org.gansweep.picture;

import java.awt.image.BufferedImage;
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
 * graphic control extension, and the first one the NETSCAPE2.0 extension that makes viewers loop.
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
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = indexed(frames.get(i));
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        param);
                annotate(metadata, delayMillis, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The frame in a fixed 256-colour palette (a 6x6x6 colour cube plus 40 greys). Without it the JDK writer
     * builds an octree palette per frame, which costs most of an animation's time; charts use few colours.
     */
    static BufferedImage indexed(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, PALETTE);
        byte[] pixels = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            rgb.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = row[x];
                // Nearest palette colour, no dithering: flat chart colours stay flat and the GIF compresses.
                pixels[y * width + x] = NEAREST[((p >> 19) & 31) << 10 | ((p >> 11) & 31) << 5 | ((p >> 3) & 31)];
            }
        }
        return out;
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

    private static void annotate(IIOMetadata metadata, int delayMillis, boolean first) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
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
