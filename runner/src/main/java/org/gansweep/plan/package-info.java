/**
 * Planning: a spec expanded into keyed runs, checked against each experiment's schema, with the reference group the
 * report compares the others with, and split into shards.
 */
package org.gansweep.plan;
