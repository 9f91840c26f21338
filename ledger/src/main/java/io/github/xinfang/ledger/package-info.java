/**
 * The one-case-one-sheet ledger (一案一表台账): {@link io.github.xinfang.ledger.Ledger} lists a batch's or a caller's
 * cases as rows and writes them, or one case's sheet with its whole history, as CSV or XLSX.
 */
package io.github.xinfang.ledger;
