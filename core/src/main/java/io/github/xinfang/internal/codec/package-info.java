/**
 * Internal: the codec that turns case events and snapshots into stored records and back, and computes
 * command digests ({@link io.github.xinfang.internal.codec.CaseCodec}). Not API; may change without notice.
 *
 * <p>Jackson lives here and only here: the domain types carry no Jackson annotation; this package registers
 * its own serializers and deserializers. The stable type names and schema versions are in
 * {@code TypeTable}.
 */
package io.github.xinfang.internal.codec;
