/**
 * xinfang beside the engines a portal would otherwise model the procedure in (stateless4j, squirrel-foundation, Spring
 * Statemachine, Flowable), all on one path ({@link io.github.xinfang.bench.peers.PeerPath}) with the same guards and
 * events. Not published.
 */
package io.github.xinfang.bench.peers;
