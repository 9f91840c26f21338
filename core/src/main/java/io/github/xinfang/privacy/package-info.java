/**
 * Personal data at rest (PIPL Art. 28, 45, 47, 51; GB/T 39786-2021): the keys that encrypt each person's data in stored
 * events and snapshots, and the ciphers that use them.
 *
 * <p>The portal implements {@link io.github.xinfang.privacy.KeyProvider} over its key service (a KMS, an HSM, a
 * table of wrapped keys); {@link io.github.xinfang.privacy.InMemoryKeyProvider} is for tests and demos. Given one,
 * {@code CaseService.Builder.personalData} makes the codec encrypt every name, ID number, phone, address and free text
 * it stores, each under the {@link io.github.xinfang.privacy.DataKey key} of its petitioner, of its accused outside
 * party, or of the case, with AES-GCM or SM4-GCM ({@link io.github.xinfang.privacy.PersonalDataCipher}). Destroying a
 * key erases that person's data for good (crypto-shredding) while the history still replays and its hash chain still
 * verifies; restricting a key hides the data from reads and exports. The stored format and a test vector are in
 * {@code docs/personal-data.md}.
 *
 * @since 0.9
 */
package io.github.xinfang.privacy;
