package org.borderledger.command.web;

import java.util.List;

/**
 * Implemented by each feature's controller: the writes it offers, each posted on its own at {@link #path()} followed by
 * its request's {@link WritePath}, and as an item of a batch.
 */
public interface WriteSource {

    /** Where the feature's writes are posted, e.g. {@code /api/agreements}. */
    String path();

    List<Write<?>> operations();
}
