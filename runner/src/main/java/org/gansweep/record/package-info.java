/** The embedded results store: results/<sweep>/, written atomically, readable without gansweep. */
package org.gansweep.record;
