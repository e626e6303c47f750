package org.gansweep.plan;

import java.util.Optional;

/**
 * A rule over several parameters of one resolved config, such as "this regularizer is defined for that
 * loss only", which per-parameter checks cannot express. The planner checks every config a sweep expands
 * to before anything trains, so a bad combination is bad input (exit 2), not a run that silently computes
 * something undefined. Implementations are pure functions.
 */
@FunctionalInterface
public interface ConfigRule {
    /** Why the config breaks the rule, naming the parameters, their values and what is allowed; else empty. */
    Optional<String> violation(ResolvedConfig config);
}
