/** Planning: a spec expanded into keyed runs, checked against each experiment's schema, and split into shards. */
package org.gansweep.plan;
