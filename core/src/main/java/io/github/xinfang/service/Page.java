package io.github.xinfang.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset listing of {@link CaseListings}: its items, in the listing's order, and the opaque cursor of
 * the next page, if there is one. Pass the cursor back to the same listing, with the same filters, to read the next
 * page; its content is core's business (it encodes the last item's keyset position, see {@link CaseListings}).
 * Immutable if its items are.
 *
 * @param items the page's items, at most the page size asked for
 * @param next the cursor of the next page; empty on the last page
 * @param <T> the item type
 * @since 0.4
 */
public record Page<T>(List<T> items, Optional<String> next) {

    /**
     * @throws NullPointerException naming a null items, element or next
     */
    public Page {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(next, "next");
        items = List.copyOf(items);
    }

    /** @return whether a next page exists */
    public boolean hasNext() {
        return next.isPresent();
    }
}
