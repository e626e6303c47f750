/** Sweep specs: the JSON a user writes, parsed and shape-checked with errors that name the JSON path. */
package org.gansweep.spec;
