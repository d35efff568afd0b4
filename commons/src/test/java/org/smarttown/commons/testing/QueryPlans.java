package org.smarttown.commons.testing;

import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.arc.ClientProxy;

/**
 * How many query plans Hibernate holds in its plan cache.
 *
 * <p>
 * Hibernate Reactive 3.2 caches the plan of every native select under a key that never matches
 * again (its {@code ReactiveResultSetMapping} has no {@code equals}, so two keys for the same SQL
 * differ), and all those keys share one hash: each run adds a plan, lookups for that SQL walk them
 * all, and the cache's frequency sketch takes them for one hot entry, so real HQL plans are evicted.
 * A test runs a hot path a few times and checks the count did not grow with the runs.
 */
public final class QueryPlans {

    /** Quarkus' default cache size is 2,048 plans (quarkus.hibernate-orm.query.query-plan-cache-max-size). */
    private static final int NEARLY_FULL = 1_900;

    private QueryPlans() {
    }

    public static int cached(Mutiny.SessionFactory factory) {
        Object impl = factory instanceof ClientProxy proxy ? proxy.arc_contextualInstance() : factory;
        try {
            // Hibernate Reactive exposes no public way to the ORM factory behind its Mutiny one.
            var delegate = impl.getClass().getDeclaredField("delegate");
            delegate.setAccessible(true);
            int plans = ((SessionFactoryImpl) delegate.get(impl)).getQueryEngine().getInterpretationCache()
                    .getNumberOfCachedQueryPlans();
            if (plans >= NEARLY_FULL) {
                // A full cache stops growing whatever runs: a leak elsewhere would hide the one tested.
                throw new IllegalStateException("Hibernate's plan cache is nearly full (" + plans
                        + " plans): something else adds plans, and growth cannot be measured");
            }
            return plans;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Hibernate Reactive changed: cannot count its query plans", e);
        }
    }
}
