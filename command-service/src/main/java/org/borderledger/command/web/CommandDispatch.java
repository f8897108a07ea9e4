package org.borderledger.command.web;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.store.AppendedPositions;
import org.borderledger.command.store.StorePositions;
import org.borderledger.events.EventMetadata;
import org.springframework.stereotype.Component;

/**
 * Sends one write's command to its aggregate, with the submitter and request in its metadata, and answers with the
 * global position of the event it appended, as the append returned it. A creating write is refused when its id is
 * already taken by an aggregate of any type.
 */
@Component
record CommandDispatch(CommandGateway commands, AggregateIdRepository ids, StorePositions positions) {

    <R> Accepted send(Write<R> operation, String target, R body, SubmissionContext context) {
        Dispatch dispatch = operation.factory().dispatch(target, body, context.submitter());
        if (!operation.targeted()) {
            ids.requireUnused(dispatch.aggregateId());
        }
        AppendedPositions.Appended<Object> appended = AppendedPositions.during(() -> commands.sendAndWait(
                GenericCommandMessage.asCommandMessage(dispatch.command()).andMetaData(metaData(context))));
        long position = appended.last()
                .orElseGet(() -> positions.lastOf(dispatch.aggregateId()).orElseThrow());
        return new Accepted(dispatch.aggregateId(), position);
    }

    private static Map<String, Object> metaData(SubmissionContext context) {
        MetaData metaData = MetaData.with(
                        EventMetadata.SUBMITTER, context.submitter().subject())
                .and(EventMetadata.UNIT, context.submitter().unit())
                .and(EventMetadata.SIDE, context.submitter().side().name())
                .and(EventMetadata.PROVINCE, context.submitter().province())
                .and(EventMetadata.CORRELATION_ID, context.correlationId());
        if (context.requestId() != null) {
            metaData = metaData.and(EventMetadata.REQUEST_ID, context.requestId());
        }
        if (context.idempotencyKey() != null) {
            metaData = metaData.and(EventMetadata.IDEMPOTENCY_KEY, context.idempotencyKey());
        }
        return metaData;
    }
}
