/**
 * The tamper-evident history: the event chain's format ({@link io.github.xinfang.persistence.chain.EventChain}), its
 * verifier ({@link io.github.xinfang.persistence.chain.ChainVerifier}) and signed checkpoints of the chain heads kept
 * outside the database ({@link io.github.xinfang.persistence.chain.ChainCheckpoint},
 * {@link io.github.xinfang.persistence.chain.CheckpointSigner},
 * {@link io.github.xinfang.persistence.chain.CheckpointArchive}). A store keeps the links the case service computes
 * (rule S9 of {@link io.github.xinfang.persistence.CaseStore}); everything here depends on the JDK alone, and SM3 and
 * SM2 come from a JCA provider the caller passes (Bouncy Castle).
 *
 * @since 0.7
 */
package io.github.xinfang.persistence.chain;
