package org.borderledger.command.web;

import java.util.List;

/** Implemented by each feature's controller: the operations it offers, so batches can offer them too. */
public interface WriteSource {

    List<Write<?>> operations();
}
