package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A PNG decodes to the pixels it was written from, and the same image gives the same bytes. */
class PngWriterTest {
    @Test
    void decodesToTheSamePixelsAndRepeatsItsBytes() throws Exception {
        BufferedImage image = new BufferedImage(157, 93, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 157, 93);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(2f));
        g.setColor(new Color(0x1F77B4));
        g.drawLine(3, 90, 150, 4);
        g.setColor(new Color(0xD62728));
        g.drawOval(20, 10, 60, 40);
        g.dispose();
        byte[] png = PngWriter.encode(image);
        assertArrayEquals(png, PngWriter.encode(image));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(157, read.getWidth());
        assertEquals(93, read.getHeight());
        assertArrayEquals(image.getRGB(0, 0, 157, 93, null, 0, 157), read.getRGB(0, 0, 157, 93, null, 0, 157));
    }

    @Test
    void imagesInOtherLayoutsGiveTheSameFile() {
        BufferedImage packed = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        packed.setRGB(5, 7, 0x123456);
        packed.setRGB(39, 29, 0xFFEEDD);
        BufferedImage other = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
        other.createGraphics().drawImage(packed, 0, 0, null);
        assertArrayEquals(PngWriter.encode(packed), PngWriter.encode(other));
    }
}
