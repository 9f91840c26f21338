package io.github.xinfang.cases;

/**
 * The null checks of a record's compact constructor, naming the component: {@code nonNull(Routed.class, id, actor,
 * recordedAt, unit, receivedOn)} checks the record's leading components in their declared order and throws a
 * {@link NullPointerException} whose message is the first null one's name, as {@code Objects.requireNonNull(x, "x")}
 * does. A test builds every event and command with each component null in turn and checks the name.
 */
final class Components {
    private Components() {}

    /**
     * @param type the record
     * @param leading the values of its first components, in their declared order
     * @throws NullPointerException naming the first null component
     */
    static void nonNull(Class<? extends Record> type, Object... leading) {
        for (int i = 0; i < leading.length; i++) {
            if (leading[i] == null) throw new NullPointerException(type.getRecordComponents()[i].getName());
        }
    }
}
