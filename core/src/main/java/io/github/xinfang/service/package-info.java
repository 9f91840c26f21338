/**
 * The case service: the entry point portals call. It checks, loads, decides, commits at the expected
 * version with bounded retries, keeps commands idempotent, and notifies listeners after each commit.
 *
 * <p>Entry point: {@link io.github.xinfang.service.CaseService#builder}.
 *
 * @since 0.1
 */
package io.github.xinfang.service;
