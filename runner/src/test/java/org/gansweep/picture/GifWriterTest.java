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
            BufferedImage first = reader.read(0);
            BufferedImage expected = GifWriter.indexed(frames.get(0));
            assertArrayEquals(expected.getRGB(0, 0, 301, 203, null, 0, 301), first.getRGB(0, 0, 301, 203, null, 0, 301));
            BufferedImage third = reader.read(2);
            assertEquals(203 - 100, third.getHeight(), "rows kept from the first frame are not stored");
            assertArrayEquals(GifWriter.indexed(frames.get(2)).getRGB(0, 100, 301, 103, null, 0, 301),
                    third.getRGB(0, 0, 301, 103, null, 0, 301));
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
