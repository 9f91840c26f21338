/**
 * Internal: a bounded JSON reader that turns one JSON document into plain Java values (maps, lists, strings,
 * numbers, booleans), so that the calendar and profile readers need no Jackson type. Not API; may change without
 * notice. Like the codec, this package depends on no other xinfang package.
 */
package io.github.xinfang.internal.json;
