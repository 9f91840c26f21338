/**
 * The one rule for text the library accepts ({@link io.github.xinfang.text.TextRule}): well-formed Unicode, no
 * control characters but tab, CR and LF in free text, and ids and keys that look the same to every reader and
 * every store. Value constructors and the case service both apply it.
 *
 * @since 0.3
 */
package io.github.xinfang.text;
