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
    void aFlatBandCoversTheRowsBetweenItsCurvesAndTheFractionOfTheRowsAtItsEdges() {
        PaletteImage image = white(12, 10);
        // Either curve may be the upper one; rows 3 to 6.5 between columns 2 and 9.
        new PaletteCanvas(image, new Rectangle2D.Double(0, 0, 12, 10))
                .fillBetween(new double[] {2, 9}, new double[] {6.5, 6.5}, new double[] {3, 3}, 2, BLUE, 1);
        byte blue = Palette.nearest(0x0000FF);
        byte half = Palette.nearest(128 << 16 | 128 << 8 | 255);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 12; x++) {
                boolean inside = x >= 2 && x <= 8;
                byte expected = !inside ? WHITE : y >= 3 && y <= 5 ? blue : y == 6 ? half : WHITE;
                assertEquals(expected, image.indices()[y * 12 + x], "row " + y + ", column " + x);
            }
        }
    }

    @Test
    void aBandBetweenSlopingCurvesIsInterpolatedAtEachColumnsCentreAndCoversHalfAColumnAtAHalfEnd() {
        PaletteImage image = white(12, 12);
        // From row 0 down to the diagonal: at column x's centre the lower curve is at row x + 0.5.
        new PaletteCanvas(image, new Rectangle2D.Double(0, 0, 12, 12))
                .fillBetween(new double[] {0, 10}, new double[] {0, 0}, new double[] {0, 10}, 2, BLUE, 1);
        byte blue = Palette.nearest(0x0000FF);
        byte half = Palette.nearest(128 << 16 | 128 << 8 | 255);
        for (int x = 0; x < 10; x++) {
            for (int y = 0; y < 12; y++) {
                byte expected = y < x ? blue : y == x ? half : WHITE;
                assertEquals(expected, image.indices()[y * 12 + x], "row " + y + ", column " + x);
            }
        }
        assertEquals(WHITE, image.indices()[10], "beyond the band's end");
        PaletteImage halfEnd = white(12, 10);
        new PaletteCanvas(halfEnd, new Rectangle2D.Double(0, 0, 12, 10))
                .fillBetween(new double[] {2.5, 9}, new double[] {3, 3}, new double[] {6, 6}, 2, BLUE, 1);
        assertEquals(half, halfEnd.indices()[4 * 12 + 2], "column 2 is half inside");
        assertEquals(blue, halfEnd.indices()[4 * 12 + 3]);
    }

    @Test
    void alphaHalvesTheBlendOfABandAndTheClipKeepsItsOutsideUntouched() {
        PaletteImage image = white(12, 10);
        // Clipped to columns 0..5 and rows 4..9: the band's rows 3 to 6.5 keep row 3 and columns 6 on white.
        new PaletteCanvas(image, new Rectangle2D.Double(0, 4, 6, 6))
                .fillBetween(new double[] {2, 9}, new double[] {3, 3}, new double[] {6.5, 6.5}, 2, BLUE, 0.5);
        byte half = Palette.nearest(128 << 16 | 128 << 8 | 255);
        // Row 6 is half covered, at half alpha: 255 * (1 - 0.25) rounds to 191.
        byte quarter = Palette.nearest(191 << 16 | 191 << 8 | 255);
        for (int x = 0; x < 12; x++) {
            boolean inside = x >= 2 && x <= 5;
            assertEquals(WHITE, image.indices()[3 * 12 + x], "row 3 lies above the clip, column " + x);
            assertEquals(inside ? half : WHITE, image.indices()[4 * 12 + x], "row 4, column " + x);
            assertEquals(inside ? half : WHITE, image.indices()[5 * 12 + x], "row 5, column " + x);
            assertEquals(inside ? quarter : WHITE, image.indices()[6 * 12 + x], "row 6, column " + x);
            assertEquals(WHITE, image.indices()[7 * 12 + x], "row 7, column " + x);
        }
    }

    @Test
    void aTranslucentLineIsBlendedOnceWhereItMeetsItselfAndLinesDrawnOverItDarkenIt() {
        PaletteImage image = white(60, 20);
        PaletteCanvas canvas = new PaletteCanvas(image, new Rectangle2D.Double(0, 0, 60, 20));
        // Out and back along row 10: every pixel lies on two segments, but the line is one shape.
        canvas.stroke(new double[] {5, 50, 5}, new double[] {10, 10, 10}, 3, 2, BLUE, 0.5);
        byte half = Palette.nearest(128 << 16 | 128 << 8 | 255);
        for (int x = 5; x <= 49; x++) {
            assertEquals(half, image.indices()[9 * 60 + x], "row 9, column " + x);
            assertEquals(half, image.indices()[10 * 60 + x], "row 10, column " + x);
            assertEquals(WHITE, image.indices()[11 * 60 + x], "row 11, column " + x);
        }
        // A second line blends over the first: its (153, 153, 255) in the palette, halved towards blue, is
        // 76.5 in red and green, rounded to 77.
        canvas.stroke(new double[] {20, 30}, new double[] {10, 10}, 2, 2, BLUE, 0.5);
        byte darker = Palette.nearest(77 << 16 | 77 << 8 | 255);
        assertEquals(darker, image.indices()[10 * 60 + 25]);
        assertEquals(half, image.indices()[10 * 60 + 40], "beyond the second line");
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
