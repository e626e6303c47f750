package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The own drawing of run pictures: axis ticks, antialiased coverage in closed form, and the palette PNG. */
class PanelChartTest {
    private static final Color BLUE = new Color(0, 0, 255); // a palette colour: index 5
    private static final byte WHITE = Palette.nearest(0xFFFFFF);

    @Test
    void ticksAreRoundStepsInsideTheRangeWithTheDecimalsTheyNeed() {
        assertArrayEquals(new double[] {1, 2, 3}, PanelChart.ticks(0.3, 3.4, 4));
        assertEquals("%.0f", PanelChart.format(PanelChart.ticks(0.3, 3.4, 4)));
        assertArrayEquals(new double[] {-0.2, -0.1, 0, 0.1}, PanelChart.ticks(-0.25, 0.12, 4), 1e-15);
        assertEquals("%.1f", PanelChart.format(PanelChart.ticks(-0.25, 0.12, 4)));
        assertArrayEquals(new double[] {0, 500, 1000, 1500, 2000, 2500, 3000}, PanelChart.ticks(-150, 3150, 10));
        assertEquals("%.2e", PanelChart.format(new double[] {0, 2e6, 4e6}), "large values");
        // 5% margins; a flat series gets a band around its value; the target is kept in view.
        assertArrayEquals(new double[] {-0.5, 10.5}, PanelChart.range(List.of(new double[] {0, 10, Double.NaN}),
                Double.NaN, true));
        assertArrayEquals(new double[] {1.9, 2.1}, PanelChart.range(List.of(new double[] {2, 2}), Double.NaN, true),
                1e-15);
        assertArrayEquals(new double[] {-0.05, 1.05}, PanelChart.range(List.of(new double[] {1}), 0, true), 1e-15);
    }

    @Test
    void aTwoPixelLineCoversTheTwoRowsAroundItWholeAndNothingBeyond() {
        PaletteImage image = white(60, 20);
        new PaletteCanvas(image, new Rectangle2D.Double(0, 0, 60, 20))
                .stroke(new double[] {5, 30, 50}, new double[] {10, 10, 10}, 3, 2, BLUE);
        byte blue = Palette.nearest(0x0000FF);
        // Pixel centres at distance 0.5 from the line are covered whole, at 1.5 not at all. Columns 4 and 50
        // lie half a pixel beyond the ends, their centres sqrt(0.5) from them: coverage 1.5 - sqrt(0.5), and
        // 255 (1 - 0.7929) rounds to 53 in red and green.
        byte end = Palette.nearest(53 << 16 | 53 << 8 | 255);
        for (int x = 0; x < 60; x++) {
            byte expected = x >= 5 && x <= 49 ? blue : x == 4 || x == 50 ? end : WHITE;
            assertEquals(expected, image.indices()[9 * 60 + x], "row 9, column " + x);
            assertEquals(expected, image.indices()[10 * 60 + x], "row 10, column " + x);
            assertEquals(WHITE, image.indices()[8 * 60 + x], "row 8, column " + x);
            assertEquals(WHITE, image.indices()[11 * 60 + x], "row 11, column " + x);
        }
    }

    @Test
    void aRectangleHalfOverAPixelBlendsItHalfwayAndTheClipKeepsOutside() {
        PaletteImage image = white(10, 10);
        new PaletteCanvas(image, new Rectangle2D.Double(0, 0, 6, 10)).fill(2.5, 2, 8, 3, BLUE);
        byte half = Palette.nearest(128 << 16 | 128 << 8 | 255); // 255 + (0 - 255) / 2 rounds to 128
        assertEquals(WHITE, image.indices()[2 * 10 + 1]);
        assertEquals(half, image.indices()[2 * 10 + 2]);
        assertEquals(Palette.nearest(0x0000FF), image.indices()[2 * 10 + 3]);
        assertEquals(Palette.nearest(0x0000FF), image.indices()[2 * 10 + 5], "the last column inside the clip");
        assertEquals(WHITE, image.indices()[2 * 10 + 6], "outside the clip");
        assertEquals(WHITE, image.indices()[3 * 10 + 3]);
    }

    @Test
    void aPalettePngDecodesToThePaletteImagesColours() throws Exception {
        double[] steps = {0, 10, 20, 30, Double.NaN, 50};
        double[] values = {1, 0.5, Double.NaN, 0.2, 0.1, 0};
        PaletteImage chart = PanelChart.draw("seed 1", "step", List.of(new PanelChart.Panel("w", steps, values, 0),
                new PanelChart.Panel("b", steps, steps, Double.NaN)), 300, 90);
        assertEquals(300, chart.width());
        assertEquals(60 + 2 * 90, chart.height());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(PngWriter.encode(chart)));
        BufferedImage expected = chart.toImage();
        assertArrayEquals(expected.getRGB(0, 0, 300, 240, null, 0, 300), decoded.getRGB(0, 0, 300, 240, null, 0, 300));
        assertArrayEquals(PngWriter.encode(chart), PngWriter.encode(PanelChart.draw("seed 1", "step",
                List.of(new PanelChart.Panel("w", steps, values, 0), new PanelChart.Panel("b", steps, steps,
                        Double.NaN)), 300, 90)), "same data, same bytes");
    }

    private static PaletteImage white(int width, int height) {
        byte[] indices = new byte[width * height];
        Arrays.fill(indices, WHITE);
        return new PaletteImage(width, height, indices);
    }
}
