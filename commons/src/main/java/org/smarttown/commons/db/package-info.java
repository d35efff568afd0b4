/**
 * Database helpers shared by the services, and the rules our queries follow because of how
 * Hibernate Reactive 3.2 caches query plans (one cache per service, shared by every query):
 * <ul>
 * <li><b>No native select through Hibernate on a path that runs again and again.</b> Hibernate
 * Reactive caches the plan of every run of a native query that returns rows (an
 * {@code insert ... returning} included) under a key that never matches again: its
 * {@code ReactiveResultSetMapping} has no {@code equals}. All those keys share the SQL's hash, so
 * the cache's frequency sketch counts them as one hot entry and evicts the plans of real queries.
 * Write such reads in HQL (over a query-only {@code @Immutable} entity where the table has no
 * entity of its own), run statements whose answer is not needed as updates, or use the Vert.x
 * {@code Pool} outside the Hibernate session. A native query with a list-valued parameter is
 * never cached, which is the way out when only native SQL will do.</li>
 * <li><b>Constant lists in HQL as literals, not parameters.</b> Hibernate caches no plan for an
 * HQL query with a list-valued parameter and translates it again at every run; and PostgreSQL's
 * generic plan for a prepared statement can use a partial index only when the query itself names
 * the values the index was built on. {@link org.smarttown.commons.db.HqlLiterals} writes them from
 * the enum sets the Java side uses.</li>
 * </ul>
 * The test-jar's {@code QueryPlans} counts the cached plans, so a test can prove that repeating a
 * request adds none.
 */
package org.smarttown.commons.db;
