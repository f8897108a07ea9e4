package org.borderledger.command.web;

import java.util.List;

/**
 * Implemented by each slice's controller: its writes, which {@code POST /api/batches} accepts as items by their
 * {@link Write#type()}, read, validated and submitted as the controller's own {@code @PostMapping} would.
 */
public interface BatchWrites {

    List<Write<?>> batchWrites();
}
