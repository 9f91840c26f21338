/**
 * A district petition bureau's year on the durable embedded store: 港北区 (450802) plays 2025 day by day, from a seeded
 * generator of petitions to the bureau's report (text, one self-contained HTML file) and the ledger (XLSX). Entry point:
 * {@link io.github.xinfang.examples.year.DistrictYearDemo}; the README's first command runs it.
 */
package io.github.xinfang.examples.year;
