package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** An animation stores changed rectangles after its first frame; decoded and laid over each other, they are the frames. */
class GifWriterTest {
    private static final int WIDTH = 60;
    private static final int HEIGHT = 40;

    @Test
    void framesStoredAsChangedRectanglesCompositeBackToEveryFrame() throws Exception {
        List<BufferedImage> frames = List.of(frame(10, Color.BLUE), frame(25, Color.BLUE), frame(25, Color.BLUE),
                frame(25, Color.RED));
        byte[] gif = GifWriter.encode(frames, 100);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertEquals(frames.size(), reader.getNumImages(true));
            BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            List<Rectangle> stored = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode descriptor = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                assertEquals("doNotDispose", control.getAttribute("disposalMethod"));
                BufferedImage part = reader.read(i);
                Rectangle place = new Rectangle(Integer.parseInt(descriptor.getAttribute("imageLeftPosition")),
                        Integer.parseInt(descriptor.getAttribute("imageTopPosition")), part.getWidth(), part.getHeight());
                stored.add(place);
                Graphics2D g = canvas.createGraphics();
                g.drawImage(part, place.x, place.y, null);
                g.dispose();
                BufferedImage expected = GifWriter.indexed(frames.get(i));
                assertArrayEquals(expected.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH),
                        canvas.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH), "frame " + i);
            }
            assertEquals(new Rectangle(0, 0, WIDTH, HEIGHT), stored.get(0));
            // The bar moved from x 10..14 to 25..29 on rows 5..34: only that span is stored.
            assertEquals(new Rectangle(10, 5, 20, 30), stored.get(1));
            assertEquals(new Rectangle(0, 0, 1, 1), stored.get(2), "an unchanged frame stores one pixel");
            assertEquals(new Rectangle(25, 5, 5, 30), stored.get(3));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void imagesDrawnAsPackedIntsAndOthersGetTheSamePaletteIndices() {
        BufferedImage packed = frame(17, new Color(200, 120, 30));
        BufferedImage other = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        other.createGraphics().drawImage(packed, 0, 0, null);
        assertArrayEquals(((java.awt.image.DataBufferByte) GifWriter.indexed(other).getRaster().getDataBuffer()).getData(),
                ((java.awt.image.DataBufferByte) GifWriter.indexed(packed).getRaster().getDataBuffer()).getData());
    }

    @Test
    void noisyFramesThatFillTheCodeTableDecodeToTheirPixels() throws Exception {
        // Random colours leave LZW few repeats: the 4096-code table fills and is cleared many times per frame.
        java.util.Random random = new java.util.Random(7);
        List<BufferedImage> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            BufferedImage noise = new BufferedImage(301, 203, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < noise.getHeight(); y++) {
                for (int x = 0; x < noise.getWidth(); x++) {
                    noise.setRGB(x, y, f > 0 && y < 100 ? frames.get(0).getRGB(x, y) : random.nextInt(1 << 24));
                }
            }
            frames.add(noise);
        }
        byte[] gif = GifWriter.encode(frames, 50);
        assertArrayEquals(gif, GifWriter.encode(frames, 50), "same frames, same bytes");
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertEquals(203 - 100, reader.read(2).getHeight(), "rows kept from the first frame are not stored");
        } finally {
            reader.dispose();
        }
        List<BufferedImage> shown = composited(gif);
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(GifWriter.indexed(frames.get(i)).getRGB(0, 0, 301, 203, null, 0, 301),
                    shown.get(i).getRGB(0, 0, 301, 203, null, 0, 301), "frame " + i);
        }
    }

    @Test
    void pixelsAsBeforeAreStoredTransparentSoTheFrameBeforeShowsThrough() throws Exception {
        BufferedImage first = frame(10, Color.BLUE);
        BufferedImage second = frame(10, Color.BLUE);
        second.setRGB(3, 2, Color.RED.getRGB());
        second.setRGB(40, 30, Color.GREEN.getRGB());
        second.setRGB(12, 20, Color.BLACK.getRGB());
        List<BufferedImage> frames = List.of(first, second);
        byte[] gif = GifWriter.encode(frames, 100);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertEquals("FALSE", control(reader, 0).getAttribute("transparentColorFlag"), "the first frame is whole");
            IIOMetadataNode control = control(reader, 1);
            assertEquals("TRUE", control.getAttribute("transparentColorFlag"));
            assertEquals(String.valueOf(Palette.TRANSPARENT), control.getAttribute("transparentColorIndex"));
            assertEquals("doNotDispose", control.getAttribute("disposalMethod"));
            BufferedImage part = reader.read(1);
            assertEquals(new Rectangle(0, 0, 41 - 3, 31 - 2), new Rectangle(0, 0, part.getWidth(), part.getHeight()));
            int stored = 0;
            for (int y = 0; y < part.getHeight(); y++) {
                for (int x = 0; x < part.getWidth(); x++) {
                    stored += part.getRaster().getSample(x, y, 0) == Palette.TRANSPARENT ? 0 : 1;
                }
            }
            assertEquals(3, stored, "only the three changed pixels are stored as colours");
        } finally {
            reader.dispose();
        }
        List<BufferedImage> shown = composited(gif);
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(GifWriter.indexed(frames.get(i)).getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH),
                    shown.get(i).getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH), "frame " + i);
        }
    }

    @Test
    void aChangedPixelWithTheTransparentIndexItselfIsStoredWithoutTransparency() throws Exception {
        // No palette mapping gives the transparent index, but frames composed by hand could hold it.
        byte[] before = new byte[WIDTH * HEIGHT];
        byte[] after = before.clone();
        after[5 * WIDTH + 7] = (byte) Palette.TRANSPARENT;
        after[9 * WIDTH + 20] = 12;
        byte[] gif = GifWriter.encodeFrames(List.of(new PaletteImage(WIDTH, HEIGHT, before),
                new PaletteImage(WIDTH, HEIGHT, after)), 100);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            assertEquals("FALSE", control(reader, 1).getAttribute("transparentColorFlag"));
        } finally {
            reader.dispose();
        }
        BufferedImage expected = new PaletteImage(WIDTH, HEIGHT, after).toImage();
        assertArrayEquals(expected.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH),
                composited(gif).get(1).getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH));
    }

    private static IIOMetadataNode control(ImageReader reader, int frame) throws Exception {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(frame).getAsTree("javax_imageio_gif_image_1.0");
        return (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
    }

    /**
     * Each frame as a viewer shows it: its stored rectangle decoded and drawn over the frame before (drawImage
     * leaves the canvas as it was under transparent pixels, as "do not dispose" asks).
     */
    private static List<BufferedImage> composited(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            BufferedImage canvas = null;
            List<BufferedImage> shown = new ArrayList<>();
            for (int i = 0; i < reader.getNumImages(true); i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode descriptor = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                BufferedImage part = reader.read(i);
                if (canvas == null) {
                    canvas = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
                }
                Graphics2D g = canvas.createGraphics();
                g.drawImage(part, Integer.parseInt(descriptor.getAttribute("imageLeftPosition")),
                        Integer.parseInt(descriptor.getAttribute("imageTopPosition")), null);
                g.dispose();
                BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getRaster().setRect(canvas.getRaster());
                shown.add(copy);
            }
            return shown;
        } finally {
            reader.dispose();
        }
    }

    /** White, with a bar five pixels wide at {@code x}, rows 5 to 34. */
    private static BufferedImage frame(int x, Color bar) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(bar);
        g.fillRect(x, 5, 5, 30);
        g.dispose();
        return image;
    }
}
