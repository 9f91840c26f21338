/**
 * Internal: the codec that turns case events and snapshots into stored records and back, and computes
 * command digests ({@link io.github.xinfang.internal.codec.CaseCodec}). Not API; may change without notice.
 *
 * <p>Jackson lives here and only here: the domain types carry no Jackson annotation; this package registers
 * its own serializers and deserializers. The stable type names and current schema versions are in
 * {@code TypeTable}; the upcasters that read older schema versions are in {@code Upcasters}, one chain per
 * type, kept apart from the table. The committed golden files of the tests
 * ({@code core/src/test/resources/io/github/xinfang/codec/golden/}) pin the format of every type.
 */
package io.github.xinfang.internal.codec;
