/**
 * The in-memory reference store: the embedded default of xinfang and the reference the test kit
 * compares adapters with. Entry point: {@link io.github.xinfang.persistence.memory.InMemoryCaseStore}.
 *
 * @since 0.1
 */
package io.github.xinfang.persistence.memory;
