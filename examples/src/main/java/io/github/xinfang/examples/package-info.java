/**
 * Runnable programs a portal developer copies from. Entry point: {@link io.github.xinfang.examples.LifecycleDemo}.
 */
package io.github.xinfang.examples;
