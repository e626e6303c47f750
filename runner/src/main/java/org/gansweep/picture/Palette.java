package org.gansweep.picture;

import java.awt.image.IndexColorModel;

/**
 * The one 256-colour palette of every animation: a 6x6x6 colour cube plus 40 greys, and the nearest palette
 * colour of any RGB. One palette for every frame, where a palette built per frame cost most of an animation's
 * time (the JDK's octree); charts use few colours. The last grey is reserved as a GIF's transparent index and
 * is never anyone's nearest colour, so a frame can mark "as before" without meaning a colour.
 */
final class Palette {
    /** Indices 0..215 are the cube, 216..255 the greys. */
    private static final int CUBE = 216;
    private static final int GREYS = 40;
    /** The index no drawn pixel has: GIF frames after the first mark pixels unchanged from the frame before. */
    static final int TRANSPARENT = CUBE + GREYS - 1;
    /** Greys that pixels map to: all but the transparent one, the lightest (the cube's white is near it). */
    private static final int DRAWN_GREYS = GREYS - 1;
    static final IndexColorModel MODEL = model();
    /** Palette index of the nearest colour for each 15-bit RGB. */
    private static final byte[] NEAREST = nearestTable();
    /** Each index's colour as packed RGB. */
    private static final int[] RGB = rgbTable();

    private Palette() {
    }

    /** The index of the palette colour nearest to a packed RGB, no dithering: flat chart colours stay flat. */
    static byte nearest(int rgb) {
        return NEAREST[((rgb >> 19) & 31) << 10 | ((rgb >> 11) & 31) << 5 | ((rgb >> 3) & 31)];
    }

    /** The packed RGB of a palette index. */
    static int rgb(byte index) {
        return RGB[index & 0xFF];
    }

    private static int[] rgbTable() {
        int[] table = new int[MODEL.getMapSize()];
        for (int i = 0; i < table.length; i++) {
            table[i] = MODEL.getRGB(i) & 0xFFFFFF;
        }
        return table;
    }

    /**
     * For each 15-bit RGB (its bins' centres), the palette colour at the least squared distance, the lowest
     * index on a tie, leaving out the transparent index. The nearest colour of the cube is the nearest level
     * per channel, and the nearest grey the drawn grey level nearest to the channels' mean, so two candidates
     * decide (PaletteTest checks every key against a search of every colour but the transparent one).
     */
    private static byte[] nearestTable() {
        byte[] table = new byte[1 << 15];
        for (int key = 0; key < table.length; key++) {
            int r = ((key >> 10) & 31) * 8 + 4;
            int g = ((key >> 5) & 31) * 8 + 4;
            int b = (key & 31) * 8 + 4;
            int cube = Math.round(r / 51f) * 36 + Math.round(g / 51f) * 6 + Math.round(b / 51f);
            int best = cube;
            int bestDistance = distance(cube, r, g, b);
            int below = Math.max(0, Math.min(DRAWN_GREYS - 1, ((r + g + b) / 3 - 6) / 6));
            for (int grey = below; grey <= Math.min(DRAWN_GREYS - 1, below + 1); grey++) {
                int distance = distance(CUBE + grey, r, g, b);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = CUBE + grey;
                }
            }
            table[key] = (byte) best;
        }
        return table;
    }

    static int distance(int index, int r, int g, int b) {
        int dr = MODEL.getRed(index) - r;
        int dg = MODEL.getGreen(index) - g;
        int db = MODEL.getBlue(index) - b;
        return dr * dr + dg * dg + db * db;
    }

    private static IndexColorModel model() {
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
        return new IndexColorModel(8, 256, r, g, b);
    }
}
