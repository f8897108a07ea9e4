package org.borderledger.command.publish;

/**
 * The topic already holds a position the event store does not reach: the store lost events, or was restored from an
 * older backup. Publishing would hand the same positions to other facts, so nothing is published.
 */
final class StoreBehindTopic extends RuntimeException {

    private final String topic;
    private final long storeEnd;
    private final long topicEnd;

    StoreBehindTopic(String topic, long storeEnd, long topicEnd) {
        super("The event store ends at position " + storeEnd + " but topic " + topic + " already holds position "
                + topicEnd + ": the store lost events or was restored from an older backup. Nothing is published"
                + " until the store is restored, or its history is re-published into a new topic and the read side"
                + " rebuilt from it.");
        this.topic = topic;
        this.storeEnd = storeEnd;
        this.topicEnd = topicEnd;
    }

    String topic() {
        return topic;
    }

    long storeEnd() {
        return storeEnd;
    }

    long topicEnd() {
        return topicEnd;
    }
}
