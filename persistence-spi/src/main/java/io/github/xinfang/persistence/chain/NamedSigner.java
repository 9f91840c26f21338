package io.github.xinfang.persistence.chain;

/** A signer named by its algorithm: the common part of the signers {@link CheckpointSigner}'s factories make. */
abstract class NamedSigner implements CheckpointSigner {
    private final String algorithm;

    NamedSigner(String algorithm) {
        this.algorithm = algorithm;
    }

    @Override
    public String algorithm() {
        return algorithm;
    }

    @Override
    public String toString() {
        return "CheckpointSigner[" + algorithm + "]";
    }
}
