package org.gansweep.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The palette's nearest-colour table agrees with a search of the 255 colours pixels may take (all but the
 * transparent index), for every 15-bit RGB.
 */
class PaletteTest {
    @Test
    void nearestColourOfEveryRgbBinIsTheWholeSearchsLowestNearestIndex() {
        for (int key = 0; key < 1 << 15; key++) {
            int r = ((key >> 10) & 31) * 8 + 4;
            int g = ((key >> 5) & 31) * 8 + 4;
            int b = (key & 31) * 8 + 4;
            int best = 0;
            for (int i = 1; i < 256; i++) {
                if (i != Palette.TRANSPARENT && Palette.distance(i, r, g, b) < Palette.distance(best, r, g, b)) {
                    best = i;
                }
            }
            assertEquals(best, Palette.nearest(r << 16 | g << 8 | b) & 0xFF, "rgb " + r + " " + g + " " + b);
            // Any colour inside the bin maps as its centre does.
            assertEquals(best, Palette.nearest((r - 4) << 16 | (g + 3) << 8 | (b - 1)) & 0xFF);
        }
    }

    @Test
    void noColourMapsToTheTransparentIndexNotEvenItsOwn() {
        int reserved = Palette.rgb((byte) Palette.TRANSPARENT);
        assertNotEquals(Palette.TRANSPARENT, Palette.nearest(reserved) & 0xFF);
        for (int rgb = 0; rgb < 1 << 24; rgb += 0x010101) {
            assertNotEquals(Palette.TRANSPARENT, Palette.nearest(rgb) & 0xFF, "grey " + (rgb & 0xFF));
        }
    }
}
