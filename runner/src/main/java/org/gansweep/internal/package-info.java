/** Small JDK-only helpers shared by several stages: hashing, the JSON mapper, atomic file writes. */
package org.gansweep.internal;
