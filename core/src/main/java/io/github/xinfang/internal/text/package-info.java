/**
 * Internal: the scope in which stored text is read as it was written. Not API; may change without notice.
 */
package io.github.xinfang.internal.text;
