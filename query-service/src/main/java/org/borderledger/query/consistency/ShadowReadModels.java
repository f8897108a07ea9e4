package org.borderledger.query.consistency;

import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's own projections and repositories, a second time, writing into another database schema: a small
 * context of every {@code @ProcessingGroup("projections")} class, the projections' {@link ReadModelWrites} and every
 * {@code @Repository} of the read models, whose {@link JdbcClient} and transaction manager sit on the shadow data
 * source. Anything else they need (a clock,
 * the read-your-writes notifier) comes from the service's context. Events go through Axon's annotation handling, as
 * the processor delivers them, so the rebuild runs exactly the code the live read models ran.
 */
final class ShadowReadModels implements AutoCloseable {

    private static final String BASE_PACKAGE = "org.borderledger.query";
    private static final Pattern NOT_READ_MODELS =
            Pattern.compile("org\\.borderledger\\.query\\.(replay|rebuild|consistency)\\..*");
    private static final String PROJECTIONS = "projections";

    private final AnnotationConfigApplicationContext context;
    private final List<AnnotationEventHandlerAdapter> handlers;
    private final TransactionTemplate transaction;

    private ShadowReadModels(AnnotationConfigApplicationContext context, PlatformTransactionManager transactions) {
        this.context = context;
        this.transaction = new TransactionTemplate(transactions);
        this.handlers = context.getBeansWithAnnotation(ProcessingGroup.class).entrySet().stream()
                .filter(bean -> PROJECTIONS.equals(context.findAnnotationOnBean(bean.getKey(), ProcessingGroup.class)
                        .value()))
                .map(bean -> new AnnotationEventHandlerAdapter(bean.getValue()))
                .toList();
    }

    /**
     * Projections over {@code shadow}; {@code service} resolves what else they need. The service is a parent bean
     * factory only, not a parent context: the shadow context's events stay its own.
     */
    static ShadowReadModels open(BeanFactory service, DataSource shadow) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getDefaultListableBeanFactory().setParentBeanFactory(service);
        PlatformTransactionManager transactions = new DataSourceTransactionManager(shadow);
        context.registerBean(
                "jdbcClient", JdbcClient.class, () -> JdbcClient.create(shadow), bean -> bean.setPrimary(true));
        context.registerBean(
                "jdbcTemplate", JdbcTemplate.class, () -> new JdbcTemplate(shadow), bean -> bean.setPrimary(true));
        context.registerBean(
                "transactionManager",
                PlatformTransactionManager.class,
                () -> transactions,
                bean -> bean.setPrimary(true));
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Repository.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(ReadModelWrites.class));
        scanner.addExcludeFilter(new RegexPatternTypeFilter(NOT_READ_MODELS));
        scanner.scan(BASE_PACKAGE);
        context.refresh();
        ShadowReadModels models = new ShadowReadModels(context, transactions);
        if (models.handlers.isEmpty()) {
            models.close();
            throw new IllegalStateException("No projections found under " + BASE_PACKAGE);
        }
        return models;
    }

    /** Applies the events, in order, to every projection, in one transaction of the shadow. */
    void apply(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> events.forEach(this::handle));
    }

    private void handle(EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "A projection failed on event " + event.getIdentifier() + " ("
                                    + event.getPayloadType().getSimpleName() + ") in the rebuild",
                            e);
                }
            }
        }
    }

    /** How many projections the rebuild runs. */
    int projections() {
        return handlers.size();
    }

    @Override
    public void close() {
        context.close();
    }
}
