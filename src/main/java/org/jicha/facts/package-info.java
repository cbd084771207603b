/**
 * The fact model: the Java types the rules see (documented field by field in docs/FACTS.md), and the
 * {@link org.jicha.facts.FactAssembler} that turns one customer's stored records into facts with their
 * derived history (last 12 periods, same month last year, streaks, working-day spans) before rules run,
 * so that rules stay simple and fast: one assembler per kind of fact behind it, pricing with the tariffs
 * ({@link org.jicha.facts.TariffCatalogue}). Pure Java: no Spring, no Drools.
 */
package org.jicha.facts;
